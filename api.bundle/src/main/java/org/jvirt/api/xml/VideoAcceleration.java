package org.jvirt.api.xml;

import java.util.Objects;

/**
 * A video model's {@code <acceleration>}.
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder()}, change one with
 * {@link #toBuilder()} or a {@code with...} copy; accessors never return null lists.
 */
public final class VideoAcceleration {
    private final String accel3d;
    private final String accel2d;
    private final String rendernode;
    private final Preserved other;

    private VideoAcceleration(Builder b) {
        this.accel3d = b.accel3d;
        this.accel2d = b.accel2d;
        this.rendernode = b.rendernode;
        this.other = b.other == null ? Preserved.NONE : b.other;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.accel3d = accel3d;
        b.accel2d = accel2d;
        b.rendernode = rendernode;
        b.other = other;
        return b;
    }

    /** {@code yes}/{@code no}, or null */
    public String accel3d() {
        return accel3d;
    }

    /** {@code yes}/{@code no}, or null */
    public String accel2d() {
        return accel2d;
    }

    /** the DRM render node path, or null */
    public String rendernode() {
        return rendernode;
    }

    /** further attributes and child elements the model does not name, kept verbatim and formatted back in libvirt's order; never null */
    public Preserved other() {
        return other;
    }

    /** A copy with {@code accel3d} replaced. */
    public VideoAcceleration withAccel3d(String newAccel3d) {
        return toBuilder().accel3d(newAccel3d).build();
    }

    /** A copy with {@code accel2d} replaced. */
    public VideoAcceleration withAccel2d(String newAccel2d) {
        return toBuilder().accel2d(newAccel2d).build();
    }

    /** A copy with {@code rendernode} replaced. */
    public VideoAcceleration withRendernode(String newRendernode) {
        return toBuilder().rendernode(newRendernode).build();
    }

    /** A copy with {@code other} replaced. */
    public VideoAcceleration withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof VideoAcceleration x)) {
            return false;
        }
        return Objects.equals(accel3d, x.accel3d)
                && Objects.equals(accel2d, x.accel2d)
                && Objects.equals(rendernode, x.rendernode)
                && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(accel3d, accel2d, rendernode, other);
    }

    @Override
    public String toString() {
        return "VideoAcceleration[" + "accel3d=" + accel3d + ", "
                + "accel2d=" + accel2d + ", "
                + "rendernode=" + rendernode + ", "
                + "other=" + other + "]";
    }

    /** Collects the values of a {@link VideoAcceleration}; not thread-safe. */
    public static final class Builder {
        private String accel3d;
        private String accel2d;
        private String rendernode;
        private Preserved other;

        private Builder() {
        }

        /** @see VideoAcceleration#accel3d() */
        public Builder accel3d(String value) {
            this.accel3d = value;
            return this;
        }

        /** @see VideoAcceleration#accel2d() */
        public Builder accel2d(String value) {
            this.accel2d = value;
            return this;
        }

        /** @see VideoAcceleration#rendernode() */
        public Builder rendernode(String value) {
            this.rendernode = value;
            return this;
        }

        /** @see VideoAcceleration#other() */
        public Builder other(Preserved value) {
            this.other = value;
            return this;
        }

        public VideoAcceleration build() {
            return new VideoAcceleration(this);
        }
    }
}
