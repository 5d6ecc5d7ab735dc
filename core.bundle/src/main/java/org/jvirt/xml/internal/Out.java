package org.jvirt.xml.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jvirt.api.xml.Preserved;
import org.jvirt.api.xml.XmlAttribute;
import org.jvirt.api.xml.XmlElement;

/**
 * Builds one output element: modelled attributes in libvirt's order (nulls skipped), then the
 * preserved ones; children sorted into libvirt's order by {@link LibvirtOrder}.
 */
final class Out {
    private final String name;
    private final List<XmlAttribute> attributes = new ArrayList<>();
    private final List<XmlElement> children = new ArrayList<>();
    private String text;
    private List<String> attrOrder;
    private List<String> childOrder;

    Out(String name) {
        this.name = name;
    }

    Out attr(String attr, Object value) {
        if (value != null) {
            attributes.add(new XmlAttribute(attr, value.toString()));
        }
        return this;
    }

    Out text(String value) {
        this.text = value;
        return this;
    }

    Out child(XmlElement child) {
        if (child != null) {
            children.add(child);
        }
        return this;
    }

    Out child(Out child) {
        return child == null ? this : child(child.build());
    }

    /** A leaf child {@code <name>text</name>}, skipped when text is null. */
    Out textChild(String childName, Object value) {
        if (value != null) {
            children.add(new XmlElement(childName, List.of(), List.of(), value.toString()));
        }
        return this;
    }

    Out children(List<XmlElement> list) {
        list.forEach(this::child);
        return this;
    }

    Out preserved(Preserved p) {
        if (p != null) {
            attributes.addAll(p.attributes());
            children.addAll(p.children());
        }
        return this;
    }

    /**
     * libvirt's order of this element's attributes: modelled and preserved attributes are written
     * in it (unlisted ones last, in the order given), so a partly typed element formats as
     * libvirt would.
     */
    Out attrOrder(String... names) {
        this.attrOrder = List.of(names);
        return this;
    }

    /**
     * The order of this element's children when it differs by parent (a disk's {@code <source>} is
     * not an interface's): used instead of {@link LibvirtOrder}; unlisted children go last, in the
     * order given.
     */
    Out childOrder(String... names) {
        this.childOrder = List.of(names);
        return this;
    }

    XmlElement build() {
        List<XmlAttribute> attrs = attributes;
        if (attrOrder != null) {
            attrs = new ArrayList<>(attributes);
            attrs.sort(Comparator.comparingInt(a -> {
                int i = attrOrder.indexOf(a.name());
                return i < 0 ? Integer.MAX_VALUE : i;
            }));
        }
        List<XmlElement> kids = children;
        if (childOrder != null) {
            kids = new ArrayList<>(children);
            kids.sort(Comparator.comparingInt(c -> {
                int i = childOrder.indexOf(c.name());
                return i < 0 ? Integer.MAX_VALUE : i;
            }));
        } else {
            kids = LibvirtOrder.sort(name, children);
        }
        return new XmlElement(name, attrs, kids, text);
    }
}
