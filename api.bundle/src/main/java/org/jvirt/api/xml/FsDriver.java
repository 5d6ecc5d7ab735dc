package org.jvirt.api.xml;

import java.util.Objects;

/**
 * A filesystem's {@code <driver>}.
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder()}, change one with
 * {@link #toBuilder()} or a {@code with...} copy; accessors never return null lists.
 */
public final class FsDriver {
    private final String type;
    private final String format;
    private final String wrpolicy;
    private final Integer queue;
    private final String iommu;
    private final String ats;
    private final String packed;
    private final String pagePerVq;
    private final Preserved other;

    private FsDriver(Builder b) {
        this.type = b.type;
        this.format = b.format;
        this.wrpolicy = b.wrpolicy;
        this.queue = b.queue;
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
        b.type = type;
        b.format = format;
        b.wrpolicy = wrpolicy;
        b.queue = queue;
        b.iommu = iommu;
        b.ats = ats;
        b.packed = packed;
        b.pagePerVq = pagePerVq;
        b.other = other;
        return b;
    }

    /** {@code path}, {@code handle}, {@code loop}, {@code nbd}, {@code ploop}, {@code virtiofs}, or null */
    public String type() {
        return type;
    }

    /** the image format of loop/nbd ({@code raw}, {@code qcow2}), or null */
    public String format() {
        return format;
    }

    /** {@code immediate}, or null */
    public String wrpolicy() {
        return wrpolicy;
    }

    /** the virtiofs queue size, or null */
    public Integer queue() {
        return queue;
    }

    /** virtio {@code iommu} {@code on}/{@code off}, or null */
    public String iommu() {
        return iommu;
    }

    /** virtio {@code ats} {@code on}/{@code off}, or null */
    public String ats() {
        return ats;
    }

    /** virtio {@code packed} {@code on}/{@code off}, or null */
    public String packed() {
        return packed;
    }

    /** virtio {@code page_per_vq} {@code on}/{@code off}, or null */
    public String pagePerVq() {
        return pagePerVq;
    }

    /** further attributes and child elements the model does not name, kept verbatim and formatted back in libvirt's order; never null */
    public Preserved other() {
        return other;
    }

    /** A copy with {@code type} replaced. */
    public FsDriver withType(String newType) {
        return toBuilder().type(newType).build();
    }

    /** A copy with {@code format} replaced. */
    public FsDriver withFormat(String newFormat) {
        return toBuilder().format(newFormat).build();
    }

    /** A copy with {@code wrpolicy} replaced. */
    public FsDriver withWrpolicy(String newWrpolicy) {
        return toBuilder().wrpolicy(newWrpolicy).build();
    }

    /** A copy with {@code queue} replaced. */
    public FsDriver withQueue(Integer newQueue) {
        return toBuilder().queue(newQueue).build();
    }

    /** A copy with {@code iommu} replaced. */
    public FsDriver withIommu(String newIommu) {
        return toBuilder().iommu(newIommu).build();
    }

    /** A copy with {@code ats} replaced. */
    public FsDriver withAts(String newAts) {
        return toBuilder().ats(newAts).build();
    }

    /** A copy with {@code packed} replaced. */
    public FsDriver withPacked(String newPacked) {
        return toBuilder().packed(newPacked).build();
    }

    /** A copy with {@code pagePerVq} replaced. */
    public FsDriver withPagePerVq(String newPagePerVq) {
        return toBuilder().pagePerVq(newPagePerVq).build();
    }

    /** A copy with {@code other} replaced. */
    public FsDriver withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof FsDriver x)) {
            return false;
        }
        return Objects.equals(type, x.type)
                && Objects.equals(format, x.format)
                && Objects.equals(wrpolicy, x.wrpolicy)
                && Objects.equals(queue, x.queue)
                && Objects.equals(iommu, x.iommu)
                && Objects.equals(ats, x.ats)
                && Objects.equals(packed, x.packed)
                && Objects.equals(pagePerVq, x.pagePerVq)
                && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, format, wrpolicy, queue, iommu, ats, packed, pagePerVq, other);
    }

    @Override
    public String toString() {
        return "FsDriver[" + "type=" + type + ", "
                + "format=" + format + ", "
                + "wrpolicy=" + wrpolicy + ", "
                + "queue=" + queue + ", "
                + "iommu=" + iommu + ", "
                + "ats=" + ats + ", "
                + "packed=" + packed + ", "
                + "pagePerVq=" + pagePerVq + ", "
                + "other=" + other + "]";
    }

    /** Collects the values of a {@link FsDriver}; not thread-safe. */
    public static final class Builder {
        private String type;
        private String format;
        private String wrpolicy;
        private Integer queue;
        private String iommu;
        private String ats;
        private String packed;
        private String pagePerVq;
        private Preserved other;

        private Builder() {
        }

        /** @see FsDriver#type() */
        public Builder type(String value) {
            this.type = value;
            return this;
        }

        /** @see FsDriver#format() */
        public Builder format(String value) {
            this.format = value;
            return this;
        }

        /** @see FsDriver#wrpolicy() */
        public Builder wrpolicy(String value) {
            this.wrpolicy = value;
            return this;
        }

        /** @see FsDriver#queue() */
        public Builder queue(Integer value) {
            this.queue = value;
            return this;
        }

        /** @see FsDriver#iommu() */
        public Builder iommu(String value) {
            this.iommu = value;
            return this;
        }

        /** @see FsDriver#ats() */
        public Builder ats(String value) {
            this.ats = value;
            return this;
        }

        /** @see FsDriver#packed() */
        public Builder packed(String value) {
            this.packed = value;
            return this;
        }

        /** @see FsDriver#pagePerVq() */
        public Builder pagePerVq(String value) {
            this.pagePerVq = value;
            return this;
        }

        /** @see FsDriver#other() */
        public Builder other(Preserved value) {
            this.other = value;
            return this;
        }

        public FsDriver build() {
            return new FsDriver(this);
        }
    }
}
