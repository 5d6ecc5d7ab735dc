package org.jvirt.api.xml;

import java.util.Objects;

/**
 * A virtio device's {@code <driver>} holding only the virtio options (input, memballoon, rng, vsock, crypto).
 *
 * <p>Immutable; lists are never null. Build with {@link #builder()}, change with {@link #toBuilder()}.
 */
public final class VirtioDriver {
    private final String iommu;
    private final String ats;
    private final String packed;
    private final String pagePerVq;
    private final Preserved other;

    VirtioDriver(VirtioDriverBuilder b) {
        this.iommu = b.iommu;
        this.ats = b.ats;
        this.packed = b.packed;
        this.pagePerVq = b.pagePerVq;
        this.other = b.other == null ? Preserved.NONE : b.other;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static VirtioDriverBuilder builder() {
        return new VirtioDriverBuilder();
    }

    /** A builder holding this object's values. */
    public VirtioDriverBuilder toBuilder() {
        return new VirtioDriverBuilder(this);
    }

    /** {@code iommu} {@code on}/{@code off}, or null */
    public String iommu() {
        return iommu;
    }

    /** {@code ats} {@code on}/{@code off}, or null */
    public String ats() {
        return ats;
    }

    /** {@code packed} {@code on}/{@code off}, or null */
    public String packed() {
        return packed;
    }

    /** {@code page_per_vq} {@code on}/{@code off}, or null */
    public String pagePerVq() {
        return pagePerVq;
    }

    /** further attributes and child elements the model does not name, kept verbatim and formatted back in libvirt's order; never null */
    public Preserved other() {
        return other;
    }

    /** A copy with {@code other} replaced. */
    public VirtioDriver withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof VirtioDriver x)) {
            return false;
        }
        return Objects.equals(iommu, x.iommu) && Objects.equals(ats, x.ats)
                && Objects.equals(packed, x.packed) && Objects.equals(pagePerVq, x.pagePerVq)
                && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(iommu, ats, packed, pagePerVq, other);
    }

    @Override
    public String toString() {
        return "VirtioDriver[iommu=" + iommu + ", ats=" + ats + ", packed=" + packed
                + ", pagePerVq=" + pagePerVq + ", other=" + other + "]";
    }

}
