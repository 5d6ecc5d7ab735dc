package org.jvirt.network.internal.conf;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.XmlElement;
import org.jvirt.network.internal.conf.NetworkPortDef.Bandwidth;
import org.jvirt.network.internal.conf.NetworkPortDef.Rate;

/**
 * {@code <bandwidth>} as libvirt's netdev_bandwidth_conf.c parses and formats it. A port's may have an
 * inbound {@code floor}; a network's and a port group's may not (virNetDevBandwidthParse's allowFloor).
 */
public final class BandwidthXml {
    private BandwidthXml() {
    }

    /** The typed bandwidth of a port's {@code <bandwidth>} element (floor allowed); null for null. */
    public static Bandwidth parse(XmlElement node) throws VirtException {
        return parse(node, true);
    }

    /** The typed bandwidth of a {@code <bandwidth>} element; null for null. */
    public static Bandwidth parse(XmlElement node, boolean allowFloor) throws VirtException {
        if (node == null) {
            return null;
        }
        long classId = 0;
        String cls = node.attribute("classID");
        if (cls != null) {
            classId = number(cls, "Unable to parse class id '" + cls + "'");
        }
        if (node.children("inbound").size() > 1) {
            throw ConfErrors.xml("Only one child <inbound> element allowed");
        }
        if (node.children("outbound").size() > 1) {
            throw ConfErrors.xml("Only one child <outbound> element allowed");
        }
        XmlElement in = node.child("inbound");
        XmlElement out = node.child("outbound");
        Bandwidth bw = new Bandwidth(classId, in == null ? null : rate(in, true), out == null ? null : rate(out, false));
        if (!allowFloor && bw.inbound() != null && bw.inbound().floor() != 0) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.NETWORK,
                    "floor attribute is not supported for this config");
        }
        return bw;
    }

    private static Rate rate(XmlElement e, boolean inbound) throws VirtException {
        long average = attr(e, "average");
        long peak = attr(e, "peak");
        long burst = attr(e, "burst");
        long floor = attr(e, "floor");
        if (!inbound && e.attribute("floor") != null) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.NETWORK,
                    "floor attribute is supported only for inbound");
        }
        if (e.attribute("average") == null && e.attribute("floor") == null) {
            throw ConfErrors.xml("Missing mandatory average or floor attributes");
        }
        if ((e.attribute("peak") != null || e.attribute("burst") != null) && e.attribute("average") == null) {
            throw ConfErrors.xml("'peak' and 'burst' require 'average' attribute");
        }
        return new Rate(average, peak, floor, burst);
    }

    private static long attr(XmlElement e, String name) throws VirtException {
        String v = e.attribute(name);
        if (v == null) {
            return 0;
        }
        return number(v, "could not convert bandwidth " + name + " value '" + v + "'");
    }

    private static long number(String v, String message) throws VirtException {
        try {
            long n = Long.parseLong(v.strip());
            if (n >= 0 && n <= 0xFFFF_FFFFL) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.NETWORK, message);
    }

    static void format(XmlOut out, Bandwidth bw) {
        if (bw == null || (bw.inbound() == null && bw.outbound() == null)) {
            return;
        }
        out.line("<bandwidth" + (bw.classId() != 0 ? " classID='" + bw.classId() + "'" : "") + ">");
        out.in();
        rate(out, "inbound", bw.inbound());
        rate(out, "outbound", bw.outbound());
        out.out();
        out.line("</bandwidth>");
    }

    private static void rate(XmlOut out, String name, Rate r) {
        if (r == null) {
            return;
        }
        out.line("<" + name + nonZero("average", r.average()) + nonZero("peak", r.peak())
                + nonZero("floor", r.floor()) + nonZero("burst", r.burst()) + "/>");
    }

    private static String nonZero(String name, long value) {
        return value == 0 ? "" : " " + name + "='" + value + "'";
    }
}
