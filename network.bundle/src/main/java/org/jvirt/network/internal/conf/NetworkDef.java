package org.jvirt.network.internal.conf;

import java.util.List;
import java.util.UUID;

import org.jvirt.api.xml.XmlElement;
import org.jvirt.network.internal.conf.NetworkPortDef.Bandwidth;

/**
 * A parsed network definition: libvirt's {@code virNetworkDef}. What jvirt does not interpret (VLAN
 * tags, virtual ports, port groups, routes, metadata) is kept verbatim and formatted back
 * in libvirt's place.
 *
 * @param bandwidth        the network's QoS ({@code <bandwidth>}), parsed once at define, or null
 * @param connections      guests plugged in (live XML only), 0 when none
 * @param trustGuestRxFilters "yes"/"no" or null
 * @param bridge           the bridge element's values, or null for a definition without one
 * @param mac              the bridge's MAC address (lower case), or null
 * @param mtu              0 when unset
 * @param domain           the DNS domain name, or null
 * @param domainLocalOnly  "yes"/"no" or null
 * @param isolatedPort     {@code <port isolated>} "yes"/"no" or null
 * @param dnsmasqOptions   the {@code dnsmasq:options} values, in order
 * @param dnsmasqPrefix    the namespace prefix the definition used for dnsmasq's namespace, or null
 */
public record NetworkDef(String name, UUID uuid, int connections, boolean ipv6nogw, String trustGuestRxFilters,
                         XmlElement metadata, Forward forward, Bridge bridge, int mtu, String mac, String domain,
                         String domainLocalOnly, Dns dns, XmlElement vlan, Bandwidth bandwidth, String isolatedPort,
                         List<IpDef> ips, List<XmlElement> routes, XmlElement virtualport,
                         List<XmlElement> portgroups, List<String> dnsmasqOptions, String dnsmasqPrefix) {

    public NetworkDef {
        ips = List.copyOf(ips);
        routes = List.copyOf(routes);
        portgroups = List.copyOf(portgroups);
        dnsmasqOptions = List.copyOf(dnsmasqOptions);
    }

    /** libvirt's forward modes, by their XML names; NONE is an isolated network. */
    public enum Mode {
        NONE, NAT, ROUTE, OPEN, BRIDGE, PRIVATE, VEPA, PASSTHROUGH, HOSTDEV;

        public String xmlName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** Modes whose network is a Linux bridge jvirt makes, with addresses and dnsmasq. */
        public boolean hasOwnBridge() {
            return this == NONE || this == NAT || this == ROUTE || this == OPEN;
        }
    }

    /**
     * @param devs     forward interfaces ({@code <interface dev>}), the {@code dev} attribute first
     * @param pciAddresses forward PCI addresses (hostdev), verbatim
     * @param pf       the physical function's device, or null
     * @param managed  hostdev's managed attribute
     * @param driver   hostdev driver name, or null
     * @param nat      NAT settings, or null
     */
    public record Forward(Mode mode, List<String> devs, List<XmlElement> pciAddresses, String pf, boolean managed,
                          String driver, Nat nat) {
        public Forward {
            devs = List.copyOf(devs);
            pciAddresses = List.copyOf(pciAddresses);
        }

        public static final Forward NONE = new Forward(Mode.NONE, List.of(), List.of(), null, false, null, null);
    }

    /** NAT's address and port ranges; null/0 when unset; ipv6 "yes"/"no" or null. */
    public record Nat(Ip addressStart, Ip addressEnd, int portStart, int portEnd, String ipv6) {
    }

    /** @param stp false only for {@code stp='off'}; @param macTableManager null, "kernel" or "libvirt" */
    public record Bridge(String name, String zone, boolean stp, long delay, String macTableManager) {
        public Bridge withName(String newName) {
            return new Bridge(newName, zone, stp, delay, macTableManager);
        }
    }

    /** @param enable "yes"/"no" or null; @param forwardPlainNames "yes"/"no" or null */
    public record Dns(String enable, String forwardPlainNames, List<Forwarder> forwarders, List<Txt> txts,
                      List<Srv> srvs, List<Host> hosts) {
        public Dns {
            forwarders = List.copyOf(forwarders);
            txts = List.copyOf(txts);
            srvs = List.copyOf(srvs);
            hosts = List.copyOf(hosts);
        }

        public static final Dns EMPTY = new Dns(null, null, List.of(), List.of(), List.of(), List.of());

        public boolean wanted() {
            return !"no".equals(enable);
        }
    }

    public record Forwarder(String domain, Ip addr) {
    }

    public record Txt(String name, String value) {
    }

    public record Srv(String service, String protocol, String domain, String target, int port, int priority,
                      int weight) {
    }

    public record Host(Ip ip, List<String> names) {
        public Host {
            names = List.copyOf(names);
        }
    }

    /** A DHCP lease time; expiry 0 is infinite; unit "seconds", "minutes" or "hours". */
    public record Lease(long expiry, String unit) {
    }

    public record Range(Ip start, Ip end, Lease lease) {
    }

    public record DhcpHost(String mac, String id, String name, Ip ip, Lease lease) {
    }

    /**
     * @param family   the family attribute as written, or null
     * @param netmask  null when the definition gives a prefix (or nothing)
     * @param prefix   0 when unset
     * @param localPtr "yes"/"no" or null
     * @param tftpRoot the TFTP root, or null
     * @param bootFile DHCP boot file, or null; bootServer its server, or null
     */
    public record IpDef(String family, Ip address, Ip netmask, int prefix, String localPtr, String tftpRoot,
                        List<Range> ranges, List<DhcpHost> hosts, String bootFile, Ip bootServer) {
        public IpDef {
            ranges = List.copyOf(ranges);
            hosts = List.copyOf(hosts);
        }

        /** libvirt's {@code virNetworkIPDefPrefix}: explicit, from the netmask, else classful (IPv4) or 64. */
        public int effectivePrefix() {
            if (prefix > 0) {
                return prefix;
            }
            if (netmask != null) {
                return netmask.netmaskPrefix();
            }
            return address.isV4() ? address.classfulPrefix() : 64;
        }

        public boolean hasDhcp() {
            return !ranges.isEmpty() || !hosts.isEmpty();
        }

        public IpDef withHosts(List<DhcpHost> newHosts) {
            return new IpDef(family, address, netmask, prefix, localPtr, tftpRoot, ranges, newHosts, bootFile,
                    bootServer);
        }
    }

    public NetworkDef withBridge(Bridge newBridge) {
        return new NetworkDef(name, uuid, connections, ipv6nogw, trustGuestRxFilters, metadata, forward, newBridge,
                mtu, mac, domain, domainLocalOnly, dns, vlan, bandwidth, isolatedPort, ips, routes, virtualport,
                portgroups, dnsmasqOptions, dnsmasqPrefix);
    }

    public NetworkDef withMac(String newMac) {
        return new NetworkDef(name, uuid, connections, ipv6nogw, trustGuestRxFilters, metadata, forward, bridge,
                mtu, newMac, domain, domainLocalOnly, dns, vlan, bandwidth, isolatedPort, ips, routes, virtualport,
                portgroups, dnsmasqOptions, dnsmasqPrefix);
    }

    public NetworkDef withIps(List<IpDef> newIps) {
        return new NetworkDef(name, uuid, connections, ipv6nogw, trustGuestRxFilters, metadata, forward, bridge,
                mtu, mac, domain, domainLocalOnly, dns, vlan, bandwidth, isolatedPort, newIps, routes, virtualport,
                portgroups, dnsmasqOptions, dnsmasqPrefix);
    }

    /** The live definition with {@code n} guests plugged in (its ports). */
    public NetworkDef withConnections(int n) {
        return new NetworkDef(name, uuid, n, ipv6nogw, trustGuestRxFilters, metadata, forward, bridge,
                mtu, mac, domain, domainLocalOnly, dns, vlan, bandwidth, isolatedPort, ips, routes, virtualport,
                portgroups, dnsmasqOptions, dnsmasqPrefix);
    }

    public String bridgeName() {
        return bridge == null ? null : bridge.name();
    }
}
