package org.jvirt.shell.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jvirt.api.Network;
import org.jvirt.api.NetworkDhcpLease;
import org.jvirt.api.NetworkListFlag;
import org.jvirt.api.VirtException;

/** virsh's {@code net-list} and {@code net-dhcp-leases}: their filters, sorting and tables. */
final class NetworkListing {
    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private NetworkListing() {
    }

    static void list(Invocation call) throws CommandFailure, Invocation.ConnectFailure, VirtException {
        ParsedArgs a = call.args();
        int flags = 0;
        if (a.flag("inactive")) {
            flags |= NetworkListFlag.INACTIVE.bit();
        }
        if (a.flag("all")) {
            flags |= NetworkListFlag.ACTIVE.bit() | NetworkListFlag.INACTIVE.bit();
        }
        if (flags == 0) {
            flags = NetworkListFlag.ACTIVE.bit();
        }
        flags |= (a.flag("persistent") ? NetworkListFlag.PERSISTENT.bit() : 0)
                | (a.flag("transient") ? NetworkListFlag.TRANSIENT.bit() : 0)
                | (a.flag("autostart") ? NetworkListFlag.AUTOSTART.bit() : 0)
                | (a.flag("no-autostart") ? NetworkListFlag.NO_AUTOSTART.bit() : 0);
        List<Network> nets;
        try {
            nets = new ArrayList<>(call.connection().listAllNetworks(flags));
        } catch (VirtException e) {
            throw new CommandFailure("Failed to list networks", e);
        }
        nets.sort(Comparator.comparing(Network::name));
        if (a.flag("name") || a.flag("uuid")) {
            StringBuilder s = new StringBuilder();
            for (Network n : nets) {
                s.append(a.flag("uuid") ? n.uuid().toString() : n.name());
                if (a.flag("uuid") && a.flag("name")) {
                    s.append(' ').append(n.name());
                }
                s.append('\n');
            }
            call.print(s.toString());
            return;
        }
        VshTable table = new VshTable("Name", "State", "Autostart", "Persistent");
        for (Network n : nets) {
            table.row(n.name(), n.isActive() ? "active" : "inactive", n.autostart() ? "yes" : "no",
                    n.isPersistent() ? "yes" : "no");
        }
        call.print(table.render());
    }

    static void leases(Invocation call) throws CommandFailure, Invocation.ConnectFailure {
        Network n = NetworkActions.network(call);
        String mac = call.args().value("mac").orElse(null);
        List<NetworkDhcpLease> leases;
        try {
            leases = new ArrayList<>(n.dhcpLeases(mac, 0));
        } catch (VirtException e) {
            throw new CommandFailure("Failed to get leases info for " + n.name(), e);
        }
        leases.sort(Comparator.comparing((NetworkDhcpLease l) -> l.mac() == null ? "" : l.mac()));
        VshTable table = new VshTable("Expiry Time", "MAC address", "Protocol", "IP address", "Hostname",
                "Client ID or DUID");
        for (NetworkDhcpLease l : leases) {
            String expiry = EXPIRY.format(Instant.ofEpochSecond(l.expiryTime()).atZone(ZoneId.systemDefault()));
            table.row(expiry, dash(l.mac()), l.type() == 0 ? "ipv4" : "ipv6", l.ipaddr() + "/" + l.prefix(),
                    dash(l.hostname()), dash(l.clientid()));
        }
        call.print(table.render());
    }

    private static String dash(String s) {
        return s == null ? "-" : s;
    }
}
