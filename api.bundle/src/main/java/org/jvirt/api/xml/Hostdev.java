package org.jvirt.api.xml;

/**
 * A {@code <hostdev>} (host device assignment).
 *
 * @param mode    {@code subsystem} or {@code capabilities}
 * @param type    {@code pci}, {@code usb}, {@code scsi}, {@code scsi_host}, {@code mdev}, {@code storage}, ...
 * @param managed {@code yes}/{@code no}, or null
 * @param source  {@code <source>} as written, or null
 * @param other   further attributes and children (driver, boot, rom, address ...)
 */
public record Hostdev(String mode, String type, String managed, XmlElement source, Preserved other)
        implements Device {
    public Hostdev {
        other = other == null ? Preserved.NONE : other;
    }

    @Override
    public String elementName() {
        return "hostdev";
    }
}
