package org.jvirt.api.xml;

import java.util.Objects;

/**
 * A virtio device's {@code <driver>} holding only the virtio options (input, memballoon, rng, vsock, crypto).
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder()}, change one with
 * {@link #toBuilder()} or a {@code with...} copy; accessors never return null lists.
 */
public final class VirtioDriver {
    private final String iommu;
    private final String ats;
    private final String packed;
    private final String pagePerVq;
    private final Preserved other;

    private VirtioDriver(Builder b) {
        this.iommu = b.iommu;
        this.ats = b.ats;
        this.packed = b.packed;
        this.pagePerVq = b.pagePerVq;
        this.other = b.other == null ? Preserved.NONE : b.other;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.iommu = iommu;
        b.ats = ats;
        b.packed = packed;
        b.pagePerVq = pagePerVq;
        b.other = other;
        return b;
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

    /** A copy with {@code iommu} replaced. */
    public VirtioDriver withIommu(String newIommu) {
        return toBuilder().iommu(newIommu).build();
    }

    /** A copy with {@code ats} replaced. */
    public VirtioDriver withAts(String newAts) {
        return toBuilder().ats(newAts).build();
    }

    /** A copy with {@code packed} replaced. */
    public VirtioDriver withPacked(String newPacked) {
        return toBuilder().packed(newPacked).build();
    }

    /** A copy with {@code pagePerVq} replaced. */
    public VirtioDriver withPagePerVq(String newPagePerVq) {
        return toBuilder().pagePerVq(newPagePerVq).build();
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
        return Objects.equals(iommu, x.iommu)
                && Objects.equals(ats, x.ats)
                && Objects.equals(packed, x.packed)
                && Objects.equals(pagePerVq, x.pagePerVq)
                && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(iommu, ats, packed, pagePerVq, other);
    }

    @Override
    public String toString() {
        return "VirtioDriver[" + "iommu=" + iommu + ", "
                + "ats=" + ats + ", "
                + "packed=" + packed + ", "
                + "pagePerVq=" + pagePerVq + ", "
                + "other=" + other + "]";
    }

    /** Collects the values of a {@link VirtioDriver}; not thread-safe. */
    public static final class Builder {
        private String iommu;
        private String ats;
        private String packed;
        private String pagePerVq;
        private Preserved other;

        private Builder() {
        }

        /** @see VirtioDriver#iommu() */
        public Builder iommu(String value) {
            this.iommu = value;
            return this;
        }

        /** @see VirtioDriver#ats() */
        public Builder ats(String value) {
            this.ats = value;
            return this;
        }

        /** @see VirtioDriver#packed() */
        public Builder packed(String value) {
            this.packed = value;
            return this;
        }

        /** @see VirtioDriver#pagePerVq() */
        public Builder pagePerVq(String value) {
            this.pagePerVq = value;
            return this;
        }

        /** @see VirtioDriver#other() */
        public Builder other(Preserved value) {
            this.other = value;
            return this;
        }

        public VirtioDriver build() {
            return new VirtioDriver(this);
        }
    }
}
