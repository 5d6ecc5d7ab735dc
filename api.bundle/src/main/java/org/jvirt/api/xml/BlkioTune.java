package org.jvirt.api.xml;

import java.util.List;
import java.util.Objects;

/**
 * The {@code <blkiotune>} element (libvirt's block I/O cgroup settings). libvirt treats 0 as unset, so
 * 0 reads as null.
 *
 * <p>Immutable; lists are never null. Build with {@link #builder()}, change with {@link #toBuilder()}.
 */
public final class BlkioTune {
    private final Integer weight;
    private final List<Device> devices;
    private final Preserved other;

    BlkioTune(BlkioTuneBuilder b) {
        this.weight = b.weight;
        this.devices = List.copyOf(b.devices == null ? List.of() : b.devices);
        this.other = b.other == null ? Preserved.NONE : b.other;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static BlkioTuneBuilder builder() {
        return new BlkioTuneBuilder();
    }

    /** A builder holding this object's values. */
    public BlkioTuneBuilder toBuilder() {
        return new BlkioTuneBuilder(this);
    }

    /** {@code <weight>}, or null */
    public Integer weight() {
        return weight;
    }

    /** the {@code <device>} entries */
    public List<Device> devices() {
        return devices;
    }

    /** further attributes and child elements the model does not name, kept verbatim and formatted back in libvirt's order; never null */
    public Preserved other() {
        return other;
    }

    /** A copy with {@code devices} replaced. */
    public BlkioTune withDevices(List<Device> newDevices) {
        return toBuilder().devices(newDevices).build();
    }

    /** A copy with {@code other} replaced. */
    public BlkioTune withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    /**
     * {@code <device>}: per host device limits, each null when unset.
     *
     * @param path          the host block device
     * @param weight        {@code <weight>}
     * @param readBytesSec  {@code <read_bytes_sec>}
     * @param writeBytesSec {@code <write_bytes_sec>}
     * @param readIopsSec   {@code <read_iops_sec>}
     * @param writeIopsSec  {@code <write_iops_sec>}
     */
    public record Device(String path, Integer weight, Long readBytesSec, Long writeBytesSec, Integer readIopsSec,
            Integer writeIopsSec) {
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof BlkioTune x)) {
            return false;
        }
        return Objects.equals(weight, x.weight) && Objects.equals(devices, x.devices)
                && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(weight, devices, other);
    }

    @Override
    public String toString() {
        return "BlkioTune[weight=" + weight + ", devices=" + devices + ", other=" + other + "]";
    }

}
