package org.jvirt.xml.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.jvirt.api.xml.XmlAttribute;
import org.jvirt.api.xml.XmlElement;

/**
 * Writes an {@link XmlElement} tree the way libvirt's virBuffer formatting does: 2-space
 * indentation, {@code '}-quoted attributes, {@code <x/>} for empty elements, one element a line.
 * {@link #writeLibxml} writes as libxml2's {@code xmlNodeDump} does, which libvirt uses for
 * {@code <metadata>} ({@code "}-quoted attributes).
 */
final class XmlWriter {
    /**
     * libxml2's MAX_INDENT: {@code xmlNodeDump} indents at most 60 spaces, however deep the node, so
     * a dump is linear in the tree's size.
     */
    private static final int LIBXML_MAX_INDENT = 60;
    /**
     * virBuffer's indentation has no cap in libvirt, which drops the elements it does not know and so
     * never nests deeper than its schema (15 levels in its test data). jvirt keeps unknown content,
     * up to 256 levels deep; it stops indenting where libxml2 does, so that every element costs at
     * most 60 spaces and the output stays linear in the input.
     */
    private static final int MAX_INDENT = LIBXML_MAX_INDENT;

    /** How an element is written: virBuffer lines, inside mixed content, or libxml2's dump. */
    private enum Style { BLOCK, INLINE, LIBXML, LIBXML_PADDED }

    /** One step of the work list: an element to open (with its indentation) or literal text. */
    private record Step(XmlElement element, Style style, int indent, String literal) {
        static Step text(String literal) {
            return new Step(null, null, 0, literal);
        }
    }

    private XmlWriter() {
    }

    /** Writes {@code e} as libvirt's virBuffer formatting does, starting at {@code indent} spaces. */
    static void write(StringBuilder out, XmlElement e, int indent) {
        run(out, new Step(e, Style.BLOCK, indent, null));
    }

    /** libxml2's formatted dump of {@code e}; the first line is not padded, no final newline. */
    static void writeLibxml(StringBuilder out, XmlElement e, int indent, boolean padFirst) {
        run(out, new Step(e, padFirst ? Style.LIBXML_PADDED : Style.LIBXML, indent, null));
    }

    /** Writes with a work list instead of recursion: nesting never costs stack. */
    private static void run(StringBuilder out, Step first) {
        Deque<Step> todo = new ArrayDeque<>();
        todo.push(first);
        while (!todo.isEmpty()) {
            Step s = todo.pop();
            if (s.literal() != null) {
                out.append(s.literal());
            } else if (s.style() == Style.BLOCK) {
                block(out, s.element(), s.indent(), todo);
            } else if (s.style() == Style.INLINE) {
                inline(out, s.element(), todo);
            } else {
                libxml(out, s.element(), s.indent(), s.style() == Style.LIBXML_PADDED, todo);
            }
        }
    }

    private static void block(StringBuilder out, XmlElement e, int indent, Deque<Step> todo) {
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
        List<Step> steps = new ArrayList<>();
        if (e.children().stream().anyMatch(c -> c.name().equals(XmlElement.TEXT))) {
            out.append('>');
            e.children().forEach(c -> steps.add(new Step(c, Style.INLINE, 0, null)));
            steps.add(Step.text("</" + e.name() + ">\n"));
        } else {
            out.append(">\n");
            e.children().forEach(c -> steps.add(new Step(c, Style.BLOCK, indent + 2, null)));
            steps.add(Step.text(pad(new StringBuilder(), indent).append("</").append(e.name()).append(">\n").toString()));
        }
        pushInOrder(todo, steps);
    }

    private static void inline(StringBuilder out, XmlElement e, Deque<Step> todo) {
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
        List<Step> steps = new ArrayList<>();
        e.children().forEach(c -> steps.add(new Step(c, Style.INLINE, 0, null)));
        steps.add(Step.text("</" + e.name() + ">"));
        pushInOrder(todo, steps);
    }

    private static void libxml(StringBuilder out, XmlElement e, int indent, boolean padFirst, Deque<Step> todo) {
        if (padFirst) {
            padLibxml(out, indent);
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
        List<Step> steps = new ArrayList<>();
        for (XmlElement c : e.children()) {
            if (c.name().equals(XmlElement.TEXT)) {
                steps.add(Step.text(escapeLibxmlText(c.text())));
            } else if (mixed) {
                steps.add(new Step(c, Style.LIBXML, 0, null));
            } else {
                steps.add(Step.text("\n"));
                steps.add(new Step(c, Style.LIBXML_PADDED, indent + 2, null));
            }
        }
        StringBuilder close = new StringBuilder();
        if (!mixed) {
            padLibxml(close.append('\n'), indent);
        }
        steps.add(Step.text(close.append("</").append(e.name()).append('>').toString()));
        pushInOrder(todo, steps);
    }

    /** Pushes {@code steps} so that the first is done first. */
    private static void pushInOrder(Deque<Step> todo, List<Step> steps) {
        for (int i = steps.size() - 1; i >= 0; i--) {
            todo.push(steps.get(i));
        }
    }

    private static StringBuilder padLibxml(StringBuilder out, int indent) {
        return spaces(out, Math.min(indent, LIBXML_MAX_INDENT));
    }

    private static StringBuilder pad(StringBuilder out, int indent) {
        return spaces(out, Math.min(indent, MAX_INDENT));
    }

    private static StringBuilder spaces(StringBuilder out, int indent) {
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
