package org.jvirt.api.xml;

/**
 * A {@code <video>} device.
 *
 * @param model {@code <model type= vram= heads= primary=>} as written, or null
 * @param other further attributes and children (driver, acceleration, address ...)
 */
public record Video(XmlElement model, Preserved other) implements Device {
    public Video {
        other = other == null ? Preserved.NONE : other;
    }

    @Override
    public String elementName() {
        return "video";
    }

    /** The model type ({@code vga}, {@code cirrus}, {@code virtio}, {@code qxl}, ...), or null. */
    public String modelType() {
        return model == null ? null : model.attribute("type");
    }

    /** Whether this is the primary video device. */
    public boolean primary() {
        return model != null && "yes".equals(model.attribute("primary"));
    }
}
