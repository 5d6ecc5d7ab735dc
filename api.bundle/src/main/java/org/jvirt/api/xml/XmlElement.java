package org.jvirt.api.xml;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A piece of XML kept as it was read: how the model holds what it does not name (so that nothing
 * is dropped) and free-form content such as {@code <metadata>}.
 *
 * <p>An element has either text (a leaf such as {@code <name>x</name>}, text may be null for
 * {@code <x/>}) or children. Mixed content is kept as children where text nodes are elements
 * named {@link #TEXT} whose {@code text} is the character data.
 *
 * @param name       the qualified element name as written (with its prefix, if any)
 * @param attributes attributes in document order, never null
 * @param children   child elements in document order, never null
 * @param text       the character content of a leaf element, or null
 */
public record XmlElement(String name, List<XmlAttribute> attributes, List<XmlElement> children, String text) {

    /** The name of the pseudo element that stands for a text node in mixed content. */
    public static final String TEXT = "#text";

    public XmlElement {
        Objects.requireNonNull(name, "name");
        attributes = List.copyOf(attributes == null ? List.of() : attributes);
        children = List.copyOf(children == null ? List.of() : children);
    }

    /** An empty element {@code <name/>}. */
    public static XmlElement of(String name) {
        return new XmlElement(name, List.of(), List.of(), null);
    }

    /** The value of attribute {@code attr}, or null. */
    public String attribute(String attr) {
        for (XmlAttribute a : attributes) {
            if (a.name().equals(attr)) {
                return a.value();
            }
        }
        return null;
    }

    /** The first child named {@code childName}, or null. */
    public XmlElement child(String childName) {
        for (XmlElement c : children) {
            if (c.name().equals(childName)) {
                return c;
            }
        }
        return null;
    }

    /** All children named {@code childName}, in document order. */
    public List<XmlElement> children(String childName) {
        List<XmlElement> out = new ArrayList<>();
        for (XmlElement c : children) {
            if (c.name().equals(childName)) {
                out.add(c);
            }
        }
        return out;
    }

    /** A copy with attribute {@code attr} set to {@code value} (appended if new; removed if null). */
    public XmlElement withAttribute(String attr, String value) {
        List<XmlAttribute> list = new ArrayList<>();
        boolean found = false;
        for (XmlAttribute a : attributes) {
            if (a.name().equals(attr)) {
                found = true;
                if (value != null) {
                    list.add(new XmlAttribute(attr, value));
                }
            } else {
                list.add(a);
            }
        }
        if (!found && value != null) {
            list.add(new XmlAttribute(attr, value));
        }
        return new XmlElement(name, list, children, text);
    }

    /** A copy with these children. */
    public XmlElement withChildren(List<XmlElement> newChildren) {
        return new XmlElement(name, attributes, newChildren, text);
    }
}
