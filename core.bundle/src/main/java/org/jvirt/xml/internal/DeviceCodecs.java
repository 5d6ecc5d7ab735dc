package org.jvirt.xml.internal;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Input;
import org.jvirt.api.xml.MemBalloon;
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

    static Video video(Node n) throws VirtException {
        return Video.builder().model(el(n.child("model"))).info(DeviceInfoCodec.parse(n)).other(n.rest()).build();
    }

    static XmlElement format(Video v) {
        return new Out("video").child(v.model()).children(DeviceInfoCodec.format(v.info())).preserved(v.other()).build();
    }

    static Input input(Node n) throws VirtException {
        return Input.builder().type(n.requiredAttr("type")).bus(n.attr("bus")).info(DeviceInfoCodec.parse(n))
                .other(n.rest()).build();
    }

    static XmlElement format(Input i) {
        return new Out("input").attr("type", i.type()).attr("bus", i.bus()).children(DeviceInfoCodec.format(i.info())).preserved(i.other()).build();
    }

    static MemBalloon memBalloon(Node n) throws VirtException {
        return MemBalloon.builder().model(n.requiredAttr("model")).info(DeviceInfoCodec.parse(n)).other(n.rest())
                .build();
    }

    static XmlElement format(MemBalloon m) {
        return new Out("memballoon").attr("model", m.model()).children(DeviceInfoCodec.format(m.info())).preserved(m.other()).build();
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
        return Rng.builder().model(model).backend(b).info(DeviceInfoCodec.parse(n)).other(n.rest()).build();
    }

    static XmlElement format(Rng r) {
        return new Out("rng").attr("model", r.model()).child(r.backend()).children(DeviceInfoCodec.format(r.info())).preserved(r.other()).build();
    }

    static Watchdog watchdog(Node n) throws VirtException {
        return Watchdog.builder().model(n.attr("model")).action(n.attr("action")).info(DeviceInfoCodec.parse(n))
                .other(n.rest()).build();
    }

    static XmlElement format(Watchdog w) {
        return new Out("watchdog").attr("model", w.model()).attr("action", w.action()).children(DeviceInfoCodec.format(w.info())).preserved(w.other()).build();
    }
}
