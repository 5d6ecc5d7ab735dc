package org.jvirt.xml.internal;

import java.util.List;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.NetBandwidth;
import org.jvirt.api.xml.XmlElement;

/**
 * An interface's {@code <bandwidth>} as libvirt 9.0's netdev_bandwidth_conf.c parses and formats it
 * (virNetDevBandwidthParse with no class id, virNetDevBandwidthFormat). The errors, their order and
 * the number syntax were checked against libvirt 9.0's own parser ({@code virsh define} on the test
 * driver). Unknown children are ignored, as libvirt ignores them.
 */
final class NetBandwidthCodec {
    private NetBandwidthCodec() {
    }

    /** The bandwidth of {@code <bandwidth>}, null when it has neither direction. */
    static NetBandwidth parse(Node bw, boolean allowFloor) throws VirtException {
        if (bw.attr("classID") != null) {
            throw XmlErrors.detail("classID attribute not supported on <bandwidth> in this usage context");
        }
        List<XmlElement> in = bw.element().children("inbound");
        List<XmlElement> out = bw.element().children("outbound");
        if (in.size() > 1) {
            throw XmlErrors.detail("Only one child <inbound> element allowed");
        }
        if (out.size() > 1) {
            throw XmlErrors.detail("Only one child <outbound> element allowed");
        }
        NetBandwidth.Rate inbound = in.isEmpty() ? null : rate(new Node(in.get(0)));
        if (inbound != null && inbound.floor() != 0 && !allowFloor) {
            throw XmlErrors.unsupported("floor attribute is not supported for this config");
        }
        NetBandwidth.Rate outbound = out.isEmpty() ? null : rate(new Node(out.get(0)));
        if (outbound != null && outbound.floor() != 0) {
            throw XmlErrors.unsupported("'floor' attribute allowed only in <inbound> element");
        }
        return inbound == null && outbound == null ? null : new NetBandwidth(inbound, outbound);
    }

    /** virNetDevBandwidthParseRate: average or floor is required; peak and burst need the average. */
    private static NetBandwidth.Rate rate(Node r) throws VirtException {
        String average = r.attr("average");
        String floor = r.attr("floor");
        long avg = 0;
        if (average != null) {
            avg = number(average, "average");
        } else if (floor == null) {
            throw XmlErrors.detail("Missing mandatory average or floor attributes");
        }
        String peak = r.attr("peak");
        String burst = r.attr("burst");
        if ((peak != null || burst != null) && average == null) {
            throw XmlErrors.unsupported("'peak' and 'burst' require 'average' attribute");
        }
        return new NetBandwidth.Rate(avg, peak == null ? 0 : number(peak, "peak"),
                burst == null ? 0 : number(burst, "burst"), floor == null ? 0 : number(floor, "floor"));
    }

    /**
     * virStrToLong_ullp in base 10: leading white space and a plus sign are allowed, a minus sign,
     * anything after the digits and overflow are not. The value is an unsigned 64-bit number.
     */
    private static long number(String text, String what) throws VirtException {
        String s = text.stripLeading();
        if (s.startsWith("+")) {
            s = s.substring(1);
        }
        if (!s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            try {
                return Long.parseUnsignedLong(s);
            } catch (NumberFormatException e) {
                // overflow, reported below
            }
        }
        throw XmlErrors.unsupported("could not convert bandwidth " + what + " value '" + text + "'");
    }

    /** virNetDevBandwidthFormat: a direction is written when its average or floor is set. */
    static XmlElement format(NetBandwidth bw) {
        if (bw == null) {
            return null;
        }
        return new Out("bandwidth").child(rate("inbound", bw.inbound())).child(rate("outbound", bw.outbound()))
                .build();
    }

    private static Out rate(String name, NetBandwidth.Rate r) {
        if (r == null || (r.average() == 0 && r.floor() == 0)) {
            return null;
        }
        return new Out(name).attr("average", unsigned(r.average())).attr("peak", unsigned(r.peak()))
                .attr("floor", unsigned(r.floor())).attr("burst", unsigned(r.burst()));
    }

    private static String unsigned(long v) {
        return v == 0 ? null : Long.toUnsignedString(v);
    }
}
