package org.jvirt.xml.internal;

import java.util.List;

import org.jvirt.api.xml.XmlElement;

/**
 * Small sub-elements that the model types as records: typed only when the element is single and
 * holds nothing the record does not name; otherwise it stays untouched in the holder's preserved
 * rest, so that nothing written is dropped.
 */
final class Leaf {
    private Leaf() {
    }

    /** The child {@code name} as a Node marked used, or null when absent or not completely known. */
    static Node known(Node holder, String name, String... attributes) {
        List<XmlElement> found = holder.element().children(name);
        if (found.size() != 1) {
            return null;
        }
        XmlElement e = found.get(0);
        if (!e.children().isEmpty() || e.text() != null && !e.text().isBlank()) {
            return null;
        }
        List<String> allowed = List.of(attributes);
        if (e.attributes().stream().anyMatch(a -> !allowed.contains(a.name()))) {
            return null;
        }
        holder.use(e);
        return new Node(e);
    }

    /** The single attribute of a known child ({@code <script path=>}), or null. */
    static String attr(Node holder, String name, String attribute) {
        Node n = known(holder, name, attribute);
        return n == null ? null : n.attr(attribute);
    }
}
