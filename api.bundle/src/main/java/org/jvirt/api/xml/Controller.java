package org.jvirt.api.xml;

/**
 * A {@code <controller>}.
 *
 * @param type  {@code ide}, {@code scsi}, {@code usb}, {@code sata}, {@code pci}, {@code virtio-serial},
 *              {@code ccid}, ...
 * @param index the controller index (libvirt assigns the lowest free one when absent)
 * @param model the model, or null
 * @param other further attributes (ports, vectors ...) and children (driver, address ...)
 */
public record Controller(String type, int index, String model, Preserved other) implements Device {
    public Controller {
        other = other == null ? Preserved.NONE : other;
    }

    @Override
    public String elementName() {
        return "controller";
    }
}
