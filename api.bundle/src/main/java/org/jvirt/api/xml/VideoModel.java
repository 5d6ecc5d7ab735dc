package org.jvirt.api.xml;

import java.util.Objects;

/**
 * A video device's {@code <model>}. Sizes are in KiB as written; null when absent.
 *
 * <p>Immutable; lists are never null. Build with {@link #builder()}, change with {@link #toBuilder()}.
 */
public final class VideoModel {
    private final String type;
    private final Integer ram;
    private final Integer vram;
    private final Integer vram64;
    private final Integer vgamem;
    private final Integer heads;
    private final String primary;
    private final String blob;
    private final VideoAcceleration acceleration;
    private final Resolution resolution;
    private final Preserved other;

    VideoModel(VideoModelBuilder b) {
        this.type = b.type;
        this.ram = b.ram;
        this.vram = b.vram;
        this.vram64 = b.vram64;
        this.vgamem = b.vgamem;
        this.heads = b.heads;
        this.primary = b.primary;
        this.blob = b.blob;
        this.acceleration = b.acceleration;
        this.resolution = b.resolution;
        this.other = b.other == null ? Preserved.NONE : b.other;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static VideoModelBuilder builder() {
        return new VideoModelBuilder();
    }

    /** A builder holding this object's values. */
    public VideoModelBuilder toBuilder() {
        return new VideoModelBuilder(this);
    }

    /** {@code vga}, {@code cirrus}, {@code vmvga}, {@code xen}, {@code vbox}, {@code qxl}, {@code virtio}, {@code gop}, {@code bochs}, {@code ramfb}, {@code none} */
    public String type() {
        return type;
    }

    /** {@code ram} (qxl), or null */
    public Integer ram() {
        return ram;
    }

    /** {@code vram}, or null */
    public Integer vram() {
        return vram;
    }

    /** {@code vram64} (qxl), or null */
    public Integer vram64() {
        return vram64;
    }

    /** {@code vgamem} (qxl), or null */
    public Integer vgamem() {
        return vgamem;
    }

    /** {@code heads}, or null */
    public Integer heads() {
        return heads;
    }

    /** {@code yes} for the primary device, or null */
    public String primary() {
        return primary;
    }

    /** {@code blob} {@code on}/{@code off}, or null */
    public String blob() {
        return blob;
    }

    /** {@code <acceleration>}, or null */
    public VideoAcceleration acceleration() {
        return acceleration;
    }

    /** {@code <resolution x= y=>}, or null */
    public Resolution resolution() {
        return resolution;
    }

    /** further attributes and child elements the model does not name, kept verbatim and formatted back in libvirt's order; never null */
    public Preserved other() {
        return other;
    }

    /** A copy with {@code type} replaced. */
    public VideoModel withType(String newType) {
        return toBuilder().type(newType).build();
    }

    /** A copy with {@code ram} replaced. */
    public VideoModel withRam(Integer newRam) {
        return toBuilder().ram(newRam).build();
    }

    /** A copy with {@code vram} replaced. */
    public VideoModel withVram(Integer newVram) {
        return toBuilder().vram(newVram).build();
    }

    /** A copy with {@code vgamem} replaced. */
    public VideoModel withVgamem(Integer newVgamem) {
        return toBuilder().vgamem(newVgamem).build();
    }

    /** A copy with {@code heads} replaced. */
    public VideoModel withHeads(Integer newHeads) {
        return toBuilder().heads(newHeads).build();
    }

    /** A copy with {@code primary} replaced. */
    public VideoModel withPrimary(String newPrimary) {
        return toBuilder().primary(newPrimary).build();
    }

    /** A copy with {@code other} replaced. */
    public VideoModel withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    /**
     * {@code <resolution x= y=/>}.
     *
     * @param x horizontal pixels
     * @param y vertical pixels
     */
    public record Resolution(int x, int y) {
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof VideoModel x)) {
            return false;
        }
        return Objects.equals(type, x.type) && Objects.equals(ram, x.ram) && Objects.equals(vram, x.vram)
                && Objects.equals(vram64, x.vram64) && Objects.equals(vgamem, x.vgamem)
                && Objects.equals(heads, x.heads) && Objects.equals(primary, x.primary)
                && Objects.equals(blob, x.blob) && Objects.equals(acceleration, x.acceleration)
                && Objects.equals(resolution, x.resolution) && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, ram, vram, vram64, vgamem, heads, primary, blob, acceleration, resolution,
                other);
    }

    @Override
    public String toString() {
        return "VideoModel[type=" + type + ", ram=" + ram + ", vram=" + vram + ", vram64=" + vram64
                + ", vgamem=" + vgamem + ", heads=" + heads + ", primary=" + primary + ", blob=" + blob
                + ", acceleration=" + acceleration + ", resolution=" + resolution + ", other=" + other + "]";
    }

}
