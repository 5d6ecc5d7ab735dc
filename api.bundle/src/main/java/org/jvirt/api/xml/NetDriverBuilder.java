package org.jvirt.api.xml;

/** Collects the values of a {@link NetDriver}: from {@link NetDriver#builder()} or {@link NetDriver#toBuilder()}; not thread-safe. */
public final class NetDriverBuilder {
    String name;
    String txmode;
    String ioeventfd;
    String eventIdx;
    Integer queues;
    Integer rxQueueSize;
    Integer txQueueSize;
    String rss;
    String rssHashReport;
    String iommu;
    String ats;
    String packed;
    String pagePerVq;
    NetDriver.Offload host;
    NetDriver.Offload guest;
    Preserved other;

    NetDriverBuilder() {
    }

    NetDriverBuilder(NetDriver from) {
        name = from.name();
        txmode = from.txmode();
        ioeventfd = from.ioeventfd();
        eventIdx = from.eventIdx();
        queues = from.queues();
        rxQueueSize = from.rxQueueSize();
        txQueueSize = from.txQueueSize();
        rss = from.rss();
        rssHashReport = from.rssHashReport();
        iommu = from.iommu();
        ats = from.ats();
        packed = from.packed();
        pagePerVq = from.pagePerVq();
        host = from.host();
        guest = from.guest();
        other = from.other();
    }

    /** @see NetDriver#name() */
    public NetDriverBuilder name(String value) {
        this.name = value;
        return this;
    }

    /** @see NetDriver#txmode() */
    public NetDriverBuilder txmode(String value) {
        this.txmode = value;
        return this;
    }

    /** @see NetDriver#ioeventfd() */
    public NetDriverBuilder ioeventfd(String value) {
        this.ioeventfd = value;
        return this;
    }

    /** @see NetDriver#eventIdx() */
    public NetDriverBuilder eventIdx(String value) {
        this.eventIdx = value;
        return this;
    }

    /** @see NetDriver#queues() */
    public NetDriverBuilder queues(Integer value) {
        this.queues = value;
        return this;
    }

    /** @see NetDriver#rxQueueSize() */
    public NetDriverBuilder rxQueueSize(Integer value) {
        this.rxQueueSize = value;
        return this;
    }

    /** @see NetDriver#txQueueSize() */
    public NetDriverBuilder txQueueSize(Integer value) {
        this.txQueueSize = value;
        return this;
    }

    /** @see NetDriver#rss() */
    public NetDriverBuilder rss(String value) {
        this.rss = value;
        return this;
    }

    /** @see NetDriver#rssHashReport() */
    public NetDriverBuilder rssHashReport(String value) {
        this.rssHashReport = value;
        return this;
    }

    /** @see NetDriver#iommu() */
    public NetDriverBuilder iommu(String value) {
        this.iommu = value;
        return this;
    }

    /** @see NetDriver#ats() */
    public NetDriverBuilder ats(String value) {
        this.ats = value;
        return this;
    }

    /** @see NetDriver#packed() */
    public NetDriverBuilder packed(String value) {
        this.packed = value;
        return this;
    }

    /** @see NetDriver#pagePerVq() */
    public NetDriverBuilder pagePerVq(String value) {
        this.pagePerVq = value;
        return this;
    }

    /** @see NetDriver#host() */
    public NetDriverBuilder host(NetDriver.Offload value) {
        this.host = value;
        return this;
    }

    /** @see NetDriver#guest() */
    public NetDriverBuilder guest(NetDriver.Offload value) {
        this.guest = value;
        return this;
    }

    /** @see NetDriver#other() */
    public NetDriverBuilder other(Preserved value) {
        this.other = value;
        return this;
    }

    public NetDriver build() {
        return new NetDriver(this);
    }
}
