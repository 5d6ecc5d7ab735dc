package org.jvirt.api.xml;

/**
 * The {@code <memballoon>} device.
 *
 * @param model {@code virtio}, {@code xen} or {@code none}
 * @param other further attributes (autodeflate, freePageReporting) and children (stats, address)
 */
public record MemBalloon(String model, Preserved other) implements Device {
    public MemBalloon {
        other = other == null ? Preserved.NONE : other;
    }

    @Override
    public String elementName() {
        return "memballoon";
    }
}
