package org.jvirt.xml.internal;

import java.util.random.RandomGenerator;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Filesystem;
import org.jvirt.api.xml.Hostdev;
import org.jvirt.api.xml.NetInterface;
import org.jvirt.api.xml.Watchdog;
import org.jvirt.api.xml.XmlElement;

/** Parse and format of the devices whose model is a few attributes plus kept sub-elements. */
final class DeviceCodecs {
    private DeviceCodecs() {
    }

    private static XmlElement el(Node n) {
        return n == null ? null : n.element();
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
        return NetInterface.builder().type(type).mac(address).macType(macType).macCheck(macCheck)
                .source(el(n.child("source"))).modelType(modelType).info(DeviceInfoCodec.parse(n)).other(n.rest())
                .build();
    }

    static XmlElement format(NetInterface i) {
        Out o = new Out("interface").attr("type", i.type());
        o.child(new Out("mac").attr("address", i.mac()).attr("type", i.macType()).attr("check", i.macCheck()));
        o.child(i.source());
        if (i.modelType() != null) {
            o.child(new Out("model").attr("type", i.modelType()));
        }
        return o.children(DeviceInfoCodec.format(i.info())).preserved(i.other()).build();
    }

    static Watchdog watchdog(Node n) throws VirtException {
        return Watchdog.builder().model(n.attr("model")).action(n.attr("action")).info(DeviceInfoCodec.parse(n))
                .other(n.rest()).build();
    }

    static XmlElement format(Watchdog w) {
        return new Out("watchdog").attr("model", w.model()).attr("action", w.action()).children(DeviceInfoCodec.format(w.info())).preserved(w.other()).build();
    }

    static Filesystem filesystem(Node n) throws VirtException {
        return Filesystem.builder().type(n.attr("type")).accessMode(n.attr("accessmode"))
                .source(el(n.child("source"))).target(el(n.child("target"))).info(DeviceInfoCodec.parse(n))
                .other(n.rest()).build();
    }

    static XmlElement format(Filesystem f) {
        return new Out("filesystem").attr("type", f.type()).attr("accessmode", f.accessMode()).child(f.source())
                .child(f.target()).children(DeviceInfoCodec.format(f.info())).preserved(f.other()).build();
    }

    static Hostdev hostdev(Node n) throws VirtException {
        return Hostdev.builder().mode(n.attr("mode")).type(n.attr("type")).managed(n.attr("managed"))
                .source(el(n.child("source"))).info(DeviceInfoCodec.parse(n)).other(n.rest()).build();
    }

    static XmlElement format(Hostdev h) {
        return new Out("hostdev").attr("mode", h.mode()).attr("type", h.type()).attr("managed", h.managed())
                .child(h.source()).children(DeviceInfoCodec.format(h.info())).preserved(h.other()).build();
    }
}
