package org.jvirt.api.xml;

/**
 * An {@code <input>} device.
 *
 * @param type  {@code mouse}, {@code tablet}, {@code keyboard}, {@code passthrough}, {@code evdev}
 * @param bus   {@code ps2}, {@code usb}, {@code virtio}, {@code xen}, or null
 * @param other further attributes and children
 */
public record Input(String type, String bus, Preserved other) implements Device {
    public Input {
        other = other == null ? Preserved.NONE : other;
    }

    @Override
    public String elementName() {
        return "input";
    }
}
