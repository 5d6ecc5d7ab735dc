package org.jvirt.xml.internal;

import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Disk;
import org.jvirt.api.xml.DiskAuth;
import org.jvirt.api.xml.DiskBuilder;
import org.jvirt.api.xml.DiskDriver;
import org.jvirt.api.xml.DiskEncryption;
import org.jvirt.api.xml.DiskGeometry;
import org.jvirt.api.xml.DiskSecret;
import org.jvirt.api.xml.DiskSource;
import org.jvirt.api.xml.DiskSourceBuilder;
import org.jvirt.api.xml.DiskTarget;
import org.jvirt.api.xml.SourceHost;
import org.jvirt.api.xml.XmlElement;

/** {@code <disk>} with its source, driver and target typed, written in libvirt's attribute order. */
final class DiskCodec {
    private static final String[] DISK_ATTRS = {"type", "device", "model", "rawio", "sgio", "snapshot"};
    private static final String[] DRIVER_ATTRS = {"name", "type", "cache", "error_policy", "rerror_policy", "io",
        "ioeventfd", "event_idx", "copy_on_read", "discard", "iothread", "detect_zeroes", "discard_no_unref",
        "queues", "queue_size", "iommu", "ats", "packed", "page_per_vq"};
    private static final String[] SOURCE_ATTRS = {"file", "fdgroup", "dev", "dir", "protocol", "name", "query", "tls",
        "tlsHostname", "pool", "volume", "mode", "startupPolicy", "index"};
    /** virDomainDiskSourceFormat's order of a disk source's children. */
    private static final String[] SOURCE_CHILDREN = {"host", "snapshot", "config", "knownHosts", "identity",
        "initiator", "ssl", "cookies", "readahead", "timeout", "reconnect", "address", "slices", "seclabel", "auth",
        "encryption", "reservations", "dataStore"};
    private static final String[] TARGET_ATTRS = {"dev", "bus", "tray", "removable", "rotation_rate"};

    private DiskCodec() {
    }

    static Disk parse(Node n) throws VirtException {
        Node target = n.child("target");
        if (target == null || target.element().attribute("dev") == null) {
            XmlElement src = n.element().child("source");
            throw new VirtException(ErrorCode.NO_TARGET, ErrorDomain.DOMAIN, "device " + describe(src));
        }
        DiskBuilder b = Disk.builder().type(n.attr("type")).device(n.attr("device")).model(n.attr("model"))
                .rawio(n.attr("rawio")).sgio(n.attr("sgio")).snapshot(n.attr("snapshot"));
        Node driver = n.child("driver");
        if (driver != null) {
            b.driver(driver(driver));
        }
        Node source = n.child("source");
        if (source != null) {
            b.source(source(source));
        }
        b.target(DiskTarget.builder().dev(target.attr("dev")).bus(target.attr("bus")).tray(target.attr("tray"))
                .removable(target.attr("removable")).rotationRate(Num.uint(target, "rotation_rate"))
                .other(target.rest()).build());
        b.readOnly(n.flag("readonly")).shareable(n.flag("shareable"));
        XmlElement transientDisk = n.element().child("transient");
        if (transientDisk != null && transientDisk.attributes().isEmpty() && transientDisk.children().isEmpty()) {
            n.use(transientDisk);
            b.transientDisk(true);
        }
        Node geometry = onlyAttributes(n, "geometry", "cyls", "heads", "secs", "trans");
        if (geometry != null) {
            b.geometry(new DiskGeometry(Num.uint(geometry, "cyls"), Num.uint(geometry, "heads"),
                    Num.uint(geometry, "secs"), geometry.attr("trans")));
        }
        b.auth(auth(n)).encryption(encryption(n));
        b.serial(plainText(n, "serial")).wwn(plainText(n, "wwn")).vendor(plainText(n, "vendor"))
                .product(plainText(n, "product"));
        b.info(DeviceInfoCodec.parse(n));
        return b.other(n.rest()).build();
    }

    private static DiskDriver driver(Node d) throws VirtException {
        return DiskDriver.builder().name(d.attr("name")).type(d.attr("type")).cache(d.attr("cache"))
                .errorPolicy(d.attr("error_policy")).rerrorPolicy(d.attr("rerror_policy")).io(d.attr("io"))
                .ioeventfd(d.attr("ioeventfd")).eventIdx(d.attr("event_idx")).copyOnRead(d.attr("copy_on_read"))
                .discard(d.attr("discard")).iothread(Num.uint(d, "iothread")).detectZeroes(d.attr("detect_zeroes"))
                .discardNoUnref(d.attr("discard_no_unref")).queues(Num.uint(d, "queues"))
                .queueSize(Num.uint(d, "queue_size")).iommu(d.attr("iommu")).ats(d.attr("ats"))
                .packed(d.attr("packed")).pagePerVq(d.attr("page_per_vq")).iothreads(IothreadQueuesCodec.parse(d))
                .other(d.rest()).build();
    }

    private static DiskSource source(Node s) throws VirtException {
        DiskSourceBuilder b = DiskSource.builder().file(s.attr("file")).dev(s.attr("dev")).dir(s.attr("dir"))
                .protocol(s.attr("protocol")).name(s.attr("name")).query(s.attr("query")).tls(s.attr("tls"))
                .tlsHostname(s.attr("tlsHostname")).pool(s.attr("pool")).volume(s.attr("volume"))
                .mode(s.attr("mode")).startupPolicy(s.attr("startupPolicy")).index(Num.uint(s, "index"));
        Node readahead = onlyAttributes(s, "readahead", "size");
        if (readahead != null) {
            b.readahead(Num.ulong(readahead, "size", 10));
        }
        Node timeout = onlyAttributes(s, "timeout", "seconds");
        if (timeout != null) {
            b.timeout(Num.uint(timeout, "seconds"));
        }
        b.auth(auth(s)).encryption(encryption(s));
        List<SourceHost> hosts = hosts(s.element().children("host"));
        if (hosts != null) {
            s.children("host");
            b.hosts(hosts);
        }
        return b.other(s.rest()).build();
    }

    /** The hosts typed, or null (kept verbatim) when one of them has more than the model knows. */
    private static List<SourceHost> hosts(List<XmlElement> elements) {
        List<SourceHost> out = new ArrayList<>();
        for (XmlElement h : elements) {
            if (!h.children().isEmpty() || h.attributes().stream().anyMatch(
                    a -> !List.of("name", "port", "transport", "socket").contains(a.name()))) {
                return null;
            }
            String port = h.attribute("port");
            Long p = port == null ? null : Num.parse(port, 10);
            if (port != null && (p == null || p < 0 || p > 65535)) {
                return null;
            }
            out.add(new SourceHost(h.attribute("name"), p == null ? null : (int) (long) p, h.attribute("transport"),
                    h.attribute("socket")));
        }
        return out;
    }

    /** A child's text when it is a plain text element; otherwise it stays preserved. */
    private static String plainText(Node n, String name) {
        List<XmlElement> found = n.element().children(name);
        if (found.size() != 1 || !found.get(0).attributes().isEmpty() || !found.get(0).children().isEmpty()
                || found.get(0).text() == null) {
            return null;
        }
        n.use(found.get(0));
        return found.get(0).text();
    }

    private static String describe(XmlElement source) {
        if (source == null) {
            return "";
        }
        for (String a : new String[] {"file", "dev", "dir", "name"}) {
            if (source.attribute(a) != null) {
                return source.attribute(a);
            }
        }
        return "";
    }

    static XmlElement format(Disk d) {
        Out o = new Out("disk").attrOrder(DISK_ATTRS).attr("type", d.type()).attr("device", d.device())
                .attr("model", d.model()).attr("rawio", d.rawio()).attr("sgio", d.sgio())
                .attr("snapshot", d.snapshot());
        if (d.driver() != null) {
            o.child(driver(d.driver()));
        }
        if (d.source() != null) {
            o.child(source(d.source()));
        }
        if (d.target() != null) {
            DiskTarget t = d.target();
            o.child(new Out("target").attrOrder(TARGET_ATTRS).attr("dev", t.dev()).attr("bus", t.bus())
                    .attr("tray", t.tray()).attr("removable", t.removable()).attr("rotation_rate", t.rotationRate())
                    .preserved(t.other()));
        }
        o.child(format(d.auth())).child(format(d.encryption()));
        DiskGeometry g = d.geometry();
        if (g != null) {
            o.child(new Out("geometry").attr("cyls", g.cyls()).attr("heads", g.heads()).attr("secs", g.secs())
                    .attr("trans", g.trans()));
        }
        if (d.readOnly()) {
            o.child(XmlElement.of("readonly"));
        }
        if (d.shareable()) {
            o.child(XmlElement.of("shareable"));
        }
        if (d.transientDisk()) {
            o.child(XmlElement.of("transient"));
        }
        o.textChild("serial", d.serial()).textChild("wwn", d.wwn()).textChild("vendor", d.vendor())
                .textChild("product", d.product());
        o.children(DeviceInfoCodec.format(d.info()));
        return o.preserved(d.other()).build();
    }

    private static Out driver(DiskDriver v) {
        Out o = new Out("driver").attrOrder(DRIVER_ATTRS).attr("name", v.name()).attr("type", v.type())
                .attr("cache", v.cache()).attr("error_policy", v.errorPolicy()).attr("rerror_policy", v.rerrorPolicy())
                .attr("io", v.io()).attr("ioeventfd", v.ioeventfd()).attr("event_idx", v.eventIdx())
                .attr("copy_on_read", v.copyOnRead()).attr("discard", v.discard()).attr("iothread", v.iothread())
                .attr("detect_zeroes", v.detectZeroes()).attr("discard_no_unref", v.discardNoUnref())
                .attr("queues", v.queues()).attr("queue_size", v.queueSize()).attr("iommu", v.iommu())
                .attr("ats", v.ats()).attr("packed", v.packed()).attr("page_per_vq", v.pagePerVq());
        IothreadQueuesCodec.format(o, v.iothreads());
        return o.preserved(v.other());
    }

    private static Out source(DiskSource s) {
        Out o = new Out("source").attrOrder(SOURCE_ATTRS).childOrder(SOURCE_CHILDREN).attr("file", s.file()).attr("dev", s.dev())
                .attr("dir", s.dir()).attr("protocol", s.protocol()).attr("name", s.name()).attr("query", s.query())
                .attr("tls", s.tls()).attr("tlsHostname", s.tlsHostname()).attr("pool", s.pool())
                .attr("volume", s.volume()).attr("mode", s.mode()).attr("startupPolicy", s.startupPolicy())
                .attr("index", s.index());
        for (SourceHost h : s.hosts()) {
            o.child(new Out("host").attr("name", h.name()).attr("port", h.port()).attr("transport", h.transport())
                    .attr("socket", h.socket()));
        }
        o.preserved(s.other());
        o.child(format(s.auth())).child(format(s.encryption()));
        if (s.readahead() != null) {
            o.child(new Out("readahead").attr("size", s.readahead()));
        }
        if (s.timeout() != null) {
            o.child(new Out("timeout").attr("seconds", s.timeout()));
        }
        return o;
    }

    /** The child {@code name} when it has no children and only the given attributes, else null (kept untyped). */
    private static Node onlyAttributes(Node parent, String name, String... attrs) {
        XmlElement e = parent.element().child(name);
        if (e == null || !e.children().isEmpty() || e.text() != null && !e.text().isBlank()
                || !e.attributes().stream().allMatch(a -> List.of(attrs).contains(a.name()))) {
            return null;
        }
        return parent.child(name);
    }

    /** {@code <auth>} typed when it holds only what the model names, else null (kept verbatim). */
    private static DiskAuth auth(Node parent) throws VirtException {
        XmlElement e = parent.element().child("auth");
        if (e == null || !only(e, "username") || e.children().size() > 1 || !secretsOnly(e)) {
            return null;
        }
        Node a = parent.child("auth");
        List<DiskSecret> secrets = secrets(e);
        return DiskAuth.builder().username(a.attr("username")).secret(secrets.isEmpty() ? null : secrets.get(0))
                .build();
    }

    /** {@code <encryption>} typed when it holds only a format, an engine and secrets, else null. */
    private static DiskEncryption encryption(Node parent) {
        XmlElement e = parent.element().child("encryption");
        if (e == null || !only(e, "format", "engine") || !secretsOnly(e)) {
            return null;
        }
        Node enc = parent.child("encryption");
        return DiskEncryption.builder().format(enc.attr("format")).engine(enc.attr("engine")).secrets(secrets(e))
                .build();
    }

    private static boolean only(XmlElement e, String... attrs) {
        return e.attributes().stream().allMatch(a -> List.of(attrs).contains(a.name()));
    }

    private static boolean secretsOnly(XmlElement e) {
        return e.children().stream().allMatch(c -> c.name().equals("secret") && c.children().isEmpty()
                && only(c, "type", "uuid", "usage"));
    }

    private static List<DiskSecret> secrets(XmlElement e) {
        return e.children("secret").stream()
                .map(c -> new DiskSecret(c.attribute("type"), c.attribute("uuid"), c.attribute("usage"))).toList();
    }

    private static Out format(DiskAuth a) {
        if (a == null) {
            return null;
        }
        Out o = new Out("auth").attr("username", a.username());
        if (a.secret() != null) {
            o.child(secret(a.secret()));
        }
        return o.preserved(a.other());
    }

    private static Out format(DiskEncryption e) {
        if (e == null) {
            return null;
        }
        Out o = new Out("encryption").attr("format", e.format()).attr("engine", e.engine());
        e.secrets().forEach(s -> o.child(secret(s)));
        return o.preserved(e.other());
    }

    private static Out secret(DiskSecret s) {
        return new Out("secret").attr("type", s.type()).attr("uuid", s.uuid()).attr("usage", s.usage());
    }
}
