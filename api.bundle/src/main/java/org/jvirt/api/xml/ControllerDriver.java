package org.jvirt.api.xml;

import java.util.List;
import java.util.Objects;

/**
 * A controller's {@code <driver>}.
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder()}, change one with
 * {@link #toBuilder()} or a {@code with...} copy; accessors never return null lists.
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

    private ControllerDriver(Builder b) {
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
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.queues = queues;
        b.cmdPerLun = cmdPerLun;
        b.maxSectors = maxSectors;
        b.ioeventfd = ioeventfd;
        b.iothread = iothread;
        b.iommu = iommu;
        b.ats = ats;
        b.packed = packed;
        b.pagePerVq = pagePerVq;
        b.iothreads = iothreads;
        b.other = other;
        return b;
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

    /** A copy with {@code queues} replaced. */
    public ControllerDriver withQueues(Integer newQueues) {
        return toBuilder().queues(newQueues).build();
    }

    /** A copy with {@code cmdPerLun} replaced. */
    public ControllerDriver withCmdPerLun(Integer newCmdPerLun) {
        return toBuilder().cmdPerLun(newCmdPerLun).build();
    }

    /** A copy with {@code maxSectors} replaced. */
    public ControllerDriver withMaxSectors(Integer newMaxSectors) {
        return toBuilder().maxSectors(newMaxSectors).build();
    }

    /** A copy with {@code ioeventfd} replaced. */
    public ControllerDriver withIoeventfd(String newIoeventfd) {
        return toBuilder().ioeventfd(newIoeventfd).build();
    }

    /** A copy with {@code iothread} replaced. */
    public ControllerDriver withIothread(Integer newIothread) {
        return toBuilder().iothread(newIothread).build();
    }

    /** A copy with {@code iommu} replaced. */
    public ControllerDriver withIommu(String newIommu) {
        return toBuilder().iommu(newIommu).build();
    }

    /** A copy with {@code ats} replaced. */
    public ControllerDriver withAts(String newAts) {
        return toBuilder().ats(newAts).build();
    }

    /** A copy with {@code packed} replaced. */
    public ControllerDriver withPacked(String newPacked) {
        return toBuilder().packed(newPacked).build();
    }

    /** A copy with {@code pagePerVq} replaced. */
    public ControllerDriver withPagePerVq(String newPagePerVq) {
        return toBuilder().pagePerVq(newPagePerVq).build();
    }

    /** A copy with {@code iothreads} replaced. */
    public ControllerDriver withIothreads(List<IothreadQueues> newIothreads) {
        return toBuilder().iothreads(newIothreads).build();
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
        return Objects.equals(queues, x.queues)
                && Objects.equals(cmdPerLun, x.cmdPerLun)
                && Objects.equals(maxSectors, x.maxSectors)
                && Objects.equals(ioeventfd, x.ioeventfd)
                && Objects.equals(iothread, x.iothread)
                && Objects.equals(iommu, x.iommu)
                && Objects.equals(ats, x.ats)
                && Objects.equals(packed, x.packed)
                && Objects.equals(pagePerVq, x.pagePerVq)
                && Objects.equals(iothreads, x.iothreads)
                && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(queues, cmdPerLun, maxSectors, ioeventfd, iothread, iommu, ats, packed, pagePerVq, iothreads, other);
    }

    @Override
    public String toString() {
        return "ControllerDriver[" + "queues=" + queues + ", "
                + "cmdPerLun=" + cmdPerLun + ", "
                + "maxSectors=" + maxSectors + ", "
                + "ioeventfd=" + ioeventfd + ", "
                + "iothread=" + iothread + ", "
                + "iommu=" + iommu + ", "
                + "ats=" + ats + ", "
                + "packed=" + packed + ", "
                + "pagePerVq=" + pagePerVq + ", "
                + "iothreads=" + iothreads + ", "
                + "other=" + other + "]";
    }

    /** Collects the values of a {@link ControllerDriver}; not thread-safe. */
    public static final class Builder {
        private Integer queues;
        private Integer cmdPerLun;
        private Integer maxSectors;
        private String ioeventfd;
        private Integer iothread;
        private String iommu;
        private String ats;
        private String packed;
        private String pagePerVq;
        private List<IothreadQueues> iothreads;
        private Preserved other;

        private Builder() {
        }

        /** @see ControllerDriver#queues() */
        public Builder queues(Integer value) {
            this.queues = value;
            return this;
        }

        /** @see ControllerDriver#cmdPerLun() */
        public Builder cmdPerLun(Integer value) {
            this.cmdPerLun = value;
            return this;
        }

        /** @see ControllerDriver#maxSectors() */
        public Builder maxSectors(Integer value) {
            this.maxSectors = value;
            return this;
        }

        /** @see ControllerDriver#ioeventfd() */
        public Builder ioeventfd(String value) {
            this.ioeventfd = value;
            return this;
        }

        /** @see ControllerDriver#iothread() */
        public Builder iothread(Integer value) {
            this.iothread = value;
            return this;
        }

        /** @see ControllerDriver#iommu() */
        public Builder iommu(String value) {
            this.iommu = value;
            return this;
        }

        /** @see ControllerDriver#ats() */
        public Builder ats(String value) {
            this.ats = value;
            return this;
        }

        /** @see ControllerDriver#packed() */
        public Builder packed(String value) {
            this.packed = value;
            return this;
        }

        /** @see ControllerDriver#pagePerVq() */
        public Builder pagePerVq(String value) {
            this.pagePerVq = value;
            return this;
        }

        /** @see ControllerDriver#iothreads() */
        public Builder iothreads(List<IothreadQueues> value) {
            this.iothreads = value;
            return this;
        }

        /** @see ControllerDriver#other() */
        public Builder other(Preserved value) {
            this.other = value;
            return this;
        }

        public ControllerDriver build() {
            return new ControllerDriver(this);
        }
    }
}
