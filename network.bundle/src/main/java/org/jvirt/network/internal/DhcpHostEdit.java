package org.jvirt.network.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.NetworkUpdateCommand;
import org.jvirt.api.NetworkUpdateSection;
import org.jvirt.api.VirtException;
import org.jvirt.network.internal.conf.NetworkDef;
import org.jvirt.network.internal.conf.NetworkDef.DhcpHost;
import org.jvirt.network.internal.conf.NetworkDef.IpDef;
import org.jvirt.network.internal.conf.NetworkXmlParser;

/**
 * One {@code virNetworkUpdate} change of a definition's DHCP hosts, the section jvirt supports
 * (libvirt's virNetworkDefUpdateIPDHCPHost): the changed copy, or libvirt's error. Used by the
 * network driver ({@link NetworkUpdater}) and by drivers that keep networks of their own.
 */
final class DhcpHostEdit {
    private final NetworkXmlParser parser;

    DhcpHostEdit(NetworkXmlParser parser) {
        this.parser = parser;
    }

    /** Refuses the sections jvirt cannot change, as libvirt refuses those it does not know. */
    static void checkSection(NetworkUpdateSection section, String network) throws VirtException {
        if (section == NetworkUpdateSection.NONE) {
            throw new VirtException(ErrorCode.NO_SUPPORT, ErrorDomain.NETWORK,
                    "can't update unrecognized section of network");
        }
        if (section != NetworkUpdateSection.IP_DHCP_HOST) {
            throw new VirtException(ErrorCode.NO_SUPPORT, ErrorDomain.NETWORK, "can't update '"
                    + section.name().toLowerCase(Locale.ROOT).replace('_', '-') + "' section of network '"
                    + network + "'");
        }
    }

    NetworkDef apply(NetworkDef def, NetworkUpdateCommand command, int parentIndex, String xml)
            throws VirtException {
        int index = ipIndex(def, parentIndex);
        IpDef ip = def.ips().get(index);
        boolean partial = command == NetworkUpdateCommand.DELETE;
        DhcpHost host = parser.parseDhcpHost(def.name(), ip, xml, partial);
        List<DhcpHost> hosts = new ArrayList<>(ip.hosts());
        int match = -1;
        for (int i = 0; i < hosts.size(); i++) {
            DhcpHost h = hosts.get(i);
            if (command == NetworkUpdateCommand.DELETE ? matchesPartial(h, host) : matchesAny(h, host)) {
                match = i;
                break;
            }
        }
        switch (command) {
            case ADD_FIRST, ADD_LAST -> {
                if (match >= 0) {
                    throw invalid("there is an existing dhcp host entry in network '" + def.name()
                            + "' that matches \"" + xml.strip() + "\"");
                }
                hosts.add(command == NetworkUpdateCommand.ADD_FIRST ? 0 : hosts.size(), host);
            }
            case DELETE -> {
                if (match < 0) {
                    throw invalid("couldn't locate a matching dhcp host entry in network '" + def.name() + "'");
                }
                hosts.remove(match);
            }
            case MODIFY -> {
                int same = -1;
                for (int i = 0; i < hosts.size(); i++) {
                    DhcpHost h = hosts.get(i);
                    if (Objects.equals(h.mac(), host.mac()) && h.mac() != null
                            || Objects.equals(h.name(), host.name()) && h.name() != null && h.mac() == null) {
                        same = i;
                        break;
                    }
                }
                if (same < 0) {
                    throw invalid("couldn't locate an existing dhcp host entry with \"mac='"
                            + (host.mac() == null ? "" : host.mac()) + "'\" in network '" + def.name() + "'");
                }
                hosts.set(same, host);
            }
            default -> throw new VirtException(ErrorCode.NO_SUPPORT, ErrorDomain.NETWORK,
                    "unrecognized network update command code " + command.number());
        }
        List<IpDef> ips = new ArrayList<>(def.ips());
        ips.set(index, ip.withHosts(hosts));
        return def.withIps(ips);
    }

    private static boolean matchesAny(DhcpHost a, DhcpHost b) {
        return a.mac() != null && b.mac() != null && a.mac().equalsIgnoreCase(b.mac())
                || a.name() != null && a.name().equals(b.name())
                || a.ip() != null && a.ip().equals(b.ip());
    }

    private static boolean matchesPartial(DhcpHost a, DhcpHost b) {
        return (b.mac() == null || b.mac().equalsIgnoreCase(a.mac()))
                && (b.name() == null || b.name().equals(a.name()))
                && (b.ip() == null || b.ip().equals(a.ip()));
    }

    /** libvirt's virNetworkIPDefByIndex: -1 is the first IPv4 address with DHCP, else the first IPv4 one. */
    private static int ipIndex(NetworkDef def, int parentIndex) throws VirtException {
        List<IpDef> ips = def.ips();
        if (parentIndex < 0) {
            for (int i = 0; i < ips.size(); i++) {
                if (ips.get(i).address().isV4() && ips.get(i).hasDhcp()) {
                    return i;
                }
            }
            for (int i = 0; i < ips.size(); i++) {
                if (ips.get(i).address().isV4()) {
                    return i;
                }
            }
        } else if (parentIndex < ips.size()) {
            return parentIndex;
        }
        throw invalid("couldn't update dhcp host entry - no <ip> element found at index " + parentIndex
                + " in network '" + def.name() + "'");
    }

    private static VirtException invalid(String message) {
        return new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.NETWORK, message);
    }
}
