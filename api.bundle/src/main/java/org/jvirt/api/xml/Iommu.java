package org.jvirt.api.xml;

import java.util.Objects;

/**
 * An {@code <iommu>} device.
 *
 * <p>Immutable; lists are never null. Build with {@link #builder()}, change with {@link #toBuilder()}.
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

    Iommu(IommuBuilder b) {
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
    public static IommuBuilder builder() {
        return new IommuBuilder();
    }

    /** A builder holding this object's values. */
    public IommuBuilder toBuilder() {
        return new IommuBuilder(this);
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
        return Objects.equals(model, x.model) && Objects.equals(intremap, x.intremap)
                && Objects.equals(cachingMode, x.cachingMode) && Objects.equals(eim, x.eim)
                && Objects.equals(iotlb, x.iotlb) && Objects.equals(awBits, x.awBits)
                && Objects.equals(dmaTranslation, x.dmaTranslation) && Objects.equals(other, x.other)
                && Objects.equals(info, x.info);
    }

    @Override
    public int hashCode() {
        return Objects.hash(model, intremap, cachingMode, eim, iotlb, awBits, dmaTranslation, other, info);
    }

    @Override
    public String toString() {
        return "Iommu[model=" + model + ", intremap=" + intremap + ", cachingMode=" + cachingMode
                + ", eim=" + eim + ", iotlb=" + iotlb + ", awBits=" + awBits
                + ", dmaTranslation=" + dmaTranslation + ", other=" + other + ", info=" + info + "]";
    }

}
