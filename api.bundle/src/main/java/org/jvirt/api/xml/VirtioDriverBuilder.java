package org.jvirt.api.xml;

/** Collects the values of a {@link VirtioDriver}: from {@link VirtioDriver#builder()} or {@link VirtioDriver#toBuilder()}; not thread-safe. */
public final class VirtioDriverBuilder {
    String iommu;
    String ats;
    String packed;
    String pagePerVq;
    Preserved other;

    VirtioDriverBuilder() {
    }

    VirtioDriverBuilder(VirtioDriver from) {
        iommu = from.iommu();
        ats = from.ats();
        packed = from.packed();
        pagePerVq = from.pagePerVq();
        other = from.other();
    }

    /** @see VirtioDriver#iommu() */
    public VirtioDriverBuilder iommu(String value) {
        this.iommu = value;
        return this;
    }

    /** @see VirtioDriver#ats() */
    public VirtioDriverBuilder ats(String value) {
        this.ats = value;
        return this;
    }

    /** @see VirtioDriver#packed() */
    public VirtioDriverBuilder packed(String value) {
        this.packed = value;
        return this;
    }

    /** @see VirtioDriver#pagePerVq() */
    public VirtioDriverBuilder pagePerVq(String value) {
        this.pagePerVq = value;
        return this;
    }

    /** @see VirtioDriver#other() */
    public VirtioDriverBuilder other(Preserved value) {
        this.other = value;
        return this;
    }

    public VirtioDriver build() {
        return new VirtioDriver(this);
    }
}
