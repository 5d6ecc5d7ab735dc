package org.jvirt.api.xml;

import java.util.List;
import java.util.Objects;

/**
 * A disk's {@code <driver>} (libvirt's hypervisor-side disk options).
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder()}, change one with
 * {@link #toBuilder()} or a {@code with...} copy; accessors never return null lists.
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

    private DiskDriver(Builder b) {
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
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.name = name;
        b.type = type;
        b.cache = cache;
        b.errorPolicy = errorPolicy;
        b.rerrorPolicy = rerrorPolicy;
        b.io = io;
        b.ioeventfd = ioeventfd;
        b.eventIdx = eventIdx;
        b.copyOnRead = copyOnRead;
        b.discard = discard;
        b.iothread = iothread;
        b.detectZeroes = detectZeroes;
        b.discardNoUnref = discardNoUnref;
        b.queues = queues;
        b.queueSize = queueSize;
        b.iommu = iommu;
        b.ats = ats;
        b.packed = packed;
        b.pagePerVq = pagePerVq;
        b.iothreads = iothreads;
        b.other = other;
        return b;
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

    /** A copy with {@code cache} replaced. */
    public DiskDriver withCache(String newCache) {
        return toBuilder().cache(newCache).build();
    }

    /** A copy with {@code errorPolicy} replaced. */
    public DiskDriver withErrorPolicy(String newErrorPolicy) {
        return toBuilder().errorPolicy(newErrorPolicy).build();
    }

    /** A copy with {@code rerrorPolicy} replaced. */
    public DiskDriver withRerrorPolicy(String newRerrorPolicy) {
        return toBuilder().rerrorPolicy(newRerrorPolicy).build();
    }

    /** A copy with {@code io} replaced. */
    public DiskDriver withIo(String newIo) {
        return toBuilder().io(newIo).build();
    }

    /** A copy with {@code ioeventfd} replaced. */
    public DiskDriver withIoeventfd(String newIoeventfd) {
        return toBuilder().ioeventfd(newIoeventfd).build();
    }

    /** A copy with {@code eventIdx} replaced. */
    public DiskDriver withEventIdx(String newEventIdx) {
        return toBuilder().eventIdx(newEventIdx).build();
    }

    /** A copy with {@code copyOnRead} replaced. */
    public DiskDriver withCopyOnRead(String newCopyOnRead) {
        return toBuilder().copyOnRead(newCopyOnRead).build();
    }

    /** A copy with {@code discard} replaced. */
    public DiskDriver withDiscard(String newDiscard) {
        return toBuilder().discard(newDiscard).build();
    }

    /** A copy with {@code iothread} replaced. */
    public DiskDriver withIothread(Integer newIothread) {
        return toBuilder().iothread(newIothread).build();
    }

    /** A copy with {@code detectZeroes} replaced. */
    public DiskDriver withDetectZeroes(String newDetectZeroes) {
        return toBuilder().detectZeroes(newDetectZeroes).build();
    }

    /** A copy with {@code discardNoUnref} replaced. */
    public DiskDriver withDiscardNoUnref(String newDiscardNoUnref) {
        return toBuilder().discardNoUnref(newDiscardNoUnref).build();
    }

    /** A copy with {@code queues} replaced. */
    public DiskDriver withQueues(Integer newQueues) {
        return toBuilder().queues(newQueues).build();
    }

    /** A copy with {@code queueSize} replaced. */
    public DiskDriver withQueueSize(Integer newQueueSize) {
        return toBuilder().queueSize(newQueueSize).build();
    }

    /** A copy with {@code iommu} replaced. */
    public DiskDriver withIommu(String newIommu) {
        return toBuilder().iommu(newIommu).build();
    }

    /** A copy with {@code ats} replaced. */
    public DiskDriver withAts(String newAts) {
        return toBuilder().ats(newAts).build();
    }

    /** A copy with {@code packed} replaced. */
    public DiskDriver withPacked(String newPacked) {
        return toBuilder().packed(newPacked).build();
    }

    /** A copy with {@code pagePerVq} replaced. */
    public DiskDriver withPagePerVq(String newPagePerVq) {
        return toBuilder().pagePerVq(newPagePerVq).build();
    }

    /** A copy with {@code iothreads} replaced. */
    public DiskDriver withIothreads(List<IothreadQueues> newIothreads) {
        return toBuilder().iothreads(newIothreads).build();
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
        return Objects.equals(name, x.name)
                && Objects.equals(type, x.type)
                && Objects.equals(cache, x.cache)
                && Objects.equals(errorPolicy, x.errorPolicy)
                && Objects.equals(rerrorPolicy, x.rerrorPolicy)
                && Objects.equals(io, x.io)
                && Objects.equals(ioeventfd, x.ioeventfd)
                && Objects.equals(eventIdx, x.eventIdx)
                && Objects.equals(copyOnRead, x.copyOnRead)
                && Objects.equals(discard, x.discard)
                && Objects.equals(iothread, x.iothread)
                && Objects.equals(detectZeroes, x.detectZeroes)
                && Objects.equals(discardNoUnref, x.discardNoUnref)
                && Objects.equals(queues, x.queues)
                && Objects.equals(queueSize, x.queueSize)
                && Objects.equals(iommu, x.iommu)
                && Objects.equals(ats, x.ats)
                && Objects.equals(packed, x.packed)
                && Objects.equals(pagePerVq, x.pagePerVq)
                && Objects.equals(iothreads, x.iothreads)
                && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, cache, errorPolicy, rerrorPolicy, io, ioeventfd, eventIdx, copyOnRead, discard, iothread, detectZeroes, discardNoUnref, queues, queueSize, iommu, ats, packed, pagePerVq, iothreads, other);
    }

    @Override
    public String toString() {
        return "DiskDriver[" + "name=" + name + ", "
                + "type=" + type + ", "
                + "cache=" + cache + ", "
                + "errorPolicy=" + errorPolicy + ", "
                + "rerrorPolicy=" + rerrorPolicy + ", "
                + "io=" + io + ", "
                + "ioeventfd=" + ioeventfd + ", "
                + "eventIdx=" + eventIdx + ", "
                + "copyOnRead=" + copyOnRead + ", "
                + "discard=" + discard + ", "
                + "iothread=" + iothread + ", "
                + "detectZeroes=" + detectZeroes + ", "
                + "discardNoUnref=" + discardNoUnref + ", "
                + "queues=" + queues + ", "
                + "queueSize=" + queueSize + ", "
                + "iommu=" + iommu + ", "
                + "ats=" + ats + ", "
                + "packed=" + packed + ", "
                + "pagePerVq=" + pagePerVq + ", "
                + "iothreads=" + iothreads + ", "
                + "other=" + other + "]";
    }

    /** Collects the values of a {@link DiskDriver}; not thread-safe. */
    public static final class Builder {
        private String name;
        private String type;
        private String cache;
        private String errorPolicy;
        private String rerrorPolicy;
        private String io;
        private String ioeventfd;
        private String eventIdx;
        private String copyOnRead;
        private String discard;
        private Integer iothread;
        private String detectZeroes;
        private String discardNoUnref;
        private Integer queues;
        private Integer queueSize;
        private String iommu;
        private String ats;
        private String packed;
        private String pagePerVq;
        private List<IothreadQueues> iothreads;
        private Preserved other;

        private Builder() {
        }

        /** @see DiskDriver#name() */
        public Builder name(String value) {
            this.name = value;
            return this;
        }

        /** @see DiskDriver#type() */
        public Builder type(String value) {
            this.type = value;
            return this;
        }

        /** @see DiskDriver#cache() */
        public Builder cache(String value) {
            this.cache = value;
            return this;
        }

        /** @see DiskDriver#errorPolicy() */
        public Builder errorPolicy(String value) {
            this.errorPolicy = value;
            return this;
        }

        /** @see DiskDriver#rerrorPolicy() */
        public Builder rerrorPolicy(String value) {
            this.rerrorPolicy = value;
            return this;
        }

        /** @see DiskDriver#io() */
        public Builder io(String value) {
            this.io = value;
            return this;
        }

        /** @see DiskDriver#ioeventfd() */
        public Builder ioeventfd(String value) {
            this.ioeventfd = value;
            return this;
        }

        /** @see DiskDriver#eventIdx() */
        public Builder eventIdx(String value) {
            this.eventIdx = value;
            return this;
        }

        /** @see DiskDriver#copyOnRead() */
        public Builder copyOnRead(String value) {
            this.copyOnRead = value;
            return this;
        }

        /** @see DiskDriver#discard() */
        public Builder discard(String value) {
            this.discard = value;
            return this;
        }

        /** @see DiskDriver#iothread() */
        public Builder iothread(Integer value) {
            this.iothread = value;
            return this;
        }

        /** @see DiskDriver#detectZeroes() */
        public Builder detectZeroes(String value) {
            this.detectZeroes = value;
            return this;
        }

        /** @see DiskDriver#discardNoUnref() */
        public Builder discardNoUnref(String value) {
            this.discardNoUnref = value;
            return this;
        }

        /** @see DiskDriver#queues() */
        public Builder queues(Integer value) {
            this.queues = value;
            return this;
        }

        /** @see DiskDriver#queueSize() */
        public Builder queueSize(Integer value) {
            this.queueSize = value;
            return this;
        }

        /** @see DiskDriver#iommu() */
        public Builder iommu(String value) {
            this.iommu = value;
            return this;
        }

        /** @see DiskDriver#ats() */
        public Builder ats(String value) {
            this.ats = value;
            return this;
        }

        /** @see DiskDriver#packed() */
        public Builder packed(String value) {
            this.packed = value;
            return this;
        }

        /** @see DiskDriver#pagePerVq() */
        public Builder pagePerVq(String value) {
            this.pagePerVq = value;
            return this;
        }

        /** @see DiskDriver#iothreads() */
        public Builder iothreads(List<IothreadQueues> value) {
            this.iothreads = value;
            return this;
        }

        /** @see DiskDriver#other() */
        public Builder other(Preserved value) {
            this.other = value;
            return this;
        }

        public DiskDriver build() {
            return new DiskDriver(this);
        }
    }
}
