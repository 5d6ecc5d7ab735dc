package org.jvirt.api.xml;

import java.util.List;
import java.util.Objects;

/**
 * A disk's {@code <driver>} (libvirt's hypervisor-side disk options).
 *
 * <p>Immutable; lists are never null. Build with {@link #builder()}, change with {@link #toBuilder()}.
 */
public final class DiskDriver {
    private final String name;
    private final String type;
    private final String cache;
    private final String errorPolicy;
    private final String rerrorPolicy;
    private final String io;
    private final String ioeventfd;
    private final String eventIdx;
    private final String copyOnRead;
    private final String discard;
    private final Integer iothread;
    private final String detectZeroes;
    private final String discardNoUnref;
    private final Integer queues;
    private final Integer queueSize;
    private final String iommu;
    private final String ats;
    private final String packed;
    private final String pagePerVq;
    private final List<IothreadQueues> iothreads;
    private final Preserved other;

    DiskDriver(DiskDriverBuilder b) {
        this.name = b.name;
        this.type = b.type;
        this.cache = b.cache;
        this.errorPolicy = b.errorPolicy;
        this.rerrorPolicy = b.rerrorPolicy;
        this.io = b.io;
        this.ioeventfd = b.ioeventfd;
        this.eventIdx = b.eventIdx;
        this.copyOnRead = b.copyOnRead;
        this.discard = b.discard;
        this.iothread = b.iothread;
        this.detectZeroes = b.detectZeroes;
        this.discardNoUnref = b.discardNoUnref;
        this.queues = b.queues;
        this.queueSize = b.queueSize;
        this.iommu = b.iommu;
        this.ats = b.ats;
        this.packed = b.packed;
        this.pagePerVq = b.pagePerVq;
        this.iothreads = List.copyOf(b.iothreads == null ? List.of() : b.iothreads);
        this.other = b.other == null ? Preserved.NONE : b.other;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static DiskDriverBuilder builder() {
        return new DiskDriverBuilder();
    }

    /** A builder holding this object's values. */
    public DiskDriverBuilder toBuilder() {
        return new DiskDriverBuilder(this);
    }

    /** the driver name ({@code qemu}), or null */
    public String name() {
        return name;
    }

    /** the image format ({@code raw}, {@code qcow2}, ...), or null */
    public String type() {
        return type;
    }

    /** {@code none}, {@code writeback}, {@code writethrough}, {@code directsync}, {@code unsafe}, {@code default}, or null */
    public String cache() {
        return cache;
    }

    /** {@code error_policy}, or null */
    public String errorPolicy() {
        return errorPolicy;
    }

    /** {@code rerror_policy}, or null */
    public String rerrorPolicy() {
        return rerrorPolicy;
    }

    /** {@code threads}, {@code native}, {@code io_uring}, or null */
    public String io() {
        return io;
    }

    /** {@code on}/{@code off}, or null */
    public String ioeventfd() {
        return ioeventfd;
    }

    /** {@code event_idx} {@code on}/{@code off}, or null */
    public String eventIdx() {
        return eventIdx;
    }

    /** {@code copy_on_read} {@code on}/{@code off}, or null */
    public String copyOnRead() {
        return copyOnRead;
    }

    /** {@code unmap}/{@code ignore}, or null */
    public String discard() {
        return discard;
    }

    /** the IOThread id, or null */
    public Integer iothread() {
        return iothread;
    }

    /** {@code detect_zeroes} ({@code off}, {@code on}, {@code unmap}), or null */
    public String detectZeroes() {
        return detectZeroes;
    }

    /** {@code discard_no_unref} {@code on}/{@code off}, or null */
    public String discardNoUnref() {
        return discardNoUnref;
    }

    /** the number of virtqueues, or null */
    public Integer queues() {
        return queues;
    }

    /** {@code queue_size}, or null */
    public Integer queueSize() {
        return queueSize;
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

    /** A copy with {@code name} replaced. */
    public DiskDriver withName(String newName) {
        return toBuilder().name(newName).build();
    }

    /** A copy with {@code type} replaced. */
    public DiskDriver withType(String newType) {
        return toBuilder().type(newType).build();
    }

    /** A copy with {@code other} replaced. */
    public DiskDriver withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof DiskDriver x)) {
            return false;
        }
        return Objects.equals(name, x.name) && Objects.equals(type, x.type) && Objects.equals(cache, x.cache)
                && Objects.equals(errorPolicy, x.errorPolicy) && Objects.equals(rerrorPolicy, x.rerrorPolicy)
                && Objects.equals(io, x.io) && Objects.equals(ioeventfd, x.ioeventfd)
                && Objects.equals(eventIdx, x.eventIdx) && Objects.equals(copyOnRead, x.copyOnRead)
                && Objects.equals(discard, x.discard) && Objects.equals(iothread, x.iothread)
                && Objects.equals(detectZeroes, x.detectZeroes)
                && Objects.equals(discardNoUnref, x.discardNoUnref) && Objects.equals(queues, x.queues)
                && Objects.equals(queueSize, x.queueSize) && Objects.equals(iommu, x.iommu)
                && Objects.equals(ats, x.ats) && Objects.equals(packed, x.packed)
                && Objects.equals(pagePerVq, x.pagePerVq) && Objects.equals(iothreads, x.iothreads)
                && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, cache, errorPolicy, rerrorPolicy, io, ioeventfd, eventIdx, copyOnRead,
                discard, iothread, detectZeroes, discardNoUnref, queues, queueSize, iommu, ats, packed,
                pagePerVq, iothreads, other);
    }

    @Override
    public String toString() {
        return "DiskDriver[name=" + name + ", type=" + type + ", cache=" + cache
                + ", errorPolicy=" + errorPolicy + ", rerrorPolicy=" + rerrorPolicy + ", io=" + io
                + ", ioeventfd=" + ioeventfd + ", eventIdx=" + eventIdx + ", copyOnRead=" + copyOnRead
                + ", discard=" + discard + ", iothread=" + iothread + ", detectZeroes=" + detectZeroes
                + ", discardNoUnref=" + discardNoUnref + ", queues=" + queues + ", queueSize=" + queueSize
                + ", iommu=" + iommu + ", ats=" + ats + ", packed=" + packed + ", pagePerVq=" + pagePerVq
                + ", iothreads=" + iothreads + ", other=" + other + "]";
    }

}
