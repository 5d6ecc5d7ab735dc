package org.jvirt.xml.internal;

import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.CharSource;
import org.jvirt.api.xml.RedirFilter;
import org.jvirt.api.xml.Redirdev;
import org.jvirt.api.xml.Smartcard;
import org.jvirt.api.xml.SmartcardBuilder;
import org.jvirt.api.xml.XmlElement;

/**
 * The devices with a character device backend of their own: {@code <smartcard>} and
 * {@code <redirdev>} (virDomainSmartcardDefParseXML, virDomainRedirdevDefParseXML), and the
 * {@code <redirfilter>} that goes with USB redirection.
 */
final class ChardevDeviceCodecs {
    private static final String[] USBDEV_ATTRS = {"class", "vendor", "product", "version", "allow"};

    private ChardevDeviceCodecs() {
    }

    static Smartcard smartcard(Node n) throws VirtException {
        String mode = n.attr("mode");
        String type = n.attr("type");
        SmartcardBuilder b = Smartcard.builder().mode(mode).type(type).source(source(n, type));
        if ("host-certificates".equals(mode)) {
            List<Node> certs = plainTextChildren(n, "certificate");
            if (certs != null) {
                List<String> files = new ArrayList<>();
                for (Node c : certs) {
                    n.use(c.element());
                    files.add(c.text());
                }
                b.certificates(files);
            }
            List<Node> db = plainTextChildren(n, "database");
            if (db != null && db.size() == 1) {
                n.use(db.get(0).element());
                b.database(db.get(0).text());
            }
        }
        return b.info(DeviceInfoCodec.parse(n)).other(n.rest()).build();
    }

    static XmlElement format(Smartcard s) {
        Out o = new Out("smartcard").attr("mode", s.mode()).attr("type", s.type());
        // the source is formatted as it was normalised when these devices were kept generic
        // (virDomainChrSourceDefFormat without the inactive flag)
        if (s.source() != null) {
            o.children(CharSourceCodec.format(s.type(), s.source(), false));
        }
        s.certificates().forEach(c -> o.textChild("certificate", c));
        o.textChild("database", s.database());
        return o.preserved(s.other()).children(DeviceInfoCodec.format(s.info())).build();
    }

    static Redirdev redirdev(Node n) throws VirtException {
        String type = n.attr("type");
        return Redirdev.builder().bus(n.attr("bus")).type(type).source(source(n, type))
                .info(DeviceInfoCodec.parse(n)).other(n.rest()).build();
    }

    static XmlElement format(Redirdev r) {
        Out o = new Out("redirdev").attr("bus", r.bus()).attr("type", r.type());
        if (r.source() != null) {
            o.children(CharSourceCodec.format(r.type(), r.source(), false));
        }
        return o.preserved(r.other()).children(DeviceInfoCodec.format(r.info())).build();
    }

    static RedirFilter redirFilter(Node n) throws VirtException {
        List<RedirFilter.UsbDev> rules = new ArrayList<>();
        List<XmlElement> usbdevs = n.element().children("usbdev");
        // typed only when every rule is plain; otherwise all stay as written, in their order
        if (usbdevs.stream().allMatch(ChardevDeviceCodecs::plainUsbdev)) {
            for (XmlElement e : usbdevs) {
                n.use(e);
                rules.add(new RedirFilter.UsbDev(e.attribute("class"), e.attribute("vendor"), e.attribute("product"),
                        e.attribute("version"), e.attribute("allow")));
            }
        }
        return RedirFilter.builder().usbdevs(rules).info(DeviceInfoCodec.parse(n)).other(n.rest()).build();
    }

    static XmlElement format(RedirFilter f) {
        Out o = new Out("redirfilter");
        for (RedirFilter.UsbDev u : f.usbdevs()) {
            o.child(new Out("usbdev").attr("class", u.usbClass()).attr("vendor", u.vendor())
                    .attr("product", u.product()).attr("version", u.version()).attr("allow", u.allow()));
        }
        return o.preserved(f.other()).children(DeviceInfoCodec.format(f.info())).build();
    }

    private static boolean plainUsbdev(XmlElement e) {
        return e.children().isEmpty() && e.attributes().stream().allMatch(a -> List.of(USBDEV_ATTRS).contains(a.name()));
    }

    private static CharSource source(Node n, String type) throws VirtException {
        if (!CharSourceCodec.models(type)) {
            return null;
        }
        CharSource src = CharSourceCodec.parse(n, type, false);
        // libvirt reads <protocol> only for tcp and drops it elsewhere
        n.children("protocol");
        return src;
    }

    /** The children {@code name} when each holds only text (not yet marked used), else null. */
    private static List<Node> plainTextChildren(Node n, String name) {
        List<Node> out = new ArrayList<>();
        for (XmlElement e : n.element().children(name)) {
            if (!e.attributes().isEmpty() || e.children().stream().anyMatch(c -> !c.name().equals(XmlElement.TEXT))) {
                return null;
            }
            out.add(new Node(e));
        }
        return out;
    }
}
