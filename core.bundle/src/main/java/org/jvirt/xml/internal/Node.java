package org.jvirt.xml.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Preserved;
import org.jvirt.api.xml.XmlAttribute;
import org.jvirt.api.xml.XmlElement;

/**
 * Reading view of one element that remembers which attributes and children the parser used, so
 * that everything else can be kept ({@link #rest()}) rather than silently dropped.
 */
final class Node {
    private final XmlElement element;
    private final Set<String> usedAttributes = new HashSet<>();
    private final Map<XmlElement, Boolean> usedChildren = new IdentityHashMap<>();

    Node(XmlElement element) {
        this.element = element;
    }

    XmlElement element() {
        return element;
    }

    String name() {
        return element.name();
    }

    String text() {
        return element.text();
    }

    /** The attribute, or null; marks it used. */
    String attr(String name) {
        usedAttributes.add(name);
        return element.attribute(name);
    }

    /** The attribute, or an XML error naming it and this element when absent. */
    String requiredAttr(String name) throws VirtException {
        String v = attr(name);
        if (v == null) {
            throw XmlErrors.xml("missing " + name + " attribute in <" + element.name() + ">");
        }
        return v;
    }

    Integer intAttr(String name) throws VirtException {
        String v = attr(name);
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v.trim());
        } catch (NumberFormatException e) {
            throw XmlErrors.xml("invalid value '" + v + "' of attribute '" + name + "' in <" + element.name() + ">");
        }
    }

    /** The first child named {@code name}, or null; marks it used. */
    Node child(String name) {
        for (XmlElement c : element.children()) {
            if (c.name().equals(name)) {
                usedChildren.put(c, Boolean.TRUE);
                return new Node(c);
            }
        }
        return null;
    }

    /** All children named {@code name}; marks them used. */
    List<Node> children(String name) {
        List<Node> out = new ArrayList<>();
        for (XmlElement c : element.children()) {
            if (c.name().equals(name)) {
                usedChildren.put(c, Boolean.TRUE);
                out.add(new Node(c));
            }
        }
        return out;
    }

    /**
     * The text of child {@code name}, or null; marks it used. The child must be a plain text
     * element: attributes or child elements there would otherwise be lost.
     */
    String childText(String name) throws VirtException {
        Node c = child(name);
        if (c == null) {
            return null;
        }
        c.requireFullyRead();
        return c.text();
    }

    /**
     * For elements the model covers completely: anything not read is an XML error rather than
     * something silently dropped.
     */
    void requireFullyRead() throws VirtException {
        Preserved rest = rest();
        if (!rest.attributes().isEmpty()) {
            throw XmlErrors.xml("unsupported attribute '" + rest.attributes().get(0).name() + "' in element '"
                    + element.name() + "'");
        }
        for (XmlElement c : rest.children()) {
            if (!c.name().equals(XmlElement.TEXT)) {
                throw XmlErrors.xml("unexpected element '" + c.name() + "' in element '" + element.name() + "'");
            }
        }
    }

    /** Whether a child {@code name} exists; marks it used. */
    boolean flag(String name) {
        return child(name) != null;
    }

    /** Marks a child as used without reading it (it is handled elsewhere). */
    void use(XmlElement child) {
        usedChildren.put(child, Boolean.TRUE);
    }

    /**
     * Everything not read so far. Text between the child elements of an element the model reads
     * carries no configuration and is dropped, as libvirt drops it; kept, it would be formatted as
     * an element of its own.
     */
    Preserved rest() {
        List<XmlAttribute> attrs = new ArrayList<>();
        for (XmlAttribute a : element.attributes()) {
            if (!usedAttributes.contains(a.name())) {
                attrs.add(a);
            }
        }
        // a second element of a name the model read is a duplicate: libvirt reads the first
        // (XPath's [1]) and ignores the others; kept, it would be read in place of the first once
        // the output is parsed again (found by DomainXmlFuzzTest)
        Set<String> readNames = new HashSet<>();
        usedChildren.keySet().forEach(c -> readNames.add(c.name()));
        List<XmlElement> kids = new ArrayList<>();
        for (XmlElement c : element.children()) {
            if (!usedChildren.containsKey(c) && !c.name().equals(XmlElement.TEXT) && !readNames.contains(c.name())) {
                kids.add(withoutMixedText(c));
            }
        }
        return new Preserved(attrs, kids);
    }

    /**
     * {@code e} with the text dropped from its mixed content, at every level: kept verbatim, such
     * text would be dropped anyway once the element is modelled (a duplicate {@code <cputune>}
     * kept here becomes the modelled one when the output is read again: found by
     * DomainXmlFuzzTest). libvirt drops unknown elements altogether. Recursion is bounded by the
     * reader's depth limit (256), which every tree reaching the codec has passed.
     */
    private static XmlElement withoutMixedText(XmlElement e) {
        if (e.children().stream().allMatch(c -> c.name().equals(XmlElement.TEXT))) {
            return e;   // a leaf, or text only: no mixed content
        }
        List<XmlElement> kids = new ArrayList<>(e.children().size());
        for (XmlElement c : e.children()) {
            if (!c.name().equals(XmlElement.TEXT)) {
                kids.add(withoutMixedText(c));
            }
        }
        return new XmlElement(e.name(), e.attributes(), kids, e.text());
    }
}
