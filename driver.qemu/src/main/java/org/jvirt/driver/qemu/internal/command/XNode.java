package org.jvirt.driver.qemu.internal.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jvirt.api.xml.XmlAttribute;
import org.jvirt.api.xml.XmlElement;

/**
 * A mutable copy of an {@link XmlElement}: the post-parse step fills in defaults (attributes,
 * addresses, child elements) in place, then converts back. Attribute order is insertion order,
 * which is how the formatter writes them, so defaults are added where libvirt writes them.
 */
final class XNode {
    final String name;
    final Map<String, String> attrs = new LinkedHashMap<>();
    final List<XNode> children = new ArrayList<>();
    String text;

    XNode(String name) {
        this.name = name;
    }

    static XNode from(XmlElement e) {
        XNode n = new XNode(e.name());
        for (XmlAttribute a : e.attributes()) {
            n.attrs.put(a.name(), a.value());
        }
        for (XmlElement c : e.children()) {
            n.children.add(from(c));
        }
        n.text = e.text();
        return n;
    }

    XmlElement toXml() {
        List<XmlAttribute> a = new ArrayList<>();
        attrs.forEach((k, v) -> a.add(new XmlAttribute(k, v)));
        List<XmlElement> c = new ArrayList<>();
        for (XNode ch : children) {
            c.add(ch.toXml());
        }
        return new XmlElement(name, a, c, text);
    }

    String attr(String a) {
        return attrs.get(a);
    }

    String attr(String a, String dflt) {
        String v = attrs.get(a);
        return v == null ? dflt : v;
    }

    boolean is(String a, String value) {
        return value.equals(attrs.get(a));
    }

    XNode set(String a, String v) {
        attrs.put(a, v);
        return this;
    }

    /** Sets {@code a} only when it is absent. */
    XNode setDefault(String a, String v) {
        attrs.putIfAbsent(a, v);
        return this;
    }

    XNode child(String n) {
        for (XNode c : children) {
            if (c.name.equals(n)) {
                return c;
            }
        }
        return null;
    }

    List<XNode> all(String n) {
        List<XNode> out = new ArrayList<>();
        for (XNode c : children) {
            if (c.name.equals(n)) {
                out.add(c);
            }
        }
        return out;
    }

    String childAttr(String child, String a) {
        XNode c = child(child);
        return c == null ? null : c.attr(a);
    }

    String childText(String child) {
        XNode c = child(child);
        return c == null ? null : c.text;
    }

    /** The child {@code n}, created and inserted before the first child listed in {@code before}. */
    XNode ensureChild(String n, String... before) {
        XNode c = child(n);
        if (c != null) {
            return c;
        }
        c = new XNode(n);
        insertBefore(c, before);
        return c;
    }

    void insertBefore(XNode c, String... before) {
        for (int i = 0; i < children.size(); i++) {
            for (String b : before) {
                if (children.get(i).name.equals(b)) {
                    children.add(i, c);
                    return;
                }
            }
        }
        children.add(c);
    }

    void remove(String n) {
        children.removeIf(c -> c.name.equals(n));
    }

    /** The {@code <address>} child, or null. */
    XNode address() {
        return child("address");
    }

    String addressType() {
        XNode a = address();
        return a == null ? null : a.attr("type");
    }
}
