package org.jvirt.secret.internal.conf;

import org.jvirt.api.xml.XmlElement;

/** Text of XML elements as libvirt's {@code virXPathString("string(...)")} gives it, and escaping. */
final class Texts {

    private Texts() {
    }

    /** All character data under {@code e}, in document order; null when absent or empty (as libvirt). */
    static String of(XmlElement e) {
        if (e == null) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        append(e, b);
        return b.isEmpty() ? null : b.toString();
    }

    private static void append(XmlElement e, StringBuilder b) {
        if (e.text() != null) {
            b.append(e.text());
        }
        for (XmlElement c : e.children()) {
            append(c, b);
        }
    }

    /** libvirt's {@code virBufferEscapeString} for element text. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
