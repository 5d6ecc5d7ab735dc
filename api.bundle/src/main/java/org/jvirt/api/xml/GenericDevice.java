package org.jvirt.api.xml;

/** A device the model does not type, kept as written and formatted back in libvirt's order. */
public record GenericDevice(XmlElement element) implements Device {
    @Override
    public String elementName() {
        return element.name();
    }
}
