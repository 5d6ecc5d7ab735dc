package org.jvirt.xml.internal;

import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.BlkioTune;

/** {@code <blkiotune>} (virDomainDefTunablesParse, virDomainBlkioDeviceParseXML, virDomainDefBlkiotuneFormat). */
final class BlkioTuneCodec {
    private BlkioTuneCodec() {
    }

    static BlkioTune parse(Node n) throws VirtException {
        if (n == null) {
            return null;
        }
        Node w = n.child("weight");
        Integer weight = null;
        if (w != null) {
            // virXPathUInt failing leaves the weight unset, as in libvirt
            Long v = w.text() == null ? null : Num.parse(w.text().trim(), 10);
            weight = v == null || v <= 0 || v > 0xFFFF_FFFFL ? null : (int) (long) v;
            w.requireFullyRead();
        }
        List<BlkioTune.Device> devices = new ArrayList<>();
        for (Node d : n.children("device")) {
            BlkioTune.Device dev = device(d);
            for (BlkioTune.Device seen : devices) {
                if (seen.path().equals(dev.path())) {
                    throw XmlErrors.xml("duplicate blkio device path '" + dev.path() + "'");
                }
            }
            devices.add(dev);
        }
        return BlkioTune.builder().weight(weight).devices(devices).other(n.rest()).build();
    }

    private static BlkioTune.Device device(Node d) throws VirtException {
        String path = d.childText("path");
        if (path == null) {
            throw XmlErrors.internal("missing per-device path");
        }
        Long weight = number(d, "weight", "weight", 0xFFFF_FFFFL);
        Long rbps = number(d, "read_bytes_sec", "read bytes sec", Long.MAX_VALUE);
        Long wbps = number(d, "write_bytes_sec", "write bytes sec", Long.MAX_VALUE);
        Long riops = number(d, "read_iops_sec", "read iops sec", 0xFFFF_FFFFL);
        Long wiops = number(d, "write_iops_sec", "write iops sec", 0xFFFF_FFFFL);
        d.requireFullyRead();
        return new BlkioTune.Device(path.trim(), toInt(weight), rbps, wbps, toInt(riops), toInt(wiops));
    }

    /** An unsigned number child; 0 means unset in libvirt and reads as null. */
    private static Long number(Node d, String child, String what, long max) throws VirtException {
        String text = d.childText(child);
        if (text == null) {
            return null;
        }
        Long v = Num.parse(text.trim(), 10);
        if (v == null || v < 0 || v > max) {
            throw XmlErrors.internal("could not parse " + what + " " + text);
        }
        return v == 0 ? null : v;
    }

    private static Integer toInt(Long v) {
        return v == null ? null : (int) (long) v;
    }

    static Out format(BlkioTune t) {
        if (t == null) {
            return null;
        }
        Out o = new Out("blkiotune").textChild("weight", t.weight() == null ? null : Integer.toUnsignedString(t.weight()));
        for (BlkioTune.Device d : t.devices()) {
            if (d.weight() == null && d.readBytesSec() == null && d.writeBytesSec() == null && d.readIopsSec() == null
                    && d.writeIopsSec() == null) {
                continue;
            }
            o.child(new Out("device").textChild("path", d.path())
                    .textChild("weight", d.weight() == null ? null : Integer.toUnsignedString(d.weight()))
                    .textChild("read_iops_sec", d.readIopsSec() == null ? null : Integer.toUnsignedString(d.readIopsSec()))
                    .textChild("write_iops_sec",
                            d.writeIopsSec() == null ? null : Integer.toUnsignedString(d.writeIopsSec()))
                    .textChild("read_bytes_sec", d.readBytesSec()).textChild("write_bytes_sec", d.writeBytesSec()));
        }
        o.preserved(t.other());
        return o.build().children().isEmpty() ? null : o;
    }
}
