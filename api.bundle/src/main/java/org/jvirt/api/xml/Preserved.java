package org.jvirt.api.xml;

import java.util.List;

/**
 * The attributes and child elements of a modelled element that the model does not name. The
 * codec formats them back in place (attributes after the modelled ones, children in libvirt's
 * order), so a definition round-trips without loss.
 *
 * @param attributes unmodelled attributes in document order, never null
 * @param children   unmodelled child elements in document order, never null
 */
public record Preserved(List<XmlAttribute> attributes, List<XmlElement> children) {

    /** Nothing preserved. */
    public static final Preserved NONE = new Preserved(List.of(), List.of());

    public Preserved {
        attributes = List.copyOf(attributes == null ? List.of() : attributes);
        children = List.copyOf(children == null ? List.of() : children);
    }

    public boolean isEmpty() {
        return attributes.isEmpty() && children.isEmpty();
    }
}
