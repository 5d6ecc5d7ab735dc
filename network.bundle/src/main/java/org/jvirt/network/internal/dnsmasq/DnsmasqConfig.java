package org.jvirt.network.internal.dnsmasq;

import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.network.internal.conf.Ip;
import org.jvirt.network.internal.conf.NetworkDef;
import org.jvirt.network.internal.conf.NetworkDef.DhcpHost;
import org.jvirt.network.internal.conf.NetworkDef.Dns;
import org.jvirt.network.internal.conf.NetworkDef.Forwarder;
import org.jvirt.network.internal.conf.NetworkDef.Host;
import org.jvirt.network.internal.conf.NetworkDef.IpDef;
import org.jvirt.network.internal.conf.NetworkDef.Lease;
import org.jvirt.network.internal.conf.NetworkDef.Mode;
import org.jvirt.network.internal.conf.NetworkDef.Range;
import org.jvirt.network.internal.conf.NetworkDef.Srv;
import org.jvirt.network.internal.conf.NetworkDef.Txt;
import org.jvirt.network.internal.conf.RangeCheck;

/**
 * The dnsmasq configuration of a network, line for line as libvirt 9.0's
 * {@code networkDnsmasqConfContents} writes it, with the DHCP hosts file and the DNS hosts file
 * ({@code dnsmasqDhcpHostsToString}, {@code addnhosts}).
 */
public final class DnsmasqConfig {

    /**
     * @param conf      the configuration file
     * @param hostsfile the DHCP hosts file, null when no static host is defined
     * @param addnhosts the DNS hosts file (may be empty)
     */
    public record Files(String conf, String hostsfile, String addnhosts) {
    }

    private DnsmasqConfig() {
    }

    /**
     * @param dir     where the hosts files are ({@code /var/lib/libvirt/dnsmasq} for libvirt)
     * @param pidfile the pid file line's value, or null for none
     */
    public static Files contents(NetworkDef def, String dir, String pidfile) throws VirtException {
        StringBuilder c = new StringBuilder();
        Dns dns = def.dns();
        boolean wantDns = dns.wanted();
        c.append("##WARNING:  THIS IS AN AUTO-GENERATED FILE. CHANGES TO IT ARE LIKELY TO BE\n")
                .append("##OVERWRITTEN AND LOST.  Changes to this configuration should be made using:\n")
                .append("##    virsh net-edit ").append(def.name()).append('\n')
                .append("## or other application using the libvirt API.\n")
                .append("##\n## dnsmasq conf file created by libvirt\n")
                .append("strict-order\n");
        if (!wantDns) {
            c.append("port=0\n");
        }
        if (wantDns && !dns.forwarders().isEmpty()) {
            boolean noResolv = false;
            for (Forwarder f : dns.forwarders()) {
                c.append("server=");
                if (f.domain() != null) {
                    c.append('/').append(f.domain()).append('/');
                }
                if (f.addr() != null) {
                    c.append(f.addr()).append('\n');
                    noResolv |= f.domain() == null;
                } else {
                    c.append("#\n");
                }
            }
            if (noResolv) {
                c.append("no-resolv\n");
            }
        }
        if (def.domain() != null) {
            if ("yes".equals(def.domainLocalOnly())) {
                c.append("local=/").append(def.domain()).append("/\n");
            }
            c.append("domain=").append(def.domain()).append("\nexpand-hosts\n");
        }
        if (wantDns) {
            for (IpDef ip : def.ips()) {
                if ("yes".equals(ip.localPtr())) {
                    c.append("local=/").append(ptrDomain(ip)).append("/\n");
                }
            }
        }
        if (wantDns && "no".equals(dns.forwardPlainNames())) {
            c.append("domain-needed\nlocal=//\n");
        }
        if (pidfile != null) {
            c.append("pid-file=").append(pidfile).append('\n');
        }
        c.append("except-interface=lo\n");
        c.append("bind-dynamic\ninterface=").append(def.bridgeName()).append('\n');
        if (def.forward().mode() == Mode.NONE) {
            c.append("dhcp-option=3\nno-resolv\nra-param=*,0,0\n");
        }
        if (wantDns) {
            for (Txt t : dns.txts()) {
                c.append("txt-record=").append(t.name()).append(',').append(t.value()).append('\n');
            }
            for (Srv s : dns.srvs()) {
                srv(c, s);
            }
        }
        IpDef v4 = null;
        IpDef v6 = null;
        boolean tftp = false;
        for (IpDef ip : def.ips()) {
            if (ip.address().isV4()) {
                if (ip.hasDhcp()) {
                    if (v4 != null) {
                        throw unsupported("For IPv4, multiple DHCP definitions cannot be specified.");
                    }
                    v4 = ip;
                }
                if (ip.tftpRoot() != null) {
                    if (!tftp) {
                        c.append("enable-tftp\n");
                        tftp = true;
                    }
                    c.append("tftp-root=").append(ip.tftpRoot()).append('\n');
                }
            } else if (ip.hasDhcp()) {
                if (v6 != null) {
                    throw unsupported("For IPv6, multiple DHCP definitions cannot be specified.");
                }
                v6 = ip;
            }
        }
        List<String> hosts = new ArrayList<>();
        int leases = dhcp(c, v4, hosts) + dhcp(c, v6, hosts);
        if (leases > 0) {
            c.append("dhcp-lease-max=").append(leases).append('\n');
        }
        String base = dir + "/" + def.name();
        if (v4 != null || v6 != null) {
            c.append("dhcp-hostsfile=").append(base).append(".hostsfile\n");
        }
        if (wantDns) {
            c.append("addn-hosts=").append(base).append(".addnhosts\n");
        }
        if (def.mtu() > 0) {
            c.append("dhcp-option=option:mtu,").append(def.mtu()).append('\n');
        }
        if (v6 != null) {
            c.append("enable-ra\n");
        } else {
            for (IpDef ip : def.ips()) {
                if (ip.address().isV6() && !ip.hasDhcp()) {
                    c.append("dhcp-range=").append(ip.address()).append(",ra-only\n");
                }
            }
        }
        for (String opt : def.dnsmasqOptions()) {
            c.append(opt).append('\n');
        }
        String hostsfile = hosts.isEmpty() ? null : String.join("", hosts);
        return new Files(c.toString(), hostsfile, addnhosts(dns));
    }

    private static void srv(StringBuilder c, Srv s) {
        c.append("srv-host=_").append(s.service()).append("._").append(s.protocol());
        if (s.domain() != null) {
            c.append('.').append(s.domain());
        }
        if (s.target() != null && !s.target().equals(".")) {
            c.append(',').append(s.target());
            if (s.port() != 0 || s.priority() != 0 || s.weight() != 0) {
                c.append(',').append(s.port() != 0 ? s.port() : 1);
            }
            if (s.priority() != 0 || s.weight() != 0) {
                c.append(',').append(s.priority());
            }
            if (s.weight() != 0) {
                c.append(',').append(s.weight());
            }
        }
        c.append('\n');
    }

    /** networkDnsmasqConfDHCP: the ranges and static hosts of one address; returns the lease count. */
    private static int dhcp(StringBuilder c, IpDef ip, List<String> hosts) throws VirtException {
        if (ip == null) {
            return 0;
        }
        int prefix = ip.effectivePrefix();
        int leases = 0;
        for (Range r : ip.ranges()) {
            c.append("dhcp-range=").append(r.start()).append(',').append(r.end()).append(',');
            c.append(ip.address().isV6() ? String.valueOf(prefix) : Ip.netmask(prefix).format());
            String lease = leaseTime(r.lease());
            if (lease != null) {
                c.append(',').append(lease);
            }
            c.append('\n');
            leases += RangeCheck.size(r.start(), r.end(), ip.address(), prefix);
        }
        if (ip.ranges().isEmpty() && !ip.hosts().isEmpty()) {
            c.append("dhcp-range=").append(ip.address()).append(",static");
            if (ip.address().isV6()) {
                c.append(',').append(prefix);
            }
            c.append('\n');
        }
        for (DhcpHost h : ip.hosts()) {
            if (h.ip() != null) {
                hosts.add(hostLine(h, ip.address().isV6()) + "\n");
            }
        }
        if (ip.address().isV4()) {
            c.append("dhcp-no-override\ndhcp-authoritative\n");
            if (ip.bootFile() != null) {
                c.append("dhcp-boot=").append(ip.bootFile());
                if (ip.bootServer() != null) {
                    c.append(",,").append(ip.bootServer());
                }
                c.append('\n');
            }
        }
        return leases;
    }

    /** One line of the DHCP hosts file (virdnsmasq.c's dnsmasqDhcpHostsAdd). */
    static String hostLine(DhcpHost h, boolean ipv6) {
        StringBuilder s = new StringBuilder();
        if (ipv6) {
            if (h.id() != null && h.name() != null) {
                s.append("id:").append(h.id()).append(',').append(h.name()).append(",[").append(h.ip()).append(']');
            } else if (h.id() != null) {
                s.append("id:").append(h.id()).append(",[").append(h.ip()).append(']');
            } else {
                s.append(h.name()).append(",[").append(h.ip()).append(']');
            }
        } else if (h.name() != null && h.mac() != null) {
            s.append(h.mac()).append(',').append(h.ip()).append(',').append(h.name());
        } else if (h.name() != null) {
            s.append(h.name()).append(',').append(h.ip());
        } else {
            s.append(h.mac()).append(',').append(h.ip());
        }
        String lease = leaseTime(h.lease());
        if (lease != null) {
            s.append(',').append(lease);
        }
        return s.toString();
    }

    /** networkBuildDnsmasqLeaseTime: "infinite", or the expiry with the unit's first letter. */
    static String leaseTime(Lease lease) {
        if (lease == null) {
            return null;
        }
        return lease.expiry() == 0 ? "infinite" : Long.toUnsignedString(lease.expiry()) + lease.unit().charAt(0);
    }

    private static String addnhosts(Dns dns) {
        StringBuilder s = new StringBuilder();
        for (Host h : dns.hosts()) {
            if (h.ip() != null && !h.names().isEmpty()) {
                s.append(h.ip());
                for (String n : h.names()) {
                    s.append('\t').append(n);
                }
                s.append('\n');
            }
        }
        return s.toString();
    }

    /** virSocketAddrPTRDomain: the reverse zone of the network; whole octets (IPv4) or nibbles (IPv6) only. */
    static String ptrDomain(IpDef ip) throws VirtException {
        int prefix = ip.effectivePrefix();
        byte[] b = ip.address().bytes();
        StringBuilder s = new StringBuilder();
        if (ip.address().isV4()) {
            if (prefix == 0 || prefix >= 32 || prefix % 8 != 0) {
                throw unsupported("PTR domain for IPv4 network with prefix " + prefix
                        + " cannot be automatically created");
            }
            for (int i = prefix / 8 - 1; i >= 0; i--) {
                s.append(b[i] & 0xff).append('.');
            }
            return s.append("in-addr.arpa").toString();
        }
        if (prefix == 0 || prefix >= 128 || prefix % 4 != 0) {
            throw unsupported("PTR domain for IPv6 network with prefix " + prefix + " cannot be automatically created");
        }
        for (int i = prefix / 4 - 1; i >= 0; i--) {
            int nibble = (b[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xf;
            s.append(Integer.toHexString(nibble)).append('.');
        }
        return s.append("ip6.arpa").toString();
    }

    private static VirtException unsupported(String message) {
        return new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.NETWORK, message);
    }
}
