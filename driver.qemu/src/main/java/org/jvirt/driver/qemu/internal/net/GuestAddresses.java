package org.jvirt.driver.qemu.internal.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.jvirt.api.DomainInterface;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.NetworkDhcpLease;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.NetworkDriver;
import org.jvirt.api.spi.NetworkDriverConnection;
import org.jvirt.api.spi.NetworkRef;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.NetInterface;

/**
 * A running guest's addresses as the host sees them: libvirt's qemuGetDHCPInterfaces (the DHCP leases
 * of the virtual network each {@code <interface type='network'>} is plugged into, matched by MAC) and
 * qemuARPGetInterfaces (the host's neighbour table, matched by MAC).
 */
final class GuestAddresses {
    private final Supplier<NetworkDriver> networks;
    private final HostCommands commands;

    GuestAddresses(Supplier<NetworkDriver> networks, HostCommands commands) {
        this.networks = networks;
        this.commands = commands;
    }

    /** One entry per network interface with at least one lease, each lease one address. */
    List<DomainInterface> fromLeases(DomainDef live) throws VirtException {
        List<NetInterface> onNetworks = live.devices().interfaces().stream()
                .filter(n -> "network".equals(n.type()) && n.source() != null && n.source().network() != null)
                .toList();
        List<DomainInterface> out = new ArrayList<>();
        if (onNetworks.isEmpty()) {
            return out;
        }
        NetworkDriver driver = networks.get();
        if (driver == null) {
            // libvirt's virGetConnectNetwork without a network driver
            throw new VirtException(ErrorCode.NO_SUPPORT, ErrorDomain.NETWORK,
                    "this function is not supported by the connection driver: virNetworkLookupByName");
        }
        NetworkDriverConnection conn = driver.open(0);
        try {
            for (NetInterface n : onNetworks) {
                String mac = mac(n);
                NetworkRef ref = conn.lookupByName(n.source().network());
                if (ref == null) {
                    throw new VirtException(ErrorCode.NO_NETWORK, ErrorDomain.NETWORK,
                            "no network with matching name '" + n.source().network() + "'");
                }
                List<NetworkDhcpLease> leases = conn.dhcpLeases(ref, mac, 0);
                if (!leases.isEmpty()) {
                    out.add(new DomainInterface(n.targetDev(), mac, leases.stream()
                            .map(l -> new DomainInterface.Address(l.type(), l.ipaddr(), l.prefix())).toList()));
                }
            }
        } finally {
            conn.close();
        }
        return out;
    }

    /** Every neighbour entry with an interface's MAC, as one interface with one IPv4 address, prefix 0. */
    List<DomainInterface> fromArp(DomainDef live) throws VirtException {
        List<String[]> table = new ArrayList<>();
        for (String line : commands.run("ip", "-4", "neigh", "show").split("\n")) {
            String[] f = line.trim().split("\\s+");
            int at = List.of(f).indexOf("lladdr");
            if (at > 0 && at + 1 < f.length) {
                table.add(new String[] {f[0], f[at + 1].toLowerCase(Locale.ROOT)});
            }
        }
        List<DomainInterface> out = new ArrayList<>();
        for (NetInterface n : live.devices().interfaces()) {
            String mac = mac(n);
            for (String[] entry : table) {
                if (entry[1].equals(mac)) {
                    out.add(new DomainInterface(n.targetDev(), mac, List.of(new DomainInterface.Address(0, entry[0], 0))));
                }
            }
        }
        return out;
    }

    private static String mac(NetInterface n) {
        return n.mac() == null ? "" : n.mac().toLowerCase(Locale.ROOT);
    }
}
