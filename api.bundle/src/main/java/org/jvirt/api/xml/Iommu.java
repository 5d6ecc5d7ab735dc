package org.jvirt.api.xml;

import java.util.Objects;

/**
 * An {@code <iommu>} device.
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder()}, change one with
 * {@link #toBuilder()} or a {@code with...} copy; accessors never return null lists.
 */
public final class Iommu implements Device {
    private final String model;
    private final String intremap;
    private final String cachingMode;
    private final String eim;
    private final String iotlb;
    private final Integer awBits;
    private final String dmaTranslation;
    private final Preserved other;
    private final DeviceInfo info;

    private Iommu(Builder b) {
        this.model = b.model;
        this.intremap = b.intremap;
        this.cachingMode = b.cachingMode;
        this.eim = b.eim;
        this.iotlb = b.iotlb;
        this.awBits = b.awBits;
        this.dmaTranslation = b.dmaTranslation;
        this.other = b.other == null ? Preserved.NONE : b.other;
        this.info = b.info == null ? DeviceInfo.NONE : b.info;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.model = model;
        b.intremap = intremap;
        b.cachingMode = cachingMode;
        b.eim = eim;
        b.iotlb = iotlb;
        b.awBits = awBits;
        b.dmaTranslation = dmaTranslation;
        b.other = other;
        b.info = info;
        return b;
    }

    /** {@code intel}, {@code smmuv3}, {@code virtio} */
    public String model() {
        return model;
    }

    /** {@code <driver intremap=>} {@code on}/{@code off}, or null */
    public String intremap() {
        return intremap;
    }

    /** {@code <driver caching_mode=>} {@code on}/{@code off}, or null */
    public String cachingMode() {
        return cachingMode;
    }

    /** {@code <driver eim=>} {@code on}/{@code off}, or null */
    public String eim() {
        return eim;
    }

    /** {@code <driver iotlb=>} {@code on}/{@code off}, or null */
    public String iotlb() {
        return iotlb;
    }

    /** {@code <driver aw_bits=>}, or null */
    public Integer awBits() {
        return awBits;
    }

    /** {@code <driver dma_translation=>} {@code on}/{@code off}, or null */
    public String dmaTranslation() {
        return dmaTranslation;
    }

    /** further attributes and child elements the model does not name, kept verbatim and formatted back in libvirt's order; never null */
    public Preserved other() {
        return other;
    }

    /** the device's {@code <alias>}, {@code <address>}, {@code <boot>}, {@code <acpi>} and {@code <rom>}, never null */
    public DeviceInfo info() {
        return info;
    }

    /** A copy with {@code model} replaced. */
    public Iommu withModel(String newModel) {
        return toBuilder().model(newModel).build();
    }

    /** A copy with {@code intremap} replaced. */
    public Iommu withIntremap(String newIntremap) {
        return toBuilder().intremap(newIntremap).build();
    }

    /** A copy with {@code cachingMode} replaced. */
    public Iommu withCachingMode(String newCachingMode) {
        return toBuilder().cachingMode(newCachingMode).build();
    }

    /** A copy with {@code eim} replaced. */
    public Iommu withEim(String newEim) {
        return toBuilder().eim(newEim).build();
    }

    /** A copy with {@code iotlb} replaced. */
    public Iommu withIotlb(String newIotlb) {
        return toBuilder().iotlb(newIotlb).build();
    }

    /** A copy with {@code awBits} replaced. */
    public Iommu withAwBits(Integer newAwBits) {
        return toBuilder().awBits(newAwBits).build();
    }

    /** A copy with {@code dmaTranslation} replaced. */
    public Iommu withDmaTranslation(String newDmaTranslation) {
        return toBuilder().dmaTranslation(newDmaTranslation).build();
    }

    /** A copy with {@code other} replaced. */
    public Iommu withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    /** A copy with {@code info} replaced. */
    public Iommu withInfo(DeviceInfo newInfo) {
        return toBuilder().info(newInfo).build();
    }

    @Override
    public String elementName() {
        return "iommu";
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Iommu x)) {
            return false;
        }
        return Objects.equals(model, x.model)
                && Objects.equals(intremap, x.intremap)
                && Objects.equals(cachingMode, x.cachingMode)
                && Objects.equals(eim, x.eim)
                && Objects.equals(iotlb, x.iotlb)
                && Objects.equals(awBits, x.awBits)
                && Objects.equals(dmaTranslation, x.dmaTranslation)
                && Objects.equals(other, x.other)
                && Objects.equals(info, x.info);
    }

    @Override
    public int hashCode() {
        return Objects.hash(model, intremap, cachingMode, eim, iotlb, awBits, dmaTranslation, other, info);
    }

    @Override
    public String toString() {
        return "Iommu[" + "model=" + model + ", "
                + "intremap=" + intremap + ", "
                + "cachingMode=" + cachingMode + ", "
                + "eim=" + eim + ", "
                + "iotlb=" + iotlb + ", "
                + "awBits=" + awBits + ", "
                + "dmaTranslation=" + dmaTranslation + ", "
                + "other=" + other + ", "
                + "info=" + info + "]";
    }

    /** Collects the values of a {@link Iommu}; not thread-safe. */
    public static final class Builder {
        private String model;
        private String intremap;
        private String cachingMode;
        private String eim;
        private String iotlb;
        private Integer awBits;
        private String dmaTranslation;
        private Preserved other;
        private DeviceInfo info;

        private Builder() {
        }

        /** @see Iommu#model() */
        public Builder model(String value) {
            this.model = value;
            return this;
        }

        /** @see Iommu#intremap() */
        public Builder intremap(String value) {
            this.intremap = value;
            return this;
        }

        /** @see Iommu#cachingMode() */
        public Builder cachingMode(String value) {
            this.cachingMode = value;
            return this;
        }

        /** @see Iommu#eim() */
        public Builder eim(String value) {
            this.eim = value;
            return this;
        }

        /** @see Iommu#iotlb() */
        public Builder iotlb(String value) {
            this.iotlb = value;
            return this;
        }

        /** @see Iommu#awBits() */
        public Builder awBits(Integer value) {
            this.awBits = value;
            return this;
        }

        /** @see Iommu#dmaTranslation() */
        public Builder dmaTranslation(String value) {
            this.dmaTranslation = value;
            return this;
        }

        /** @see Iommu#other() */
        public Builder other(Preserved value) {
            this.other = value;
            return this;
        }

        /** @see Iommu#info() */
        public Builder info(DeviceInfo value) {
            this.info = value;
            return this;
        }

        public Iommu build() {
            return new Iommu(this);
        }
    }
}
