package org.jvirt.api.spi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jvirt.api.NetworkPort;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.xml.NetBandwidth;
import org.jvirt.api.xml.NetInterface;
import org.jvirt.api.xml.Preserved;
import org.jvirt.api.xml.XmlElement;

/**
 * What a hypervisor driver asks of a virtual network for a guest's {@code <interface type='network'>}
 * (libvirt's virDomainNetDefToNetworkPort), and how it reads back what the network granted
 * (virDomainNetDefActualFromNetworkPort). Shared by every driver that plugs guests into networks, so
 * that they ask and read alike; the network decides the rest (the plug, the port group's QoS and VLAN).
 *
 * @param ownerName the guest's name
 * @param ownerUuid the guest's UUID
 * @param mac       the interface's MAC address
 * @param portgroup the {@code <source portgroup>}, or null for the network's default group
 * @param bandwidth the interface's own {@code <bandwidth>}, or null to take the port group's
 */
public record NetworkPortRequest(String ownerName, UUID ownerUuid, String mac, String portgroup,
                                 NetBandwidth bandwidth) {

    /** The port XML for {@link NetworkDriverConnection#createPort}, with the new port's UUID. */
    public String xml(UUID port) {
        String group = portgroup == null ? "" : "<group>" + escape(portgroup) + "</group>";
        return "<networkport><uuid>" + port + "</uuid><owner><name>" + escape(ownerName) + "</name><uuid>"
                + ownerUuid + "</uuid></owner>" + group + "<mac address='" + escape(mac) + "'/>"
                + bandwidthXml(bandwidth) + "</networkport>";
    }

    /** The elements of an interface a port's definition decides when it has them (libvirt's actual net def). */
    private static final List<String> ACTUAL = List.of("vlan", "virtualport", "port");

    /**
     * The bandwidth the network gave a port, from {@link NetworkDriverConnection#portParameters}: the
     * interface's own, or its port group's when it had none. Null when the port has none. As in libvirt,
     * 0 means "not given", and a direction is there only with an average (inbound: or a floor).
     */
    public static NetBandwidth grantedBandwidth(List<TypedParameter> portParameters) {
        Map<String, Long> v = new HashMap<>();
        for (TypedParameter p : portParameters) {
            if (p.value() instanceof Long l) {
                v.put(p.field(), l);
            }
        }
        NetBandwidth.Rate in = rate(v, NetworkPort.BANDWIDTH_IN_AVERAGE, NetworkPort.BANDWIDTH_IN_PEAK,
                NetworkPort.BANDWIDTH_IN_BURST, NetworkPort.BANDWIDTH_IN_FLOOR);
        NetBandwidth.Rate out = rate(v, NetworkPort.BANDWIDTH_OUT_AVERAGE, NetworkPort.BANDWIDTH_OUT_PEAK,
                NetworkPort.BANDWIDTH_OUT_BURST, null);
        return in == null && out == null ? null : new NetBandwidth(in, out);
    }

    /**
     * An interface whose port is on a macvtap pool ({@code <plug type='direct'>} in {@code portXml}),
     * as libvirt's live XML shows it: {@code type='direct'} with the network, the port, the pool device
     * and the mode, the bandwidth {@code granted}, and the port's VLAN, virtual port and isolation
     * where the port has them (its network's or group's), else the interface's own (which libvirt
     * would have put into the port). @since 2.2
     */
    public static NetInterface directInterface(NetInterface n, UUID port, XmlElement plug, XmlElement portXml,
                                               NetBandwidth granted) {
        List<XmlElement> other = new ArrayList<>();
        for (XmlElement e : n.other().children()) {
            if (!ACTUAL.contains(e.name()) || portXml.child(e.name()) == null) {
                other.add(e);
            }
        }
        for (String actual : ACTUAL) {
            if (portXml.child(actual) != null) {
                other.add(portXml.child(actual));
            }
        }
        return n.toBuilder().type("direct")
                .source(n.source().toBuilder().portid(port.toString()).dev(plug.attribute("dev"))
                        .mode(plug.attribute("mode")).build())
                .bandwidth(granted).other(new Preserved(n.other().attributes(), other)).build();
    }

    private static NetBandwidth.Rate rate(Map<String, Long> v, String average, String peak, String burst,
                                          String floor) {
        long a = v.getOrDefault(average, 0L);
        long f = floor == null ? 0 : v.getOrDefault(floor, 0L);
        if (a == 0 && f == 0) {
            return null;
        }
        return new NetBandwidth.Rate(a, v.getOrDefault(peak, 0L), v.getOrDefault(burst, 0L), f);
    }

    private static String bandwidthXml(NetBandwidth bw) {
        if (bw == null) {
            return "";
        }
        return "<bandwidth>" + rateXml("inbound", bw.inbound()) + rateXml("outbound", bw.outbound()) + "</bandwidth>";
    }

    private static String rateXml(String name, NetBandwidth.Rate r) {
        if (r == null || (r.average() == 0 && r.floor() == 0)) {
            return "";
        }
        return "<" + name + rateAttr("average", r.average()) + rateAttr("peak", r.peak())
                + rateAttr("floor", r.floor()) + rateAttr("burst", r.burst()) + "/>";
    }

    private static String rateAttr(String name, long value) {
        return value == 0 ? "" : " " + name + "='" + Long.toUnsignedString(value) + "'";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&apos;");
    }
}
