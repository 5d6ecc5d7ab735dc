package org.jvirt.api.xml;

import java.util.Objects;

/** One attribute of an {@link XmlElement}, as written in the XML (prefix included). */
public record XmlAttribute(String name, String value) {
    public XmlAttribute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
