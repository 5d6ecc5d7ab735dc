package org.jvirt.api.xml;

/** Collects the values of a {@link VideoModel}: from {@link VideoModel#builder()} or {@link VideoModel#toBuilder()}; not thread-safe. */
public final class VideoModelBuilder {
    String type;
    Integer ram;
    Integer vram;
    Integer vram64;
    Integer vgamem;
    Integer heads;
    String primary;
    String blob;
    VideoAcceleration acceleration;
    VideoModel.Resolution resolution;
    Preserved other;

    VideoModelBuilder() {
    }

    VideoModelBuilder(VideoModel from) {
        type = from.type();
        ram = from.ram();
        vram = from.vram();
        vram64 = from.vram64();
        vgamem = from.vgamem();
        heads = from.heads();
        primary = from.primary();
        blob = from.blob();
        acceleration = from.acceleration();
        resolution = from.resolution();
        other = from.other();
    }

    /** @see VideoModel#type() */
    public VideoModelBuilder type(String value) {
        this.type = value;
        return this;
    }

    /** @see VideoModel#ram() */
    public VideoModelBuilder ram(Integer value) {
        this.ram = value;
        return this;
    }

    /** @see VideoModel#vram() */
    public VideoModelBuilder vram(Integer value) {
        this.vram = value;
        return this;
    }

    /** @see VideoModel#vram64() */
    public VideoModelBuilder vram64(Integer value) {
        this.vram64 = value;
        return this;
    }

    /** @see VideoModel#vgamem() */
    public VideoModelBuilder vgamem(Integer value) {
        this.vgamem = value;
        return this;
    }

    /** @see VideoModel#heads() */
    public VideoModelBuilder heads(Integer value) {
        this.heads = value;
        return this;
    }

    /** @see VideoModel#primary() */
    public VideoModelBuilder primary(String value) {
        this.primary = value;
        return this;
    }

    /** @see VideoModel#blob() */
    public VideoModelBuilder blob(String value) {
        this.blob = value;
        return this;
    }

    /** @see VideoModel#acceleration() */
    public VideoModelBuilder acceleration(VideoAcceleration value) {
        this.acceleration = value;
        return this;
    }

    /** @see VideoModel#resolution() */
    public VideoModelBuilder resolution(VideoModel.Resolution value) {
        this.resolution = value;
        return this;
    }

    /** @see VideoModel#other() */
    public VideoModelBuilder other(Preserved value) {
        this.other = value;
        return this;
    }

    public VideoModel build() {
        return new VideoModel(this);
    }
}
