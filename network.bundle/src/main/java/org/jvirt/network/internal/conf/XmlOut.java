package org.jvirt.network.internal.conf;

import org.jvirt.api.xml.XmlAttribute;
import org.jvirt.api.xml.XmlElement;

/** An indenting text buffer as libvirt's virBuffer, with its XML escaping (virBufferEscapeString). */
final class XmlOut {
    private final StringBuilder sb = new StringBuilder();
    private int indent;

    XmlOut line(String text) {
        sb.append(" ".repeat(indent)).append(text).append('\n');
        return this;
    }

    void in() {
        indent += 2;
    }

    void out() {
        indent -= 2;
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '\'' -> b.append("&apos;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** {@code " name='value'"}, or "" for a null value. */
    static String attr(String name, Object value) {
        return value == null ? "" : " " + name + "='" + esc(value.toString()) + "'";
    }

    /** An element kept as it was read, attributes in their order, children indented by two. */
    void verbatim(XmlElement e) {
        verbatim(e, '\'');
    }

    /** As {@link #verbatim(XmlElement)}, attributes in double quotes as libxml2 saves a tree ({@code <metadata>}). */
    void verbatimAsSaved(XmlElement e) {
        verbatim(e, '"');
    }

    private void verbatim(XmlElement e, char quote) {
        if (e == null) {
            return;
        }
        StringBuilder open = new StringBuilder("<").append(e.name());
        for (XmlAttribute a : e.attributes()) {
            open.append(' ').append(a.name()).append('=').append(quote).append(esc(a.value())).append(quote);
        }
        boolean hasText = e.text() != null && !e.text().isBlank();
        if (e.children().isEmpty() && !hasText) {
            line(open.append("/>").toString());
            return;
        }
        if (e.children().isEmpty()) {
            line(open.append('>').append(esc(e.text())).append("</").append(e.name()).append('>').toString());
            return;
        }
        line(open.append('>').toString());
        in();
        for (XmlElement c : e.children()) {
            if (!c.name().equals(XmlElement.TEXT)) {
                verbatim(c, quote);
            }
        }
        out();
        line("</" + e.name() + ">");
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
