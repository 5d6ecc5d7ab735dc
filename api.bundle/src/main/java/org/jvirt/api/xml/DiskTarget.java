package org.jvirt.api.xml;

import java.util.Objects;

/**
 * A disk's {@code <target>}.
 *
 * <p>Immutable; lists are never null. Build with {@link #builder()}, change with {@link #toBuilder()}.
 */
public final class DiskTarget {
    private final String dev;
    private final String bus;
    private final String tray;
    private final String removable;
    private final Integer rotationRate;
    private final Preserved other;

    DiskTarget(DiskTargetBuilder b) {
        this.dev = b.dev;
        this.bus = b.bus;
        this.tray = b.tray;
        this.removable = b.removable;
        this.rotationRate = b.rotationRate;
        this.other = b.other == null ? Preserved.NONE : b.other;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static DiskTargetBuilder builder() {
        return new DiskTargetBuilder();
    }

    /** A builder holding this object's values. */
    public DiskTargetBuilder toBuilder() {
        return new DiskTargetBuilder(this);
    }

    /** the guest device name ({@code vda}, {@code sda}, ...) */
    public String dev() {
        return dev;
    }

    /** {@code virtio}, {@code scsi}, {@code sata}, {@code ide}, {@code fdc}, {@code usb}, {@code sd}, {@code xen}, or null */
    public String bus() {
        return bus;
    }

    /** {@code open}/{@code closed}, or null */
    public String tray() {
        return tray;
    }

    /** {@code on}/{@code off}, or null */
    public String removable() {
        return removable;
    }

    /** {@code rotation_rate}, or null */
    public Integer rotationRate() {
        return rotationRate;
    }

    /** further attributes and child elements the model does not name, kept verbatim and formatted back in libvirt's order; never null */
    public Preserved other() {
        return other;
    }

    /** A copy with {@code bus} replaced. */
    public DiskTarget withBus(String newBus) {
        return toBuilder().bus(newBus).build();
    }

    /** A copy with {@code tray} replaced. */
    public DiskTarget withTray(String newTray) {
        return toBuilder().tray(newTray).build();
    }

    /** A copy with {@code other} replaced. */
    public DiskTarget withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof DiskTarget x)) {
            return false;
        }
        return Objects.equals(dev, x.dev) && Objects.equals(bus, x.bus) && Objects.equals(tray, x.tray)
                && Objects.equals(removable, x.removable) && Objects.equals(rotationRate, x.rotationRate)
                && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dev, bus, tray, removable, rotationRate, other);
    }

    @Override
    public String toString() {
        return "DiskTarget[dev=" + dev + ", bus=" + bus + ", tray=" + tray + ", removable=" + removable
                + ", rotationRate=" + rotationRate + ", other=" + other + "]";
    }

}
