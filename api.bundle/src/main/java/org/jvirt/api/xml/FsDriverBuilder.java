package org.jvirt.api.xml;

/** Collects the values of a {@link FsDriver}: from {@link FsDriver#builder()} or {@link FsDriver#toBuilder()}; not thread-safe. */
public final class FsDriverBuilder {
    String type;
    String format;
    String wrpolicy;
    Integer queue;
    String iommu;
    String ats;
    String packed;
    String pagePerVq;
    Preserved other;

    FsDriverBuilder() {
    }

    FsDriverBuilder(FsDriver from) {
        type = from.type();
        format = from.format();
        wrpolicy = from.wrpolicy();
        queue = from.queue();
        iommu = from.iommu();
        ats = from.ats();
        packed = from.packed();
        pagePerVq = from.pagePerVq();
        other = from.other();
    }

    /** @see FsDriver#type() */
    public FsDriverBuilder type(String value) {
        this.type = value;
        return this;
    }

    /** @see FsDriver#format() */
    public FsDriverBuilder format(String value) {
        this.format = value;
        return this;
    }

    /** @see FsDriver#wrpolicy() */
    public FsDriverBuilder wrpolicy(String value) {
        this.wrpolicy = value;
        return this;
    }

    /** @see FsDriver#queue() */
    public FsDriverBuilder queue(Integer value) {
        this.queue = value;
        return this;
    }

    /** @see FsDriver#iommu() */
    public FsDriverBuilder iommu(String value) {
        this.iommu = value;
        return this;
    }

    /** @see FsDriver#ats() */
    public FsDriverBuilder ats(String value) {
        this.ats = value;
        return this;
    }

    /** @see FsDriver#packed() */
    public FsDriverBuilder packed(String value) {
        this.packed = value;
        return this;
    }

    /** @see FsDriver#pagePerVq() */
    public FsDriverBuilder pagePerVq(String value) {
        this.pagePerVq = value;
        return this;
    }

    /** @see FsDriver#other() */
    public FsDriverBuilder other(Preserved value) {
        this.other = value;
        return this;
    }

    public FsDriver build() {
        return new FsDriver(this);
    }
}
