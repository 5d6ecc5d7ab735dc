package org.jvirt.api.xml;

import java.util.Objects;

/**
 * An {@code <nvram>} device (spapr-vio NVRAM of pSeries guests).
 *
 * <p>Immutable; lists are never null. Build with {@link #builder()}, change with {@link #toBuilder()}.
 */
public final class Nvram implements Device {
    private final Preserved other;
    private final DeviceInfo info;

    Nvram(NvramBuilder b) {
        this.other = b.other == null ? Preserved.NONE : b.other;
        this.info = b.info == null ? DeviceInfo.NONE : b.info;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static NvramBuilder builder() {
        return new NvramBuilder();
    }

    /** A builder holding this object's values. */
    public NvramBuilder toBuilder() {
        return new NvramBuilder(this);
    }

    /** further attributes and child elements the model does not name, kept verbatim and formatted back in libvirt's order; never null */
    public Preserved other() {
        return other;
    }

    /** the device's {@code <alias>}, {@code <address>}, {@code <boot>}, {@code <acpi>} and {@code <rom>}, never null */
    public DeviceInfo info() {
        return info;
    }

    /** A copy with {@code other} replaced. */
    public Nvram withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    /** A copy with {@code info} replaced. */
    public Nvram withInfo(DeviceInfo newInfo) {
        return toBuilder().info(newInfo).build();
    }

    @Override
    public String elementName() {
        return "nvram";
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Nvram x)) {
            return false;
        }
        return Objects.equals(other, x.other) && Objects.equals(info, x.info);
    }

    @Override
    public int hashCode() {
        return Objects.hash(other, info);
    }

    @Override
    public String toString() {
        return "Nvram[other=" + other + ", info=" + info + "]";
    }

}
