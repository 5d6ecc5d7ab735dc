package org.jvirt.xml.internal;

import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.xml.XmlAttribute;
import org.jvirt.api.xml.XmlElement;

/** Collects one element while it is read; text runs and children become a leaf text or mixed content. */
final class ElementBuilder {
    final String name;
    final List<XmlAttribute> attributes = new ArrayList<>();
    private final List<XmlElement> nodes = new ArrayList<>();
    private final StringBuilder pending = new StringBuilder();
    private boolean sawText;

    ElementBuilder(String name) {
        this.name = name;
    }

    int pendingLength() {
        return pending.length();
    }

    void addText(String t) {
        pending.append(t);
        sawText = true;
    }

    void addChild(XmlElement child) {
        flushText();
        nodes.add(child);
    }

    XmlElement build() {
        flushText();
        boolean hasElements = nodes.stream().anyMatch(n -> !n.name().equals(XmlElement.TEXT));
        if (!hasElements) {
            StringBuilder text = new StringBuilder();
            nodes.forEach(n -> text.append(n.text()));
            return new XmlElement(name, attributes, List.of(), sawText ? text.toString() : null);
        }
        boolean mixed = nodes.stream().anyMatch(n -> n.name().equals(XmlElement.TEXT) && !n.text().isBlank());
        List<XmlElement> children = mixed ? nodes
                : nodes.stream().filter(n -> !n.name().equals(XmlElement.TEXT)).toList();
        return new XmlElement(name, attributes, children, null);
    }

    private void flushText() {
        if (pending.length() > 0) {
            nodes.add(new XmlElement(XmlElement.TEXT, List.of(), List.of(), pending.toString()));
            pending.setLength(0);
        }
    }
}
