package org.jvirt.xml.internal;

import org.jvirt.api.xml.XmlAttribute;
import org.jvirt.api.xml.XmlElement;

/**
 * Writes an {@link XmlElement} tree the way libvirt's virBuffer formatting does: 2-space
 * indentation, {@code '}-quoted attributes, {@code <x/>} for empty elements, one element a line.
 * {@link #writeLibxml} writes as libxml2's {@code xmlNodeDump} does, which libvirt uses for
 * {@code <metadata>} ({@code "}-quoted attributes).
 */
final class XmlWriter {
    private XmlWriter() {
    }

    static void write(StringBuilder out, XmlElement e, int indent) {
        pad(out, indent).append('<').append(e.name());
        for (XmlAttribute a : e.attributes()) {
            out.append(' ').append(a.name()).append("='").append(escape(a.value())).append('\'');
        }
        if (e.children().isEmpty()) {
            if (e.text() == null || e.text().isEmpty()) {
                out.append("/>\n");
            } else {
                out.append('>').append(escape(e.text())).append("</").append(e.name()).append(">\n");
            }
            return;
        }
        if (e.children().stream().anyMatch(c -> c.name().equals(XmlElement.TEXT))) {
            out.append('>');
            for (XmlElement c : e.children()) {
                writeInline(out, c);
            }
            out.append("</").append(e.name()).append(">\n");
            return;
        }
        out.append(">\n");
        for (XmlElement c : e.children()) {
            write(out, c, indent + 2);
        }
        pad(out, indent).append("</").append(e.name()).append(">\n");
    }

    private static void writeInline(StringBuilder out, XmlElement e) {
        if (e.name().equals(XmlElement.TEXT)) {
            out.append(escape(e.text()));
            return;
        }
        out.append('<').append(e.name());
        for (XmlAttribute a : e.attributes()) {
            out.append(' ').append(a.name()).append("='").append(escape(a.value())).append('\'');
        }
        if (e.children().isEmpty() && (e.text() == null || e.text().isEmpty())) {
            out.append("/>");
            return;
        }
        out.append('>');
        if (e.text() != null) {
            out.append(escape(e.text()));
        }
        e.children().forEach(c -> writeInline(out, c));
        out.append("</").append(e.name()).append('>');
    }

    /** libxml2's formatted dump of {@code e}; the first line is not padded, no final newline. */
    static void writeLibxml(StringBuilder out, XmlElement e, int indent, boolean padFirst) {
        if (padFirst) {
            pad(out, indent);
        }
        out.append('<').append(e.name());
        for (XmlAttribute a : e.attributes()) {
            out.append(' ').append(a.name()).append("=\"").append(escapeLibxmlAttr(a.value())).append('"');
        }
        boolean mixed = e.children().stream().anyMatch(c -> c.name().equals(XmlElement.TEXT));
        if (e.children().isEmpty()) {
            if (e.text() == null || e.text().isEmpty()) {
                out.append("/>");
            } else {
                out.append('>').append(escapeLibxmlText(e.text())).append("</").append(e.name()).append('>');
            }
            return;
        }
        out.append('>');
        for (XmlElement c : e.children()) {
            if (c.name().equals(XmlElement.TEXT)) {
                out.append(escapeLibxmlText(c.text()));
            } else if (mixed) {
                writeLibxml(out, c, 0, false);
            } else {
                out.append('\n');
                writeLibxml(out, c, indent + 2, true);
            }
        }
        if (!mixed) {
            out.append('\n');
            pad(out, indent);
        }
        out.append("</").append(e.name()).append('>');
    }

    private static StringBuilder pad(StringBuilder out, int indent) {
        for (int i = 0; i < indent; i++) {
            out.append(' ');
        }
        return out;
    }

    /** virBufferEscapeString: the five XML specials, and control characters dropped. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '\'' -> b.append("&apos;");
                case '"' -> b.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    private static String escapeLibxmlText(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;");
    }

    private static String escapeLibxmlAttr(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;");
    }
}
