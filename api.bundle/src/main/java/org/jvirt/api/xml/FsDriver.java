package org.jvirt.api.xml;

import java.util.Objects;

/**
 * A filesystem's {@code <driver>}.
 *
 * <p>Immutable; lists are never null. Build with {@link #builder()}, change with {@link #toBuilder()}.
 */
public final class FsDriver {
    private final String type;
    private final String format;
    private final String wrpolicy;
    private final Integer queue;
    private final String iommu;
    private final String ats;
    private final String packed;
    private final String pagePerVq;
    private final Preserved other;

    FsDriver(FsDriverBuilder b) {
        this.type = b.type;
        this.format = b.format;
        this.wrpolicy = b.wrpolicy;
        this.queue = b.queue;
        this.iommu = b.iommu;
        this.ats = b.ats;
        this.packed = b.packed;
        this.pagePerVq = b.pagePerVq;
        this.other = b.other == null ? Preserved.NONE : b.other;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static FsDriverBuilder builder() {
        return new FsDriverBuilder();
    }

    /** A builder holding this object's values. */
    public FsDriverBuilder toBuilder() {
        return new FsDriverBuilder(this);
    }

    /** {@code path}, {@code handle}, {@code loop}, {@code nbd}, {@code ploop}, {@code virtiofs}, or null */
    public String type() {
        return type;
    }

    /** the image format of loop/nbd ({@code raw}, {@code qcow2}), or null */
    public String format() {
        return format;
    }

    /** {@code immediate}, or null */
    public String wrpolicy() {
        return wrpolicy;
    }

    /** the virtiofs queue size, or null */
    public Integer queue() {
        return queue;
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

    /** A copy with {@code type} replaced. */
    public FsDriver withType(String newType) {
        return toBuilder().type(newType).build();
    }

    /** A copy with {@code other} replaced. */
    public FsDriver withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof FsDriver x)) {
            return false;
        }
        return Objects.equals(type, x.type) && Objects.equals(format, x.format)
                && Objects.equals(wrpolicy, x.wrpolicy) && Objects.equals(queue, x.queue)
                && Objects.equals(iommu, x.iommu) && Objects.equals(ats, x.ats)
                && Objects.equals(packed, x.packed) && Objects.equals(pagePerVq, x.pagePerVq)
                && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, format, wrpolicy, queue, iommu, ats, packed, pagePerVq, other);
    }

    @Override
    public String toString() {
        return "FsDriver[type=" + type + ", format=" + format + ", wrpolicy=" + wrpolicy + ", queue=" + queue
                + ", iommu=" + iommu + ", ats=" + ats + ", packed=" + packed + ", pagePerVq=" + pagePerVq
                + ", other=" + other + "]";
    }

}
