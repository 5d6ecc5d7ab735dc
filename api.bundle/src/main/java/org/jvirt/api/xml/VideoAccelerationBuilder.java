package org.jvirt.api.xml;

/** Collects the values of a {@link VideoAcceleration}: from {@link VideoAcceleration#builder()} or {@link VideoAcceleration#toBuilder()}; not thread-safe. */
public final class VideoAccelerationBuilder {
    String accel3d;
    String accel2d;
    String rendernode;
    Preserved other;

    VideoAccelerationBuilder() {
    }

    VideoAccelerationBuilder(VideoAcceleration from) {
        accel3d = from.accel3d();
        accel2d = from.accel2d();
        rendernode = from.rendernode();
        other = from.other();
    }

    /** @see VideoAcceleration#accel3d() */
    public VideoAccelerationBuilder accel3d(String value) {
        this.accel3d = value;
        return this;
    }

    /** @see VideoAcceleration#accel2d() */
    public VideoAccelerationBuilder accel2d(String value) {
        this.accel2d = value;
        return this;
    }

    /** @see VideoAcceleration#rendernode() */
    public VideoAccelerationBuilder rendernode(String value) {
        this.rendernode = value;
        return this;
    }

    /** @see VideoAcceleration#other() */
    public VideoAccelerationBuilder other(Preserved value) {
        this.other = value;
        return this;
    }

    public VideoAcceleration build() {
        return new VideoAcceleration(this);
    }
}
