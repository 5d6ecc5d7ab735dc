package org.jvirt.api.xml;

/**
 * A {@code <disk>}.
 *
 * @param type      {@code file}, {@code block}, {@code dir}, {@code network}, {@code volume}, {@code nvme},
 *                  {@code vhostuser}, {@code vhostvdpa}
 * @param device    {@code disk}, {@code cdrom}, {@code floppy}, {@code lun}
 * @param driver    {@code <driver>} as written, or null
 * @param source    {@code <source>} as written, or null (an empty drive)
 * @param target    {@code <target>} as written
 * @param readOnly  {@code <readonly/>}
 * @param shareable {@code <shareable/>}
 * @param other     further attributes and children (boot, serial, address, iotune ...)
 */
public record Disk(String type, String device, XmlElement driver, XmlElement source, XmlElement target,
                   boolean readOnly, boolean shareable, Preserved other) implements Device {
    public Disk {
        other = other == null ? Preserved.NONE : other;
    }

    @Override
    public String elementName() {
        return "disk";
    }

    /** The file, block device, directory or network name of the source, or null. */
    public String sourcePath() {
        if (source == null) {
            return null;
        }
        for (String a : new String[] {"file", "dev", "dir", "name", "volume"}) {
            if (source.attribute(a) != null) {
                return source.attribute(a);
            }
        }
        return null;
    }

    /** The guest device name ({@code vda}, {@code sda}, {@code hdc}), or null. */
    public String targetDev() {
        return target == null ? null : target.attribute("dev");
    }

    /** The guest bus ({@code virtio}, {@code sata}, {@code scsi}, {@code ide}, ...), or null. */
    public String targetBus() {
        return target == null ? null : target.attribute("bus");
    }

    /** The image format ({@code raw}, {@code qcow2}), or null. */
    public String driverType() {
        return driver == null ? null : driver.attribute("type");
    }
}
