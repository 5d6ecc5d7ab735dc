package org.jvirt.api.xml;

import java.util.Objects;

/**
 * A video device's {@code <driver>}: the backend and the virtio options.
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder()}, change one with
 * {@link #toBuilder()} or a {@code with...} copy; accessors never return null lists.
 */
public final class VideoDriver {
    private final String name;
    private final String vgaconf;
    private final String iommu;
    private final String ats;
    private final String packed;
    private final String pagePerVq;
    private final Preserved other;

    private VideoDriver(Builder b) {
        this.name = b.name;
        this.vgaconf = b.vgaconf;
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
        b.name = name;
        b.vgaconf = vgaconf;
        b.iommu = iommu;
        b.ats = ats;
        b.packed = packed;
        b.pagePerVq = pagePerVq;
        b.other = other;
        return b;
    }

    /** {@code qemu} or {@code vhostuser}, or null */
    public String name() {
        return name;
    }

    /** {@code io}, {@code on} or {@code off} (vbox/xen vga configuration), or null */
    public String vgaconf() {
        return vgaconf;
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

    /** A copy with {@code name} replaced. */
    public VideoDriver withName(String newName) {
        return toBuilder().name(newName).build();
    }

    /** A copy with {@code vgaconf} replaced. */
    public VideoDriver withVgaconf(String newVgaconf) {
        return toBuilder().vgaconf(newVgaconf).build();
    }

    /** A copy with {@code iommu} replaced. */
    public VideoDriver withIommu(String newIommu) {
        return toBuilder().iommu(newIommu).build();
    }

    /** A copy with {@code ats} replaced. */
    public VideoDriver withAts(String newAts) {
        return toBuilder().ats(newAts).build();
    }

    /** A copy with {@code packed} replaced. */
    public VideoDriver withPacked(String newPacked) {
        return toBuilder().packed(newPacked).build();
    }

    /** A copy with {@code pagePerVq} replaced. */
    public VideoDriver withPagePerVq(String newPagePerVq) {
        return toBuilder().pagePerVq(newPagePerVq).build();
    }

    /** A copy with {@code other} replaced. */
    public VideoDriver withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof VideoDriver x)) {
            return false;
        }
        return Objects.equals(name, x.name)
                && Objects.equals(vgaconf, x.vgaconf)
                && Objects.equals(iommu, x.iommu)
                && Objects.equals(ats, x.ats)
                && Objects.equals(packed, x.packed)
                && Objects.equals(pagePerVq, x.pagePerVq)
                && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, vgaconf, iommu, ats, packed, pagePerVq, other);
    }

    @Override
    public String toString() {
        return "VideoDriver[" + "name=" + name + ", "
                + "vgaconf=" + vgaconf + ", "
                + "iommu=" + iommu + ", "
                + "ats=" + ats + ", "
                + "packed=" + packed + ", "
                + "pagePerVq=" + pagePerVq + ", "
                + "other=" + other + "]";
    }

    /** Collects the values of a {@link VideoDriver}; not thread-safe. */
    public static final class Builder {
        private String name;
        private String vgaconf;
        private String iommu;
        private String ats;
        private String packed;
        private String pagePerVq;
        private Preserved other;

        private Builder() {
        }

        /** @see VideoDriver#name() */
        public Builder name(String value) {
            this.name = value;
            return this;
        }

        /** @see VideoDriver#vgaconf() */
        public Builder vgaconf(String value) {
            this.vgaconf = value;
            return this;
        }

        /** @see VideoDriver#iommu() */
        public Builder iommu(String value) {
            this.iommu = value;
            return this;
        }

        /** @see VideoDriver#ats() */
        public Builder ats(String value) {
            this.ats = value;
            return this;
        }

        /** @see VideoDriver#packed() */
        public Builder packed(String value) {
            this.packed = value;
            return this;
        }

        /** @see VideoDriver#pagePerVq() */
        public Builder pagePerVq(String value) {
            this.pagePerVq = value;
            return this;
        }

        /** @see VideoDriver#other() */
        public Builder other(Preserved value) {
            this.other = value;
            return this;
        }

        public VideoDriver build() {
            return new VideoDriver(this);
        }
    }
}
