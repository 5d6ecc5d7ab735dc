package org.jvirt.xml.internal;

import java.util.random.RandomGenerator;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Disk;
import org.jvirt.api.xml.Filesystem;
import org.jvirt.api.xml.Hostdev;
import org.jvirt.api.xml.Input;
import org.jvirt.api.xml.MemBalloon;
import org.jvirt.api.xml.NetInterface;
import org.jvirt.api.xml.Rng;
import org.jvirt.api.xml.Video;
import org.jvirt.api.xml.Watchdog;
import org.jvirt.api.xml.XmlElement;

/** Parse and format of the devices whose model is a few attributes plus kept sub-elements. */
final class DeviceCodecs {
    private DeviceCodecs() {
    }

    private static XmlElement el(Node n) {
        return n == null ? null : n.element();
    }

    static Disk disk(Node n) throws VirtException {
        String type = n.attr("type");
        String device = n.attr("device");
        Node target = n.child("target");
        if (target == null || target.element().attribute("dev") == null) {
            throw new VirtException(ErrorCode.NO_TARGET, ErrorDomain.DOMAIN,
                    "device " + describe(n.element().child("source")));
        }
        return new Disk(type, device, el(n.child("driver")), el(n.child("source")), target.element(),
                n.flag("readonly"), n.flag("shareable"), n.rest());
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
        Out o = new Out("disk").attr("type", d.type()).attr("device", d.device());
        o.child(d.driver()).child(d.source()).child(d.target());
        if (d.readOnly()) {
            o.child(XmlElement.of("readonly"));
        }
        if (d.shareable()) {
            o.child(XmlElement.of("shareable"));
        }
        return o.preserved(d.other()).build();
    }

    static NetInterface netInterface(Node n, RandomGenerator random) throws VirtException {
        String type = n.requiredAttr("type");
        Node mac = n.child("mac");
        String address = null;
        String macType = null;
        String macCheck = null;
        if (mac != null) {
            address = mac.attr("address");
            macType = mac.attr("type");
            macCheck = mac.attr("check");
            mac.requireFullyRead();
        }
        if (address != null) {
            address = Mac.parse(address);
        }
        if (address == null || Mac.isZero(address)) {
            address = Mac.generate(random);
        }
        Node model = n.child("model");
        String modelType = model == null ? null : model.attr("type");
        if (model != null) {
            model.requireFullyRead();
        }
        return new NetInterface(type, address, macType, macCheck, el(n.child("source")), modelType, n.rest());
    }

    static XmlElement format(NetInterface i) {
        Out o = new Out("interface").attr("type", i.type());
        o.child(new Out("mac").attr("address", i.mac()).attr("type", i.macType()).attr("check", i.macCheck()));
        o.child(i.source());
        if (i.modelType() != null) {
            o.child(new Out("model").attr("type", i.modelType()));
        }
        return o.preserved(i.other()).build();
    }

    static Video video(Node n) {
        return new Video(el(n.child("model")), n.rest());
    }

    static XmlElement format(Video v) {
        return new Out("video").child(v.model()).preserved(v.other()).build();
    }

    static Input input(Node n) throws VirtException {
        return new Input(n.requiredAttr("type"), n.attr("bus"), n.rest());
    }

    static XmlElement format(Input i) {
        return new Out("input").attr("type", i.type()).attr("bus", i.bus()).preserved(i.other()).build();
    }

    static MemBalloon memBalloon(Node n) throws VirtException {
        return new MemBalloon(n.requiredAttr("model"), n.rest());
    }

    static XmlElement format(MemBalloon m) {
        return new Out("memballoon").attr("model", m.model()).preserved(m.other()).build();
    }

    static Rng rng(Node n) throws VirtException {
        String model = n.requiredAttr("model");
        Node backend = n.child("backend");
        if (backend == null) {
            throw XmlErrors.xml("missing RNG device backend");
        }
        XmlElement b = backend.element();
        if ("egd".equals(b.attribute("model"))) {
            b = CharSourceCodec.rewrite(b, false);
        }
        return new Rng(model, b, n.rest());
    }

    static XmlElement format(Rng r) {
        return new Out("rng").attr("model", r.model()).child(r.backend()).preserved(r.other()).build();
    }

    static Watchdog watchdog(Node n) {
        return new Watchdog(n.attr("model"), n.attr("action"), n.rest());
    }

    static XmlElement format(Watchdog w) {
        return new Out("watchdog").attr("model", w.model()).attr("action", w.action()).preserved(w.other()).build();
    }

    static Filesystem filesystem(Node n) {
        return new Filesystem(n.attr("type"), n.attr("accessmode"), el(n.child("source")), el(n.child("target")),
                n.rest());
    }

    static XmlElement format(Filesystem f) {
        return new Out("filesystem").attr("type", f.type()).attr("accessmode", f.accessMode()).child(f.source())
                .child(f.target()).preserved(f.other()).build();
    }

    static Hostdev hostdev(Node n) {
        return new Hostdev(n.attr("mode"), n.attr("type"), n.attr("managed"), el(n.child("source")), n.rest());
    }

    static XmlElement format(Hostdev h) {
        return new Out("hostdev").attr("mode", h.mode()).attr("type", h.type()).attr("managed", h.managed())
                .child(h.source()).preserved(h.other()).build();
    }
}
