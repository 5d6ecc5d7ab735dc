package org.jvirt.network.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.NetworkDhcpLease;
import org.jvirt.api.VirtException;
import org.jvirt.network.internal.conf.Ip;
import org.jvirt.network.internal.conf.NetworkDef;
import org.jvirt.network.internal.conf.NetworkDef.IpDef;
import org.jvirt.network.internal.conf.NetworkDef.Mode;
import org.jvirt.network.internal.dnsmasq.DnsmasqConfig;
import org.jvirt.network.internal.host.Bridges;
import org.jvirt.network.internal.host.CommandRunner;
import org.jvirt.network.internal.host.DnsmasqProcess;
import org.jvirt.network.internal.host.Firewall;
import org.jvirt.network.internal.host.LeaseFile;
import org.jvirt.network.internal.host.Routes;
import org.jvirt.network.internal.host.TcBandwidth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starting and stopping a network on the host (libvirt's networkStartNetworkVirtual and
 * networkShutdownNetworkVirtual): the bridge with its addresses and static routes, IP forwarding, the
 * nftables table, dnsmasq with its files in the runtime folder. A failed start undoes every step it made.
 */
final class NetworkRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(NetworkRuntime.class);

    private final Path dir;
    private final Bridges bridges;
    private final Firewall firewall;
    private final DnsmasqProcess dnsmasq;
    private final Routes routes;
    private final TcBandwidth tc;

    NetworkRuntime(Path dir, CommandRunner cmd, String dnsmasqBinary) {
        this.dir = dir;
        this.bridges = new Bridges(cmd);
        this.firewall = new Firewall(cmd);
        this.dnsmasq = new DnsmasqProcess(cmd, dnsmasqBinary);
        this.routes = new Routes(cmd);
        this.tc = new TcBandwidth(cmd);
    }

    TcBandwidth tc() {
        return tc;
    }

    Bridges bridges() {
        return bridges;
    }

    /** Starts {@code def}; returns dnsmasq's pid (0 when the network runs none). */
    long start(NetworkDef def) throws VirtException {
        Mode mode = def.forward().mode();
        if (mode == Mode.BRIDGE) {
            if (def.bridgeName() != null && !bridges.exists(def.bridgeName())) {
                throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.NETWORK, "Cannot get interface MTU on '"
                        + def.bridgeName() + "': No such device");
            }
            setQos(def);
            return 0;
        }
        if (mode == Mode.PRIVATE || mode == Mode.VEPA || mode == Mode.PASSTHROUGH) {
            // a macvtap pool: libvirt's networkStartNetworkExternal has nothing to set up on the host,
            // the guests' drivers make the macvtap/macvlan devices on the pool's interfaces
            return 0;
        }
        if (!mode.hasOwnBridge()) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.NETWORK, "forward mode '"
                    + mode.xmlName() + "' is not supported by jvirt's network driver");
        }
        checkRouteCollision(def);
        bridges.create(def);
        try {
            routes.add(def);
            if (mode == Mode.NAT || mode == Mode.ROUTE) {
                bridges.enableForwarding(def.ips().stream().anyMatch(ip -> ip.address().isV6()));
            }
            firewall.apply(def);
            long pid = needsDnsmasq(def) ? startDnsmasq(def) : 0;
            setQos(def);
            return pid;
        } catch (VirtException | RuntimeException e) {
            stop(def, 0);
            throw e;
        }
    }

    /**
     * The network-wide QoS on the bridge, hierarchical (for the ports' floors) and swapped (the guests'
     * inbound is what the bridge transmits), as libvirt's networkStartNetworkVirtual and ...Bridge.
     */
    private void setQos(NetworkDef def) throws VirtException {
        if (def.bandwidth() == null) {
            return;
        }
        try {
            tc.set(def.bridgeName(), def.bandwidth(), true, true);
        } catch (VirtException e) {
            clearQos(def);
            throw e;
        }
    }

    private void clearQos(NetworkDef def) {
        if (def.bandwidth() == null || def.bridgeName() == null) {
            return;
        }
        try {
            tc.clear(def.bridgeName());
        } catch (VirtException e) {
            LOG.warn("cannot clear the QoS of bridge {}: {}", def.bridgeName(), e.getMessage());
        }
    }

    private static boolean needsDnsmasq(NetworkDef def) {
        // libvirt runs dnsmasq when DNS is on or an address has DHCP (or for IPv6 RA)
        return def.dns().wanted() || def.ips().stream().anyMatch(ip -> ip.hasDhcp() || ip.address().isV6());
    }

    private long startDnsmasq(NetworkDef def) throws VirtException {
        try {
            Files.createDirectories(dir);
            Path pid = pidFile(def);
            Files.deleteIfExists(pid);
            DnsmasqConfig.Files files = DnsmasqConfig.contents(def, dir.toString(), pid.toString());
            Files.writeString(dir.resolve(def.name() + ".conf"), files.conf());
            Files.writeString(dir.resolve(def.name() + ".hostsfile"), files.hostsfile() == null ? "" : files.hostsfile());
            Files.writeString(dir.resolve(def.name() + ".addnhosts"), files.addnhosts());
            return dnsmasq.start(dir.resolve(def.name() + ".conf"), leases(def), pid);
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.NETWORK,
                    "cannot write the dnsmasq files of network '" + def.name() + "' in " + dir + ": " + e.getMessage());
        }
    }

    /** Rewrites the DHCP hosts file and has dnsmasq re-read it (SIGHUP), for a live DHCP host update. */
    void reloadHosts(NetworkDef def, long pid) throws VirtException {
        try {
            DnsmasqConfig.Files files = DnsmasqConfig.contents(def, dir.toString(), pidFile(def).toString());
            Files.writeString(dir.resolve(def.name() + ".hostsfile"), files.hostsfile() == null ? "" : files.hostsfile());
            Files.writeString(dir.resolve(def.name() + ".addnhosts"), files.addnhosts());
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.NETWORK, e.getMessage());
        }
        if (pid > 0 && DnsmasqProcess.isDnsmasq(pid)) {
            try {
                new ProcessBuilder("kill", "-HUP", Long.toString(pid)).start().waitFor();
            } catch (IOException e) {
                throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.NETWORK, e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Stops everything {@link #start} made; each step quiet when its part is already gone. */
    void stop(NetworkDef def, long pid) {
        clearQos(def);
        if (!def.forward().mode().hasOwnBridge()) {
            return;
        }
        if (pid > 0) {
            DnsmasqProcess.stop(pid);
        } else {
            DnsmasqProcess.readPid(pidFile(def)).ifPresent(DnsmasqProcess::stop);
        }
        try {
            firewall.remove(def.bridgeName());
        } catch (VirtException e) {
            LOG.warn("cannot remove the firewall rules of network {}: {}", def.name(), e.getMessage());
        }
        try {
            bridges.delete(def.bridgeName());
        } catch (VirtException e) {
            LOG.warn("cannot remove bridge {} of network {}: {}", def.bridgeName(), def.name(), e.getMessage());
        }
        for (String suffix : List.of(".conf", ".hostsfile", ".addnhosts", ".pid")) {
            try {
                Files.deleteIfExists(dir.resolve(def.name() + suffix));
            } catch (IOException e) {
                LOG.warn("cannot remove {}{}: {}", def.name(), suffix, e.getMessage());
            }
        }
    }

    /** Removes the lease file of a network that is undefined. */
    void forget(NetworkDef def) {
        try {
            Files.deleteIfExists(leases(def));
        } catch (IOException e) {
            LOG.warn("cannot remove the leases of network {}: {}", def.name(), e.getMessage());
        }
    }

    List<NetworkDhcpLease> leases(NetworkDef def, String mac) throws VirtException {
        try {
            List<NetworkDhcpLease> all = LeaseFile.read(leases(def), def.bridgeName(), ip -> prefixOf(def, ip));
            long now = System.currentTimeMillis() / 1000;
            return all.stream().filter(l -> l.expiryTime() == 0 || l.expiryTime() > now)
                    .filter(l -> mac == null || mac.equalsIgnoreCase(l.mac())).toList();
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.NETWORK, "Unable to read "
                    + leases(def) + ": " + e.getMessage());
        }
    }

    private static int prefixOf(NetworkDef def, Ip ip) {
        for (IpDef d : def.ips()) {
            int p = d.effectivePrefix();
            if (d.address().isV4() == ip.isV4() && d.address().masked(p).equals(ip.masked(p))) {
                return p;
            }
        }
        return 0;
    }

    /** libvirt's networkCheckRouteCollision: a route to the network's subnet means someone else uses it. */
    private void checkRouteCollision(NetworkDef def) throws VirtException {
        List<String> routes = bridges.ipv4Routes();
        for (IpDef ip : def.ips()) {
            if (!ip.address().isV4()) {
                continue;
            }
            int prefix = ip.effectivePrefix();
            String subnet = ip.address().masked(prefix).format() + "/" + prefix;
            for (String route : routes) {
                String[] f = route.trim().split("\\s+");
                String dest = f.length > 0 && f[0].contains("/") ? f[0] : (f.length > 0 ? f[0] + "/32" : "");
                int dev = List.of(f).indexOf("dev");
                if (dest.equals(subnet) && dev >= 0 && dev + 1 < f.length) {
                    throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.NETWORK,
                            "Network is already in use by interface " + f[dev + 1]);
                }
            }
        }
    }

    private Path pidFile(NetworkDef def) {
        return dir.resolve(def.name() + ".pid");
    }

    private Path leases(NetworkDef def) {
        return dir.resolve(def.name() + ".leases");
    }

    Path dir() {
        return dir;
    }
}
