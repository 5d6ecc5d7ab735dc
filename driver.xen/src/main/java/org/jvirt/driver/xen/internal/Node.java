package org.jvirt.driver.xen.internal;

import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.xml.XmlAttribute;
import org.jvirt.api.xml.XmlElement;

/**
 * A mutable XML element the config readers build a definition in before the codec parses it into
 * the domain model (so the model's own parser checks every value, with libvirt's messages).
 */
final class Node {
    final String name;
    private final List<XmlAttribute> attributes = new ArrayList<>();
    final List<Node> children = new ArrayList<>();
    private String text;

    Node(String name) {
        this.name = name;
    }

    /** Sets an attribute; a null value leaves it out. */
    Node attr(String attr, Object value) {
        if (value != null) {
            attributes.removeIf(a -> a.name().equals(attr));
            attributes.add(new XmlAttribute(attr, value.toString()));
        }
        return this;
    }

    String attr(String attr) {
        return attributes.stream().filter(a -> a.name().equals(attr)).map(XmlAttribute::value).findFirst().orElse(null);
    }

    /** Appends and returns a new child. */
    Node add(String childName) {
        Node n = new Node(childName);
        children.add(n);
        return n;
    }

    /** Appends a child holding text; a null text adds nothing. */
    Node text(String childName, Object value) {
        if (value != null) {
            add(childName).text = value.toString();
        }
        return this;
    }

    /** Sets this element's character content. */
    Node setText(Object value) {
        this.text = value == null ? null : value.toString();
        return this;
    }

    /** The character content, or null. */
    String text() {
        return text;
    }

    /** The first child of that name, or null. */
    Node child(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).findFirst().orElse(null);
    }

    /** The first child of that name, created (appended) when absent. */
    Node childOrAdd(String childName) {
        Node c = child(childName);
        return c != null ? c : add(childName);
    }

    List<Node> all(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).toList();
    }

    XmlElement toElement() {
        List<XmlElement> kids = new ArrayList<>();
        for (Node c : children) {
            kids.add(c.toElement());
        }
        return new XmlElement(name, attributes, kids, text);
    }
}
