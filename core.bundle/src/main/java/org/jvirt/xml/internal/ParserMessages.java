package org.jvirt.xml.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JDK's StAX parser reports errors in Xerces' words; libvirt passes libxml2's on. For the
 * errors hostile input provokes most, characters XML 1.0 does not allow, this gives libxml2's
 * message ({@code PCDATA invalid Char value 1}); other messages keep the JDK's text.
 */
final class ParserMessages {
    private static final Pattern IN_CONTENT = Pattern.compile(
            "An invalid XML character \\(Unicode: 0x(\\p{XDigit}+)\\) was found in the (element content|CDATA section)");
    private static final Pattern IN_ATTRIBUTE = Pattern.compile(
            "An invalid XML character \\(Unicode: 0x(\\p{XDigit}+)\\) was found in the value of attribute");
    private static final Pattern IN_COMMENT = Pattern.compile(
            "An invalid XML character \\(Unicode: 0x(\\p{XDigit}+)\\) was found in the comment");
    private static final Pattern ELSEWHERE = Pattern.compile(
            "An invalid XML character \\(Unicode: 0x(\\p{XDigit}+)\\) was found");
    private static final Pattern CHAR_REF = Pattern.compile(
            "Character reference \"&#(x?)(\\p{XDigit}+)\" is an invalid XML character");

    private ParserMessages() {
    }

    /** libxml2's wording for {@code message} (an {@code XMLStreamException}'s), or its own detail. */
    static String libxml2(String message) {
        String msg = message == null ? "malformed XML" : message;
        int i = msg.indexOf("Message: ");
        if (i >= 0) {
            msg = msg.substring(i + "Message: ".length());
        }
        Matcher m = IN_CONTENT.matcher(msg);
        if (m.find()) {
            return "PCDATA invalid Char value " + Integer.parseInt(m.group(1), 16);
        }
        if (IN_ATTRIBUTE.matcher(msg).find()) {
            return "invalid character in attribute value";
        }
        m = IN_COMMENT.matcher(msg);
        if (m.find()) {
            return "xmlParseComment: invalid xmlChar value " + Integer.parseInt(m.group(1), 16);
        }
        m = ELSEWHERE.matcher(msg);
        if (m.find()) {
            return "Char 0x" + m.group(1).toUpperCase() + " out of allowed range";
        }
        m = CHAR_REF.matcher(msg);
        if (m.find()) {
            return "xmlParseCharRef: invalid xmlChar value " + Integer.parseInt(m.group(2), m.group(1).isEmpty() ? 10 : 16);
        }
        return msg;
    }
}
