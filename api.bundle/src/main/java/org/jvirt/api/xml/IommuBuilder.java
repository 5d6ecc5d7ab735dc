package org.jvirt.api.xml;

/** Collects the values of a {@link Iommu}: from {@link Iommu#builder()} or {@link Iommu#toBuilder()}; not thread-safe. */
public final class IommuBuilder {
    String model;
    String intremap;
    String cachingMode;
    String eim;
    String iotlb;
    Integer awBits;
    String dmaTranslation;
    Preserved other;
    DeviceInfo info;

    IommuBuilder() {
    }

    IommuBuilder(Iommu from) {
        model = from.model();
        intremap = from.intremap();
        cachingMode = from.cachingMode();
        eim = from.eim();
        iotlb = from.iotlb();
        awBits = from.awBits();
        dmaTranslation = from.dmaTranslation();
        other = from.other();
        info = from.info();
    }

    /** @see Iommu#model() */
    public IommuBuilder model(String value) {
        this.model = value;
        return this;
    }

    /** @see Iommu#intremap() */
    public IommuBuilder intremap(String value) {
        this.intremap = value;
        return this;
    }

    /** @see Iommu#cachingMode() */
    public IommuBuilder cachingMode(String value) {
        this.cachingMode = value;
        return this;
    }

    /** @see Iommu#eim() */
    public IommuBuilder eim(String value) {
        this.eim = value;
        return this;
    }

    /** @see Iommu#iotlb() */
    public IommuBuilder iotlb(String value) {
        this.iotlb = value;
        return this;
    }

    /** @see Iommu#awBits() */
    public IommuBuilder awBits(Integer value) {
        this.awBits = value;
        return this;
    }

    /** @see Iommu#dmaTranslation() */
    public IommuBuilder dmaTranslation(String value) {
        this.dmaTranslation = value;
        return this;
    }

    /** @see Iommu#other() */
    public IommuBuilder other(Preserved value) {
        this.other = value;
        return this;
    }

    /** @see Iommu#info() */
    public IommuBuilder info(DeviceInfo value) {
        this.info = value;
        return this;
    }

    public Iommu build() {
        return new Iommu(this);
    }
}
