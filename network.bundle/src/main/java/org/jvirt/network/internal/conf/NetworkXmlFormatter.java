package org.jvirt.network.internal.conf;

import java.util.Map;

import org.jvirt.api.xml.XmlElement;
import org.jvirt.network.internal.conf.NetworkDef.Bridge;
import org.jvirt.network.internal.conf.NetworkDef.DhcpHost;
import org.jvirt.network.internal.conf.NetworkDef.Dns;
import org.jvirt.network.internal.conf.NetworkDef.Forward;
import org.jvirt.network.internal.conf.NetworkDef.Forwarder;
import org.jvirt.network.internal.conf.NetworkDef.Host;
import org.jvirt.network.internal.conf.NetworkDef.IpDef;
import org.jvirt.network.internal.conf.NetworkDef.Lease;
import org.jvirt.network.internal.conf.NetworkDef.Mode;
import org.jvirt.network.internal.conf.NetworkDef.Nat;
import org.jvirt.network.internal.conf.NetworkDef.Range;
import org.jvirt.network.internal.conf.NetworkDef.Srv;
import org.jvirt.network.internal.conf.NetworkDef.Txt;

/** {@link NetworkDef} to XML as libvirt 9.0's virNetworkDefFormatBuf, in its order and layout. */
public final class NetworkXmlFormatter {
    /** libvirt's VIR_NETWORK_XML_INACTIVE. */
    public static final int INACTIVE = 1;

    private NetworkXmlFormatter() {
    }

    public static String format(NetworkDef def, int flags) {
        return format(def, flags, Map.of());
    }

    /**
     * @param devConnections the ports on each forward interface of a running network, shown as their
     *                       {@code connections} in the live XML
     */
    public static String format(NetworkDef def, int flags, Map<String, Integer> devConnections) {
        XmlOut o = new XmlOut();
        boolean inactive = (flags & INACTIVE) != 0;
        StringBuilder open = new StringBuilder("<network");
        if (def.dnsmasqPrefix() != null && !def.dnsmasqOptions().isEmpty()) {
            open.append(" xmlns:dnsmasq='").append(NetworkXmlParser.DNSMASQ_NS).append('\'');
        }
        if (!inactive && def.connections() > 0) {
            open.append(" connections='").append(def.connections()).append('\'');
        }
        if (def.ipv6nogw()) {
            open.append(" ipv6='yes'");
        }
        open.append(XmlOut.attr("trustGuestRxFilters", def.trustGuestRxFilters()));
        o.line(open.append('>').toString());
        o.in();
        o.line("<name>" + XmlOut.esc(def.name()) + "</name>");
        o.line("<uuid>" + def.uuid() + "</uuid>");
        o.verbatimAsSaved(def.metadata());
        forward(o, def.forward(), inactive, devConnections);
        boolean hasBridge = def.forward().mode().hasOwnBridge();
        Bridge b = def.bridge();
        if (hasBridge || (b != null && (b.name() != null || b.macTableManager() != null))) {
            StringBuilder br = new StringBuilder("<bridge");
            if (b != null) {
                br.append(XmlOut.attr("name", b.name())).append(XmlOut.attr("zone", b.zone()));
            }
            if (hasBridge) {
                br.append(" stp='").append(b == null || b.stp() ? "on" : "off").append("' delay='")
                        .append(b == null ? 0 : b.delay()).append('\'');
            }
            if (b != null) {
                br.append(XmlOut.attr("macTableManager", b.macTableManager()));
            }
            o.line(br.append("/>").toString());
        }
        if (def.mtu() > 0) {
            o.line("<mtu size='" + def.mtu() + "'/>");
        }
        if (def.mac() != null) {
            o.line("<mac address='" + def.mac() + "'/>");
        }
        if (def.domain() != null) {
            o.line("<domain name='" + def.domain() + "'" + XmlOut.attr("localOnly", def.domainLocalOnly()) + "/>");
        }
        dns(o, def.dns());
        o.verbatim(def.vlan());
        BandwidthXml.format(o, def.bandwidth());
        if (def.isolatedPort() != null) {
            o.line("<port isolated='" + def.isolatedPort() + "'/>");
        }
        for (IpDef ip : def.ips()) {
            ip(o, ip);
        }
        for (XmlElement r : def.routes()) {
            o.verbatim(r);
        }
        o.verbatim(def.virtualport());
        for (XmlElement pg : def.portgroups()) {
            o.verbatim(pg);
        }
        if (!def.dnsmasqOptions().isEmpty()) {
            o.line("<dnsmasq:options>");
            o.in();
            for (String opt : def.dnsmasqOptions()) {
                o.line("<dnsmasq:option value='" + XmlOut.esc(opt) + "'/>");
            }
            o.out();
            o.line("</dnsmasq:options>");
        }
        o.out();
        o.line("</network>");
        return o.toString();
    }

    private static void forward(XmlOut o, Forward f, boolean inactive, Map<String, Integer> devConnections) {
        if (f.mode() == Mode.NONE) {
            return;
        }
        String dev = f.pf() == null && !f.devs().isEmpty() ? f.devs().get(0) : null;
        StringBuilder s = new StringBuilder("<forward").append(XmlOut.attr("dev", dev))
                .append(" mode='").append(f.mode().xmlName()).append('\'');
        if (f.mode() == Mode.HOSTDEV) {
            s.append(f.managed() ? " managed='yes'" : " managed='no'");
        }
        Nat nat = f.nat();
        boolean natShown = nat != null && (nat.addressStart() != null || nat.addressEnd() != null
                || nat.portStart() != 0 || nat.portEnd() != 0 || nat.ipv6() != null);
        boolean shortForward = f.devs().isEmpty() && f.pciAddresses().isEmpty() && f.pf() == null
                && f.driver() == null && !natShown;
        o.line(s.append(shortForward ? "/>" : ">").toString());
        if (shortForward) {
            return;
        }
        o.in();
        if (f.driver() != null) {
            o.line("<driver name='" + f.driver() + "'/>");
        }
        if (f.mode() == Mode.NAT && natShown) {
            nat(o, nat);
        }
        if (f.pf() != null) {
            o.line("<pf dev='" + XmlOut.esc(f.pf()) + "'/>");
        }
        if (f.pf() == null || !inactive) {
            for (String d : f.devs()) {
                int used = inactive ? 0 : devConnections.getOrDefault(d, 0);
                o.line("<interface dev='" + XmlOut.esc(d) + "'" + (used > 0 ? " connections='" + used + "'" : "")
                        + "/>");
            }
            for (XmlElement a : f.pciAddresses()) {
                o.verbatim(a);
            }
        }
        o.out();
        o.line("</forward>");
    }

    private static void nat(XmlOut o, Nat nat) {
        boolean body = nat.addressStart() != null || nat.addressEnd() != null || nat.portStart() != 0
                || nat.portEnd() != 0;
        String open = "<nat" + XmlOut.attr("ipv6", nat.ipv6());
        if (!body) {
            o.line(open + "/>");
            return;
        }
        o.line(open + ">");
        o.in();
        if (nat.addressStart() != null) {
            o.line("<address start='" + nat.addressStart() + "'"
                    + (nat.addressEnd() == null ? "" : " end='" + nat.addressEnd() + "'") + "/>");
        }
        if (nat.portStart() != 0 || nat.portEnd() != 0) {
            o.line("<port start='" + nat.portStart() + "'" + (nat.portEnd() == 0 ? "" : " end='" + nat.portEnd() + "'")
                    + "/>");
        }
        o.out();
        o.line("</nat>");
    }

    private static void dns(XmlOut o, Dns d) {
        boolean records = !(d.forwarders().isEmpty() && d.hosts().isEmpty() && d.srvs().isEmpty()
                && d.txts().isEmpty());
        if (d.enable() == null && d.forwardPlainNames() == null && !records) {
            return;
        }
        String open = "<dns" + XmlOut.attr("enable", d.enable()) + XmlOut.attr("forwardPlainNames",
                d.forwardPlainNames());
        if (!records) {
            o.line(open + "/>");
            return;
        }
        o.line(open + ">");
        o.in();
        for (Forwarder f : d.forwarders()) {
            o.line("<forwarder" + XmlOut.attr("domain", f.domain()) + XmlOut.attr("addr", f.addr()) + "/>");
        }
        for (Txt t : d.txts()) {
            o.line("<txt name='" + XmlOut.esc(t.name()) + "' value='" + XmlOut.esc(t.value() == null ? "" : t.value())
                    + "'/>");
        }
        for (Srv s : d.srvs()) {
            if (s.service() == null || s.protocol() == null) {
                continue;
            }
            StringBuilder b = new StringBuilder("<srv service='").append(XmlOut.esc(s.service()))
                    .append("' protocol='").append(XmlOut.esc(s.protocol())).append('\'')
                    .append(XmlOut.attr("domain", s.domain())).append(XmlOut.attr("target", s.target()));
            if (s.port() != 0) {
                b.append(" port='").append(s.port()).append('\'');
            }
            if (s.priority() != 0) {
                b.append(" priority='").append(s.priority()).append('\'');
            }
            if (s.weight() != 0) {
                b.append(" weight='").append(s.weight()).append('\'');
            }
            o.line(b.append("/>").toString());
        }
        for (Host h : d.hosts()) {
            o.line("<host ip='" + h.ip() + "'>");
            o.in();
            for (String n : h.names()) {
                o.line("<hostname>" + XmlOut.esc(n) + "</hostname>");
            }
            o.out();
            o.line("</host>");
        }
        o.out();
        o.line("</dns>");
    }

    private static void ip(XmlOut o, IpDef ip) {
        StringBuilder s = new StringBuilder("<ip").append(XmlOut.attr("family", ip.family()))
                .append(" address='").append(ip.address()).append('\'')
                .append(XmlOut.attr("netmask", ip.netmask()));
        if (ip.prefix() > 0) {
            s.append(" prefix='").append(ip.prefix()).append('\'');
        }
        s.append(XmlOut.attr("localPtr", ip.localPtr()));
        o.line(s.append('>').toString());
        o.in();
        if (ip.tftpRoot() != null) {
            o.line("<tftp root='" + XmlOut.esc(ip.tftpRoot()) + "'/>");
        }
        if (ip.hasDhcp()) {
            o.line("<dhcp>");
            o.in();
            for (Range r : ip.ranges()) {
                withLease(o, "<range start='" + r.start() + "' end='" + r.end() + "'", "range", r.lease());
            }
            for (DhcpHost h : ip.hosts()) {
                withLease(o, "<host" + XmlOut.attr("mac", h.mac()) + XmlOut.attr("id", h.id())
                        + XmlOut.attr("name", h.name()) + XmlOut.attr("ip", h.ip()), "host", h.lease());
            }
            if (ip.bootFile() != null) {
                o.line("<bootp file='" + XmlOut.esc(ip.bootFile()) + "'" + XmlOut.attr("server", ip.bootServer())
                        + "/>");
            }
            o.out();
            o.line("</dhcp>");
        }
        o.out();
        o.line("</ip>");
    }

    private static void withLease(XmlOut o, String open, String name, Lease lease) {
        if (lease == null) {
            o.line(open + "/>");
            return;
        }
        o.line(open + ">");
        o.in();
        o.line(lease.expiry() == 0 ? "<lease expiry='0'/>"
                : "<lease expiry='" + Long.toUnsignedString(lease.expiry()) + "' unit='" + lease.unit() + "'/>");
        o.out();
        o.line("</" + name + ">");
    }
}
