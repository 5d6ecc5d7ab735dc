package org.jvirt.xml.internal;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Crypto;
import org.jvirt.api.xml.CryptoBuilder;
import org.jvirt.api.xml.Input;
import org.jvirt.api.xml.InputBuilder;
import org.jvirt.api.xml.InputSource;
import org.jvirt.api.xml.MemBalloon;
import org.jvirt.api.xml.MemBalloonBuilder;
import org.jvirt.api.xml.Rng;
import org.jvirt.api.xml.RngBackend;
import org.jvirt.api.xml.RngBackendBuilder;
import org.jvirt.api.xml.RngBuilder;
import org.jvirt.api.xml.Vsock;
import org.jvirt.api.xml.VsockBuilder;
import org.jvirt.api.xml.XmlElement;

/**
 * The devices that are virtio devices with a few options of their own: {@code <input>},
 * {@code <memballoon>}, {@code <rng>}, {@code <vsock>} and {@code <crypto>}, each with its
 * virtio {@code <driver>}.
 */
final class VirtioDeviceCodecs {
    private static final String[] INPUT_SOURCE_ATTRS = {"evdev", "dev", "grab", "grabToggle", "repeat"};

    private VirtioDeviceCodecs() {
    }

    static Input input(Node n) throws VirtException {
        InputBuilder b = Input.builder().type(n.requiredAttr("type")).bus(n.attr("bus")).model(n.attr("model"))
                .driver(VirtioDriverCodec.parse(n));
        Node s = n.child("source");
        if (s != null) {
            b.source(InputSource.builder().evdev(s.attr("evdev")).dev(s.attr("dev")).grab(s.attr("grab"))
                    .grabToggle(s.attr("grabToggle")).repeat(s.attr("repeat")).other(s.rest()).build());
        }
        return b.info(DeviceInfoCodec.parse(n)).other(n.rest()).build();
    }

    static XmlElement format(Input i) {
        Out o = new Out("input").attrOrder("type", "bus", "model").attr("type", i.type()).attr("bus", i.bus())
                .attr("model", i.model()).child(VirtioDriverCodec.format(i.driver()));
        InputSource s = i.source();
        if (s != null) {
            o.child(new Out("source").attrOrder(INPUT_SOURCE_ATTRS).attr("evdev", s.evdev()).attr("dev", s.dev())
                    .attr("grab", s.grab()).attr("grabToggle", s.grabToggle()).attr("repeat", s.repeat())
                    .preserved(s.other()));
        }
        return o.children(DeviceInfoCodec.format(i.info())).preserved(i.other()).build();
    }

    static MemBalloon memBalloon(Node n) throws VirtException {
        MemBalloonBuilder b = MemBalloon.builder().model(n.requiredAttr("model")).autodeflate(n.attr("autodeflate"))
                .freePageReporting(n.attr("freePageReporting"));
        Node stats = n.child("stats");
        if (stats != null) {
            b.statsPeriod(Num.sint(stats, "period"));
            stats.requireFullyRead();
        }
        return b.driver(VirtioDriverCodec.parse(n)).info(DeviceInfoCodec.parse(n)).other(n.rest()).build();
    }

    static XmlElement format(MemBalloon m) {
        Out o = new Out("memballoon").attrOrder("model", "autodeflate", "freePageReporting").attr("model", m.model())
                .attr("autodeflate", m.autodeflate()).attr("freePageReporting", m.freePageReporting());
        if (m.statsPeriod() != null) {
            o.child(new Out("stats").attr("period", m.statsPeriod()));
        }
        return o.child(VirtioDriverCodec.format(m.driver())).children(DeviceInfoCodec.format(m.info()))
                .preserved(m.other()).build();
    }

    static Rng rng(Node n) throws VirtException {
        RngBuilder b = Rng.builder().model(n.requiredAttr("model"));
        Node rate = n.child("rate");
        if (rate != null) {
            b.rateBytes(Num.uint(rate, "bytes")).ratePeriod(Num.uint(rate, "period"));
            rate.requireFullyRead();
        }
        Node backend = n.child("backend");
        if (backend == null) {
            throw XmlErrors.xml("missing RNG device backend");
        }
        b.backend(backend(backend));
        return b.driver(VirtioDriverCodec.parse(n)).info(DeviceInfoCodec.parse(n)).other(n.rest()).build();
    }

    private static RngBackend backend(Node n) throws VirtException {
        RngBackendBuilder b = RngBackend.builder().model(n.attr("model"));
        if ("random".equals(n.element().attribute("model")) && n.element().children().isEmpty()) {
            b.randomPath(n.text());
        } else if ("egd".equals(n.element().attribute("model"))) {
            String type = n.attr("type");
            b.type(type);
            if (CharSourceCodec.models(type)) {
                b.source(CharSourceCodec.parse(n, type, false));
                // libvirt reads <protocol> only for tcp and drops it elsewhere
                n.children("protocol");
            }
        }
        return b.other(n.rest()).build();
    }

    static XmlElement format(Rng r) {
        Out o = new Out("rng").attr("model", r.model());
        if (r.rateBytes() != null || r.ratePeriod() != null) {
            o.child(new Out("rate").attr("bytes", r.rateBytes()).attr("period", r.ratePeriod()));
        }
        RngBackend be = r.backend();
        if (be != null) {
            Out bo = new Out("backend").attrOrder("model", "type").attr("model", be.model()).attr("type", be.type())
                    .text(be.randomPath());
            if (be.source() != null) {
                bo.children(CharSourceCodec.format(be.type(), be.source(), false));
            }
            o.child(bo.preserved(be.other()));
        }
        return o.child(VirtioDriverCodec.format(r.driver())).children(DeviceInfoCodec.format(r.info()))
                .preserved(r.other()).build();
    }

    static Vsock vsock(Node n) throws VirtException {
        VsockBuilder b = Vsock.builder().model(n.attr("model"));
        Node cid = n.child("cid");
        if (cid != null) {
            b.cidAuto(cid.attr("auto")).cidAddress(Num.uint(cid, "address"));
            cid.requireFullyRead();
        }
        return b.driver(VirtioDriverCodec.parse(n)).info(DeviceInfoCodec.parse(n)).other(n.rest()).build();
    }

    static XmlElement format(Vsock v) {
        Out o = new Out("vsock").attr("model", v.model());
        if (v.cidAuto() != null || v.cidAddress() != null) {
            o.child(new Out("cid").attr("auto", v.cidAuto()).attr("address", v.cidAddress()));
        }
        return o.children(DeviceInfoCodec.format(v.info())).child(VirtioDriverCodec.format(v.driver()))
                .preserved(v.other()).build();
    }

    static Crypto crypto(Node n) throws VirtException {
        CryptoBuilder b = Crypto.builder().model(n.attr("model")).type(n.attr("type"));
        Node be = n.child("backend");
        if (be != null) {
            b.backendModel(be.attr("model")).backendQueues(Num.uint(be, "queues"));
            be.requireFullyRead();
        }
        return b.info(DeviceInfoCodec.parse(n)).other(n.rest()).build();
    }

    static XmlElement format(Crypto c) {
        Out o = new Out("crypto").attr("model", c.model()).attr("type", c.type());
        if (c.backendModel() != null || c.backendQueues() != null) {
            o.child(new Out("backend").attr("model", c.backendModel()).attr("queues", c.backendQueues()));
        }
        return o.children(DeviceInfoCodec.format(c.info())).preserved(c.other()).build();
    }
}
