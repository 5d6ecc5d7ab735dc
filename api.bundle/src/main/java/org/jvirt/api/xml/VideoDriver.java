package org.jvirt.api.xml;

import java.util.Objects;

/**
 * A video device's {@code <driver>}: the backend and the virtio options.
 *
 * <p>Immutable; lists are never null. Build with {@link #builder()}, change with {@link #toBuilder()}.
 */
public final class VideoDriver {
    private final String name;
    private final String vgaconf;
    private final String iommu;
    private final String ats;
    private final String packed;
    private final String pagePerVq;
    private final Preserved other;

    VideoDriver(VideoDriverBuilder b) {
        this.name = b.name;
        this.vgaconf = b.vgaconf;
        this.iommu = b.iommu;
        this.ats = b.ats;
        this.packed = b.packed;
        this.pagePerVq = b.pagePerVq;
        this.other = b.other == null ? Preserved.NONE : b.other;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static VideoDriverBuilder builder() {
        return new VideoDriverBuilder();
    }

    /** A builder holding this object's values. */
    public VideoDriverBuilder toBuilder() {
        return new VideoDriverBuilder(this);
    }

    /** {@code qemu} or {@code vhostuser}, or null */
    public String name() {
        return name;
    }

    /** {@code io}, {@code on} or {@code off} (vbox/xen vga configuration), or null */
    public String vgaconf() {
        return vgaconf;
    }

    /** virtio {@code iommu} {@code on}/{@code off}, or null */
    public String iommu() {
        return iommu;
    }

    /** virtio {@code ats} {@code on}/{@code off}, or null */
    public String ats() {
        return ats;
    }

    /** virtio {@code packed} {@code on}/{@code off}, or null */
    public String packed() {
        return packed;
    }

    /** virtio {@code page_per_vq} {@code on}/{@code off}, or null */
    public String pagePerVq() {
        return pagePerVq;
    }

    /** further attributes and child elements the model does not name, kept verbatim and formatted back in libvirt's order; never null */
    public Preserved other() {
        return other;
    }

    /** A copy with {@code name} replaced. */
    public VideoDriver withName(String newName) {
        return toBuilder().name(newName).build();
    }

    /** A copy with {@code other} replaced. */
    public VideoDriver withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof VideoDriver x)) {
            return false;
        }
        return Objects.equals(name, x.name) && Objects.equals(vgaconf, x.vgaconf)
                && Objects.equals(iommu, x.iommu) && Objects.equals(ats, x.ats)
                && Objects.equals(packed, x.packed) && Objects.equals(pagePerVq, x.pagePerVq)
                && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, vgaconf, iommu, ats, packed, pagePerVq, other);
    }

    @Override
    public String toString() {
        return "VideoDriver[name=" + name + ", vgaconf=" + vgaconf + ", iommu=" + iommu + ", ats=" + ats
                + ", packed=" + packed + ", pagePerVq=" + pagePerVq + ", other=" + other + "]";
    }

}
