package org.jvirt.api.xml;

/** Collects the values of a {@link VideoDriver}: from {@link VideoDriver#builder()} or {@link VideoDriver#toBuilder()}; not thread-safe. */
public final class VideoDriverBuilder {
    String name;
    String vgaconf;
    String iommu;
    String ats;
    String packed;
    String pagePerVq;
    Preserved other;

    VideoDriverBuilder() {
    }

    VideoDriverBuilder(VideoDriver from) {
        name = from.name();
        vgaconf = from.vgaconf();
        iommu = from.iommu();
        ats = from.ats();
        packed = from.packed();
        pagePerVq = from.pagePerVq();
        other = from.other();
    }

    /** @see VideoDriver#name() */
    public VideoDriverBuilder name(String value) {
        this.name = value;
        return this;
    }

    /** @see VideoDriver#vgaconf() */
    public VideoDriverBuilder vgaconf(String value) {
        this.vgaconf = value;
        return this;
    }

    /** @see VideoDriver#iommu() */
    public VideoDriverBuilder iommu(String value) {
        this.iommu = value;
        return this;
    }

    /** @see VideoDriver#ats() */
    public VideoDriverBuilder ats(String value) {
        this.ats = value;
        return this;
    }

    /** @see VideoDriver#packed() */
    public VideoDriverBuilder packed(String value) {
        this.packed = value;
        return this;
    }

    /** @see VideoDriver#pagePerVq() */
    public VideoDriverBuilder pagePerVq(String value) {
        this.pagePerVq = value;
        return this;
    }

    /** @see VideoDriver#other() */
    public VideoDriverBuilder other(Preserved value) {
        this.other = value;
        return this;
    }

    public VideoDriver build() {
        return new VideoDriver(this);
    }
}
