package org.jvirt.xml.internal;

import java.util.random.RandomGenerator;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.NetDriver;
import org.jvirt.api.xml.NetDriverBuilder;
import org.jvirt.api.xml.NetInterface;
import org.jvirt.api.xml.NetInterfaceBuilder;
import org.jvirt.api.xml.NetSource;
import org.jvirt.api.xml.NetSourceBuilder;
import org.jvirt.api.xml.XmlElement;

/** {@code <interface>} (virDomainNetDefParseXML / virDomainNetDefFormat). */
final class NetInterfaceCodec {
    private static final String[] IFACE_ATTRS = {"type", "managed", "trustGuestRxFilters"};
    private static final String[] SOURCE_ATTRS = {"network", "portgroup", "portid", "bridge", "type", "path", "dev",
        "mode", "name", "address", "port", "switchid", "portgroupid", "connectionid"};
    /** A VMware distributed switch port: virDomainNetDefFormat writes the switch first. */
    private static final String[] VDS_SOURCE_ATTRS = {"switchid", "portid", "portgroupid", "connectionid"};
    private static final String[] DRIVER_ATTRS = {"name", "txmode", "ioeventfd", "event_idx", "queues",
        "rx_queue_size", "tx_queue_size", "rss", "rss_hash_report", "iommu", "ats", "packed", "page_per_vq"};
    private static final String[] HOST_OFFLOADS = {"csum", "gso", "tso4", "tso6", "ecn", "ufo", "mrg_rxbuf"};
    private static final String[] GUEST_OFFLOADS = {"csum", "tso4", "tso6", "ecn", "ufo"};

    private NetInterfaceCodec() {
    }

    static NetInterface parse(Node n, RandomGenerator random) throws VirtException {
        NetInterfaceBuilder b = NetInterface.builder().type(n.requiredAttr("type")).managed(n.attr("managed"))
                .trustGuestRxFilters(n.attr("trustGuestRxFilters"));
        mac(n, b, random);
        Node source = n.child("source");
        if (source != null) {
            b.source(source(source));
        }
        Node bandwidth = n.child("bandwidth");
        if (bandwidth != null) {
            // libvirt allows a guaranteed floor only where a network can plug it on its bridge
            b.bandwidth(NetBandwidthCodec.parse(bandwidth, "network".equals(n.attr("type"))));
        }
        b.ips(NetIpCodec.ips(n)).routes(NetIpCodec.routes(n));
        b.script(Leaf.attr(n, "script", "path")).downscript(Leaf.attr(n, "downscript", "path"));
        Node target = Leaf.known(n, "target", "dev", "managed");
        if (target != null) {
            b.targetDev(target.attr("dev")).targetManaged(target.attr("managed"));
        }
        Node model = n.child("model");
        if (model != null) {
            b.modelType(model.attr("type"));
            model.requireFullyRead();
        }
        Node driver = n.child("driver");
        if (driver != null) {
            b.driver(driver(driver));
        }
        Node backend = Leaf.known(n, "backend", "type", "tap", "vhost", "logFile");
        if (backend != null) {
            b.backend(new NetInterface.Backend(backend.attr("type"), backend.attr("tap"), backend.attr("vhost"),
                    backend.attr("logFile")));
        }
        b.teaming(teaming(n));
        b.linkState(linkState(n));
        Node mtu = Leaf.known(n, "mtu", "size");
        if (mtu != null) {
            b.mtu(Num.uint(mtu, "size"));
        }
        return b.info(DeviceInfoCodec.parse(n)).other(n.rest()).build();
    }

    private static void mac(Node n, NetInterfaceBuilder b, RandomGenerator random) throws VirtException {
        Node mac = n.child("mac");
        String address = null;
        if (mac != null) {
            address = mac.attr("address");
            b.macType(mac.attr("type")).macCheck(mac.attr("check"));
            mac.requireFullyRead();
        }
        if (address != null) {
            address = Mac.parse(address);
        }
        if (address == null || Mac.isZero(address)) {
            address = Mac.generate(random);
        }
        b.mac(address);
    }

    private static NetSource source(Node s) throws VirtException {
        NetSourceBuilder b = NetSource.builder().network(s.attr("network")).portgroup(s.attr("portgroup"))
                .portid(s.attr("portid")).bridge(s.attr("bridge")).dev(s.attr("dev")).mode(s.attr("mode"))
                .type(s.attr("type")).path(s.attr("path")).name(s.attr("name")).address(s.attr("address"))
                .port(Num.uint(s, "port"));
        Node local = Leaf.known(s, "local", "address", "port");
        if (local != null) {
            b.localAddress(local.attr("address")).localPort(Num.uint(local, "port"));
        }
        if (s.element().children("address").size() == 1) {
            b.hostAddress(AddressCodec.parse(s.child("address")));
        }
        return b.other(s.rest()).build();
    }

    static NetDriver driver(Node d) throws VirtException {
        NetDriverBuilder b = NetDriver.builder().name(d.attr("name")).txmode(d.attr("txmode"))
                .ioeventfd(d.attr("ioeventfd")).eventIdx(d.attr("event_idx")).queues(Num.uint(d, "queues"))
                .rxQueueSize(Num.uint(d, "rx_queue_size")).txQueueSize(Num.uint(d, "tx_queue_size"))
                .rss(d.attr("rss")).rssHashReport(d.attr("rss_hash_report")).iommu(d.attr("iommu"))
                .ats(d.attr("ats")).packed(d.attr("packed")).pagePerVq(d.attr("page_per_vq"));
        b.host(offload(Leaf.known(d, "host", HOST_OFFLOADS)));
        b.guest(offload(Leaf.known(d, "guest", GUEST_OFFLOADS)));
        return b.other(d.rest()).build();
    }

    private static NetDriver.Offload offload(Node o) {
        if (o == null) {
            return null;
        }
        return new NetDriver.Offload(o.attr("csum"), o.attr("gso"), o.attr("tso4"), o.attr("tso6"), o.attr("ecn"),
                o.attr("ufo"), o.attr("mrg_rxbuf"));
    }

    /** {@code <teaming>}, shared with hostdev. */
    static NetInterface.Teaming teaming(Node holder) {
        Node t = Leaf.known(holder, "teaming", "type", "persistent");
        return t == null ? null : new NetInterface.Teaming(t.attr("type"), t.attr("persistent"));
    }

    private static String linkState(Node n) throws VirtException {
        Node link = Leaf.known(n, "link", "state");
        String state = link == null ? null : link.attr("state");
        if (state != null && !state.equals("up") && !state.equals("down")) {
            throw XmlErrors.xml("unknown interface link state '" + state + "'");
        }
        return state;
    }

    static XmlElement format(NetInterface i) {
        Out o = new Out("interface").attrOrder(IFACE_ATTRS).attr("type", i.type()).attr("managed", i.managed())
                .attr("trustGuestRxFilters", i.trustGuestRxFilters());
        o.child(new Out("mac").attr("address", i.mac()).attr("type", i.macType()).attr("check", i.macCheck()));
        if (i.source() != null) {
            o.child(source(i.source(), "vds".equals(i.type()) ? VDS_SOURCE_ATTRS : SOURCE_ATTRS));
        }
        o.child(NetBandwidthCodec.format(i.bandwidth()));
        o.children(NetIpCodec.format(i.ips(), i.routes()));
        if (i.script() != null) {
            o.child(new Out("script").attr("path", i.script()));
        }
        if (i.downscript() != null) {
            o.child(new Out("downscript").attr("path", i.downscript()));
        }
        if (i.targetDev() != null || i.targetManaged() != null) {
            o.child(new Out("target").attr("dev", i.targetDev()).attr("managed", i.targetManaged()));
        }
        if (i.modelType() != null) {
            o.child(new Out("model").attr("type", i.modelType()));
        }
        if (i.driver() != null) {
            o.child(driver(i.driver()));
        }
        NetInterface.Backend be = i.backend();
        if (be != null) {
            o.child(new Out("backend").attr("type", be.type()).attr("tap", be.tap()).attr("vhost", be.vhost())
                    .attr("logFile", be.logFile()));
        }
        o.child(teaming(i.teaming()));
        if (i.linkState() != null) {
            o.child(new Out("link").attr("state", i.linkState()));
        }
        if (i.mtu() != null) {
            o.child(new Out("mtu").attr("size", i.mtu()));
        }
        return o.children(DeviceInfoCodec.format(i.info())).preserved(i.other()).build();
    }

    private static Out source(NetSource s, String[] order) {
        Out o = new Out("source").attrOrder(order).attr("network", s.network()).attr("portgroup", s.portgroup())
                .attr("portid", s.portid()).attr("bridge", s.bridge()).attr("type", s.type()).attr("path", s.path())
                .attr("dev", s.dev()).attr("mode", s.mode()).attr("name", s.name()).attr("address", s.address())
                .attr("port", s.port());
        if (s.localAddress() != null || s.localPort() != null) {
            o.child(new Out("local").attr("address", s.localAddress()).attr("port", s.localPort()));
        }
        if (s.hostAddress() != null) {
            o.child(AddressCodec.format(s.hostAddress()));
        }
        return o.preserved(s.other());
    }

    private static Out driver(NetDriver d) {
        Out o = new Out("driver").attrOrder(DRIVER_ATTRS).attr("name", d.name()).attr("txmode", d.txmode())
                .attr("ioeventfd", d.ioeventfd()).attr("event_idx", d.eventIdx()).attr("queues", d.queues())
                .attr("rx_queue_size", d.rxQueueSize()).attr("tx_queue_size", d.txQueueSize()).attr("rss", d.rss())
                .attr("rss_hash_report", d.rssHashReport()).attr("iommu", d.iommu()).attr("ats", d.ats())
                .attr("packed", d.packed()).attr("page_per_vq", d.pagePerVq());
        o.child(offload("host", d.host()));
        o.child(offload("guest", d.guest()));
        return o.preserved(d.other());
    }

    private static Out offload(String name, NetDriver.Offload f) {
        if (f == null) {
            return null;
        }
        return new Out(name).attr("csum", f.csum()).attr("gso", f.gso()).attr("tso4", f.tso4()).attr("tso6", f.tso6())
                .attr("ecn", f.ecn()).attr("ufo", f.ufo()).attr("mrg_rxbuf", f.mrgRxbuf());
    }

    static XmlElement teaming(NetInterface.Teaming t) {
        return t == null ? null : new Out("teaming").attr("type", t.type()).attr("persistent", t.persistent()).build();
    }
}
