package org.jvirt.api.xml;

import java.util.Objects;

/**
 * An interface's {@code <driver>} (virtio-net and vhost options).
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder()}, change one with
 * {@link #toBuilder()} or a {@code with...} copy; accessors never return null lists.
 */
public final class NetDriver {
    private final String name;
    private final String txmode;
    private final String ioeventfd;
    private final String eventIdx;
    private final Integer queues;
    private final Integer rxQueueSize;
    private final Integer txQueueSize;
    private final String rss;
    private final String rssHashReport;
    private final String iommu;
    private final String ats;
    private final String packed;
    private final String pagePerVq;
    private final Offload host;
    private final Offload guest;
    private final Preserved other;

    private NetDriver(Builder b) {
        this.name = b.name;
        this.txmode = b.txmode;
        this.ioeventfd = b.ioeventfd;
        this.eventIdx = b.eventIdx;
        this.queues = b.queues;
        this.rxQueueSize = b.rxQueueSize;
        this.txQueueSize = b.txQueueSize;
        this.rss = b.rss;
        this.rssHashReport = b.rssHashReport;
        this.iommu = b.iommu;
        this.ats = b.ats;
        this.packed = b.packed;
        this.pagePerVq = b.pagePerVq;
        this.host = b.host;
        this.guest = b.guest;
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
        b.txmode = txmode;
        b.ioeventfd = ioeventfd;
        b.eventIdx = eventIdx;
        b.queues = queues;
        b.rxQueueSize = rxQueueSize;
        b.txQueueSize = txQueueSize;
        b.rss = rss;
        b.rssHashReport = rssHashReport;
        b.iommu = iommu;
        b.ats = ats;
        b.packed = packed;
        b.pagePerVq = pagePerVq;
        b.host = host;
        b.guest = guest;
        b.other = other;
        return b;
    }

    /** {@code qemu}, {@code vhost}, {@code kvm}, {@code vfio}, ... or null */
    public String name() {
        return name;
    }

    /** {@code iothread}/{@code timer}, or null */
    public String txmode() {
        return txmode;
    }

    /** {@code on}/{@code off}, or null */
    public String ioeventfd() {
        return ioeventfd;
    }

    /** {@code event_idx} {@code on}/{@code off}, or null */
    public String eventIdx() {
        return eventIdx;
    }

    /** the number of queue pairs, or null */
    public Integer queues() {
        return queues;
    }

    /** {@code rx_queue_size}, or null */
    public Integer rxQueueSize() {
        return rxQueueSize;
    }

    /** {@code tx_queue_size}, or null */
    public Integer txQueueSize() {
        return txQueueSize;
    }

    /** {@code on}/{@code off}, or null */
    public String rss() {
        return rss;
    }

    /** {@code rss_hash_report} {@code on}/{@code off}, or null */
    public String rssHashReport() {
        return rssHashReport;
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

    /** {@code <host>} offloads, or null */
    public Offload host() {
        return host;
    }

    /** {@code <guest>} offloads, or null */
    public Offload guest() {
        return guest;
    }

    /** further attributes and child elements the model does not name, kept verbatim and formatted back in libvirt's order; never null */
    public Preserved other() {
        return other;
    }

    /** A copy with {@code name} replaced. */
    public NetDriver withName(String newName) {
        return toBuilder().name(newName).build();
    }

    /** A copy with {@code txmode} replaced. */
    public NetDriver withTxmode(String newTxmode) {
        return toBuilder().txmode(newTxmode).build();
    }

    /** A copy with {@code ioeventfd} replaced. */
    public NetDriver withIoeventfd(String newIoeventfd) {
        return toBuilder().ioeventfd(newIoeventfd).build();
    }

    /** A copy with {@code eventIdx} replaced. */
    public NetDriver withEventIdx(String newEventIdx) {
        return toBuilder().eventIdx(newEventIdx).build();
    }

    /** A copy with {@code queues} replaced. */
    public NetDriver withQueues(Integer newQueues) {
        return toBuilder().queues(newQueues).build();
    }

    /** A copy with {@code rxQueueSize} replaced. */
    public NetDriver withRxQueueSize(Integer newRxQueueSize) {
        return toBuilder().rxQueueSize(newRxQueueSize).build();
    }

    /** A copy with {@code txQueueSize} replaced. */
    public NetDriver withTxQueueSize(Integer newTxQueueSize) {
        return toBuilder().txQueueSize(newTxQueueSize).build();
    }

    /** A copy with {@code rss} replaced. */
    public NetDriver withRss(String newRss) {
        return toBuilder().rss(newRss).build();
    }

    /** A copy with {@code rssHashReport} replaced. */
    public NetDriver withRssHashReport(String newRssHashReport) {
        return toBuilder().rssHashReport(newRssHashReport).build();
    }

    /** A copy with {@code iommu} replaced. */
    public NetDriver withIommu(String newIommu) {
        return toBuilder().iommu(newIommu).build();
    }

    /** A copy with {@code ats} replaced. */
    public NetDriver withAts(String newAts) {
        return toBuilder().ats(newAts).build();
    }

    /** A copy with {@code packed} replaced. */
    public NetDriver withPacked(String newPacked) {
        return toBuilder().packed(newPacked).build();
    }

    /** A copy with {@code pagePerVq} replaced. */
    public NetDriver withPagePerVq(String newPagePerVq) {
        return toBuilder().pagePerVq(newPagePerVq).build();
    }

    /** A copy with {@code host} replaced. */
    public NetDriver withHost(Offload newHost) {
        return toBuilder().host(newHost).build();
    }

    /** A copy with {@code guest} replaced. */
    public NetDriver withGuest(Offload newGuest) {
        return toBuilder().guest(newGuest).build();
    }

    /** A copy with {@code other} replaced. */
    public NetDriver withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    /**
     * The {@code <host>} or {@code <guest>} offload switches of a virtio-net driver; each is
     * {@code on}/{@code off}, or null when not written ({@code <guest>} has no gso nor mrg_rxbuf).
     */
    public record Offload(String csum, String gso, String tso4, String tso6, String ecn, String ufo, String mrgRxbuf) {
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof NetDriver x)) {
            return false;
        }
        return Objects.equals(name, x.name)
                && Objects.equals(txmode, x.txmode)
                && Objects.equals(ioeventfd, x.ioeventfd)
                && Objects.equals(eventIdx, x.eventIdx)
                && Objects.equals(queues, x.queues)
                && Objects.equals(rxQueueSize, x.rxQueueSize)
                && Objects.equals(txQueueSize, x.txQueueSize)
                && Objects.equals(rss, x.rss)
                && Objects.equals(rssHashReport, x.rssHashReport)
                && Objects.equals(iommu, x.iommu)
                && Objects.equals(ats, x.ats)
                && Objects.equals(packed, x.packed)
                && Objects.equals(pagePerVq, x.pagePerVq)
                && Objects.equals(host, x.host)
                && Objects.equals(guest, x.guest)
                && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, txmode, ioeventfd, eventIdx, queues, rxQueueSize, txQueueSize, rss, rssHashReport, iommu, ats, packed, pagePerVq, host, guest, other);
    }

    @Override
    public String toString() {
        return "NetDriver[" + "name=" + name + ", "
                + "txmode=" + txmode + ", "
                + "ioeventfd=" + ioeventfd + ", "
                + "eventIdx=" + eventIdx + ", "
                + "queues=" + queues + ", "
                + "rxQueueSize=" + rxQueueSize + ", "
                + "txQueueSize=" + txQueueSize + ", "
                + "rss=" + rss + ", "
                + "rssHashReport=" + rssHashReport + ", "
                + "iommu=" + iommu + ", "
                + "ats=" + ats + ", "
                + "packed=" + packed + ", "
                + "pagePerVq=" + pagePerVq + ", "
                + "host=" + host + ", "
                + "guest=" + guest + ", "
                + "other=" + other + "]";
    }

    /** Collects the values of a {@link NetDriver}; not thread-safe. */
    public static final class Builder {
        private String name;
        private String txmode;
        private String ioeventfd;
        private String eventIdx;
        private Integer queues;
        private Integer rxQueueSize;
        private Integer txQueueSize;
        private String rss;
        private String rssHashReport;
        private String iommu;
        private String ats;
        private String packed;
        private String pagePerVq;
        private Offload host;
        private Offload guest;
        private Preserved other;

        private Builder() {
        }

        /** @see NetDriver#name() */
        public Builder name(String value) {
            this.name = value;
            return this;
        }

        /** @see NetDriver#txmode() */
        public Builder txmode(String value) {
            this.txmode = value;
            return this;
        }

        /** @see NetDriver#ioeventfd() */
        public Builder ioeventfd(String value) {
            this.ioeventfd = value;
            return this;
        }

        /** @see NetDriver#eventIdx() */
        public Builder eventIdx(String value) {
            this.eventIdx = value;
            return this;
        }

        /** @see NetDriver#queues() */
        public Builder queues(Integer value) {
            this.queues = value;
            return this;
        }

        /** @see NetDriver#rxQueueSize() */
        public Builder rxQueueSize(Integer value) {
            this.rxQueueSize = value;
            return this;
        }

        /** @see NetDriver#txQueueSize() */
        public Builder txQueueSize(Integer value) {
            this.txQueueSize = value;
            return this;
        }

        /** @see NetDriver#rss() */
        public Builder rss(String value) {
            this.rss = value;
            return this;
        }

        /** @see NetDriver#rssHashReport() */
        public Builder rssHashReport(String value) {
            this.rssHashReport = value;
            return this;
        }

        /** @see NetDriver#iommu() */
        public Builder iommu(String value) {
            this.iommu = value;
            return this;
        }

        /** @see NetDriver#ats() */
        public Builder ats(String value) {
            this.ats = value;
            return this;
        }

        /** @see NetDriver#packed() */
        public Builder packed(String value) {
            this.packed = value;
            return this;
        }

        /** @see NetDriver#pagePerVq() */
        public Builder pagePerVq(String value) {
            this.pagePerVq = value;
            return this;
        }

        /** @see NetDriver#host() */
        public Builder host(Offload value) {
            this.host = value;
            return this;
        }

        /** @see NetDriver#guest() */
        public Builder guest(Offload value) {
            this.guest = value;
            return this;
        }

        /** @see NetDriver#other() */
        public Builder other(Preserved value) {
            this.other = value;
            return this;
        }

        public NetDriver build() {
            return new NetDriver(this);
        }
    }
}
