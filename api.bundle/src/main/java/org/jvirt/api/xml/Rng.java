package org.jvirt.api.xml;

/**
 * An {@code <rng>} device.
 *
 * @param model   {@code virtio} (or {@code virtio-transitional}, ...)
 * @param backend {@code <backend model=>}: {@code random} (a device path) or {@code egd} (a chardev)
 * @param other   further attributes and children (rate, driver, address)
 */
public record Rng(String model, XmlElement backend, Preserved other) implements Device {
    public Rng {
        other = other == null ? Preserved.NONE : other;
    }

    @Override
    public String elementName() {
        return "rng";
    }

    /** {@code random}, {@code egd} or {@code builtin}, or null. */
    public String backendModel() {
        return backend == null ? null : backend.attribute("model");
    }
}
