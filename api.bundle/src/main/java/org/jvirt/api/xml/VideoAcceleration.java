package org.jvirt.api.xml;

import java.util.Objects;

/**
 * A video model's {@code <acceleration>}.
 *
 * <p>Immutable; lists are never null. Build with {@link #builder()}, change with {@link #toBuilder()}.
 */
public final class VideoAcceleration {
    private final String accel3d;
    private final String accel2d;
    private final String rendernode;
    private final Preserved other;

    VideoAcceleration(VideoAccelerationBuilder b) {
        this.accel3d = b.accel3d;
        this.accel2d = b.accel2d;
        this.rendernode = b.rendernode;
        this.other = b.other == null ? Preserved.NONE : b.other;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static VideoAccelerationBuilder builder() {
        return new VideoAccelerationBuilder();
    }

    /** A builder holding this object's values. */
    public VideoAccelerationBuilder toBuilder() {
        return new VideoAccelerationBuilder(this);
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
        return Objects.equals(accel3d, x.accel3d) && Objects.equals(accel2d, x.accel2d)
                && Objects.equals(rendernode, x.rendernode) && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(accel3d, accel2d, rendernode, other);
    }

    @Override
    public String toString() {
        return "VideoAcceleration[accel3d=" + accel3d + ", accel2d=" + accel2d + ", rendernode=" + rendernode
                + ", other=" + other + "]";
    }

}
