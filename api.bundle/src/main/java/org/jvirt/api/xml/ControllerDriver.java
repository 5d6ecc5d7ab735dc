package org.jvirt.api.xml;

import java.util.List;
import java.util.Objects;

/**
 * A controller's {@code <driver>}.
 *
 * <p>Immutable; lists are never null. Build with {@link #builder()}, change with {@link #toBuilder()}.
 */
public final class ControllerDriver {
    private final Integer queues;
    private final Integer cmdPerLun;
    private final Integer maxSectors;
    private final String ioeventfd;
    private final Integer iothread;
    private final String iommu;
    private final String ats;
    private final String packed;
    private final String pagePerVq;
    private final List<IothreadQueues> iothreads;
    private final Preserved other;

    ControllerDriver(ControllerDriverBuilder b) {
        this.queues = b.queues;
        this.cmdPerLun = b.cmdPerLun;
        this.maxSectors = b.maxSectors;
        this.ioeventfd = b.ioeventfd;
        this.iothread = b.iothread;
        this.iommu = b.iommu;
        this.ats = b.ats;
        this.packed = b.packed;
        this.pagePerVq = b.pagePerVq;
        this.iothreads = List.copyOf(b.iothreads == null ? List.of() : b.iothreads);
        this.other = b.other == null ? Preserved.NONE : b.other;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static ControllerDriverBuilder builder() {
        return new ControllerDriverBuilder();
    }

    /** A builder holding this object's values. */
    public ControllerDriverBuilder toBuilder() {
        return new ControllerDriverBuilder(this);
    }

    /** the number of queues, or null */
    public Integer queues() {
        return queues;
    }

    /** {@code cmd_per_lun}, or null */
    public Integer cmdPerLun() {
        return cmdPerLun;
    }

    /** {@code max_sectors}, or null */
    public Integer maxSectors() {
        return maxSectors;
    }

    /** {@code on}/{@code off}, or null */
    public String ioeventfd() {
        return ioeventfd;
    }

    /** the IOThread id, or null */
    public Integer iothread() {
        return iothread;
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

    /** {@code <iothreads>}: the virtqueues each IOThread serves, empty when absent */
    public List<IothreadQueues> iothreads() {
        return iothreads;
    }

    /** further attributes and child elements the model does not name, kept verbatim and formatted back in libvirt's order; never null */
    public Preserved other() {
        return other;
    }

    /** A copy with {@code other} replaced. */
    public ControllerDriver withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ControllerDriver x)) {
            return false;
        }
        return Objects.equals(queues, x.queues) && Objects.equals(cmdPerLun, x.cmdPerLun)
                && Objects.equals(maxSectors, x.maxSectors) && Objects.equals(ioeventfd, x.ioeventfd)
                && Objects.equals(iothread, x.iothread) && Objects.equals(iommu, x.iommu)
                && Objects.equals(ats, x.ats) && Objects.equals(packed, x.packed)
                && Objects.equals(pagePerVq, x.pagePerVq) && Objects.equals(iothreads, x.iothreads)
                && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(queues, cmdPerLun, maxSectors, ioeventfd, iothread, iommu, ats, packed, pagePerVq,
                iothreads, other);
    }

    @Override
    public String toString() {
        return "ControllerDriver[queues=" + queues + ", cmdPerLun=" + cmdPerLun + ", maxSectors=" + maxSectors
                + ", ioeventfd=" + ioeventfd + ", iothread=" + iothread + ", iommu=" + iommu + ", ats=" + ats
                + ", packed=" + packed + ", pagePerVq=" + pagePerVq + ", iothreads=" + iothreads
                + ", other=" + other + "]";
    }

}
