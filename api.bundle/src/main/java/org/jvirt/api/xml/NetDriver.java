package org.jvirt.api.xml;

import java.util.Objects;

/**
 * An interface's {@code <driver>} (virtio-net and vhost options).
 *
 * <p>Immutable; lists are never null. Build with {@link #builder()}, change with {@link #toBuilder()}.
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

    NetDriver(NetDriverBuilder b) {
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
    public static NetDriverBuilder builder() {
        return new NetDriverBuilder();
    }

    /** A builder holding this object's values. */
    public NetDriverBuilder toBuilder() {
        return new NetDriverBuilder(this);
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
        return Objects.equals(name, x.name) && Objects.equals(txmode, x.txmode)
                && Objects.equals(ioeventfd, x.ioeventfd) && Objects.equals(eventIdx, x.eventIdx)
                && Objects.equals(queues, x.queues) && Objects.equals(rxQueueSize, x.rxQueueSize)
                && Objects.equals(txQueueSize, x.txQueueSize) && Objects.equals(rss, x.rss)
                && Objects.equals(rssHashReport, x.rssHashReport) && Objects.equals(iommu, x.iommu)
                && Objects.equals(ats, x.ats) && Objects.equals(packed, x.packed)
                && Objects.equals(pagePerVq, x.pagePerVq) && Objects.equals(host, x.host)
                && Objects.equals(guest, x.guest) && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, txmode, ioeventfd, eventIdx, queues, rxQueueSize, txQueueSize, rss,
                rssHashReport, iommu, ats, packed, pagePerVq, host, guest, other);
    }

    @Override
    public String toString() {
        return "NetDriver[name=" + name + ", txmode=" + txmode + ", ioeventfd=" + ioeventfd
                + ", eventIdx=" + eventIdx + ", queues=" + queues + ", rxQueueSize=" + rxQueueSize
                + ", txQueueSize=" + txQueueSize + ", rss=" + rss + ", rssHashReport=" + rssHashReport
                + ", iommu=" + iommu + ", ats=" + ats + ", packed=" + packed + ", pagePerVq=" + pagePerVq
                + ", host=" + host + ", guest=" + guest + ", other=" + other + "]";
    }

}
