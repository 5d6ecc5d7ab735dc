package org.jvirt.api.xml;

/** Collects the values of a {@link Video}: from {@link Video#builder()} or {@link Video#toBuilder()}; not thread-safe. */
public final class VideoBuilder {
    VideoModel model;
    VideoDriver driver;
    Preserved other;
    DeviceInfo info;

    VideoBuilder() {
    }

    VideoBuilder(Video from) {
        model = from.model();
        driver = from.driver();
        other = from.other();
        info = from.info();
    }

    /** @see Video#model() */
    public VideoBuilder model(VideoModel value) {
        this.model = value;
        return this;
    }

    /** @see Video#driver() */
    public VideoBuilder driver(VideoDriver value) {
        this.driver = value;
        return this;
    }

    /** @see Video#other() */
    public VideoBuilder other(Preserved value) {
        this.other = value;
        return this;
    }

    /** @see Video#info() */
    public VideoBuilder info(DeviceInfo value) {
        this.info = value;
        return this;
    }

    public Video build() {
        return new Video(this);
    }
}
