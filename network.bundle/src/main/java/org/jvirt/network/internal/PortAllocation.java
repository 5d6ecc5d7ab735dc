package org.jvirt.network.internal;

import java.util.List;
import java.util.Map;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.XmlElement;
import org.jvirt.network.internal.conf.NetworkDef;
import org.jvirt.network.internal.conf.NetworkDef.Mode;
import org.jvirt.network.internal.conf.NetworkPortDef;
import org.jvirt.network.internal.conf.NetworkPortDef.Plug;
import org.jvirt.network.internal.conf.NetworkPortDef.PlugType;
import org.jvirt.network.internal.conf.PortGroups;

/**
 * How a new port plugs into a running network: libvirt's networkAllocatePort (the network decides
 * the plug, and the port inherits the network's VLAN, rxfilter trust and port isolation when it has
 * none of its own) and networkNotifyPort (a reclaimed port keeps its plug, which must be the network's).
 * A port without a bandwidth, VLAN or rxfilter trust of its own takes its port group's (the one it
 * names, else the network's default group), so the network's floor accounting and the guest's
 * device see the group's QoS. A macvtap pool (forward mode bridge without a bridge, private, vepa,
 * passthrough) gives a direct plug on one of its interfaces: the least used one, or for the exclusive
 * modes (passthrough, private with 802.1Qbh) the first one nobody uses; {@code connections} counts the
 * running network's ports per pool interface.
 */
final class PortAllocation {
    private PortAllocation() {
    }

    static NetworkPortDef allocate(NetworkDef net, NetworkPortDef port, Map<String, Integer> connections)
            throws VirtException {
        // the port's group, or the network's default group when it names none (virPortGroupFindByName);
        // a group that is not there is no error, as in libvirt: the port just takes nothing from it
        XmlElement group = PortGroups.find(net, port.group());
        NetworkPortDef out = port.bandwidth() != null ? port : port.withBandwidth(PortGroups.bandwidth(group));
        XmlElement vlan = port.vlan() != null ? port.vlan()
                : PortGroups.vlan(group) != null ? PortGroups.vlan(group) : net.vlan();
        String trust = port.trustGuest() != null ? port.trustGuest()
                : PortGroups.trustGuestRxFilters(group) != null ? PortGroups.trustGuestRxFilters(group)
                : net.trustGuestRxFilters();
        out = out.withDefaults(vlan, port.isolatedPort() != null ? port.isolatedPort() : net.isolatedPort(), trust);
        XmlElement vport = mergedVirtualport(port.virtualport(), net.virtualport(),
                group == null ? null : group.child("virtualport"));
        out = out.withVirtualport(vport);
        Mode mode = net.forward().mode();
        String macTable = net.bridge() == null ? null : net.bridge().macTableManager();
        if (mode.hasOwnBridge()) {
            if (vport != null) {
                throw unsupported("<virtualport type='" + vport.attribute("type")
                        + "'> not supported for network '" + net.name() + "' which uses IP forwarding");
            }
            out = out.withPlug(Plug.bridge(PlugType.NETWORK, net.bridgeName(), macTable));
        } else if (mode == Mode.BRIDGE && net.bridgeName() != null) {
            if (vport != null && !"openvswitch".equals(vport.attribute("type"))) {
                throw unsupported("<virtualport type='" + vport.attribute("type")
                        + "'> not supported for network '" + net.name() + "' which uses a bridge device");
            }
            out = out.withPlug(Plug.bridge(PlugType.BRIDGE, net.bridgeName(), macTable));
        } else if (mode == Mode.HOSTDEV) {
            // an SR-IOV pool (libvirt's hostdev-pci plug) is a definition only in jvirt
            throw unsupported("network '" + net.name() + "' uses forward mode '" + mode.xmlName()
                    + "', whose ports jvirt does not allocate");
        } else {
            out = out.withPlug(direct(net, out, connections));
        }
        return out;
    }

    /**
     * libvirt's virNetDevVPortProfileMerge3 as far as the type goes: the port's own virtual port, else the
     * network's, else its group's; two of different types cannot be merged. A typeless one of the port's
     * own stays when nothing has a type.
     */
    private static XmlElement mergedVirtualport(XmlElement own, XmlElement network, XmlElement group)
            throws VirtException {
        XmlElement merged = null;
        for (XmlElement v : new XmlElement[] {own, network, group}) {
            String type = v == null ? null : v.attribute("type");
            if (type == null) {
                continue;
            }
            if (merged == null) {
                merged = v;
            } else if (!type.equals(merged.attribute("type"))) {
                throw unsupported("attempt to merge virtualports with mismatched types (" + merged.attribute("type")
                        + " and " + type + ")");
            }
        }
        return merged != null ? merged : own;
    }

    /** The direct plug of a macvtap pool's port: libvirt's networkAllocatePort for these forward modes. */
    private static Plug direct(NetworkDef net, NetworkPortDef port, Map<String, Integer> connections)
            throws VirtException {
        Mode mode = net.forward().mode();
        String vport = port.virtualport() == null ? null : port.virtualport().attribute("type");
        if (vport != null && !"802.1Qbg".equals(vport) && !"802.1Qbh".equals(vport)) {
            throw unsupported("<virtualport type='" + vport + "'> not supported for network '" + net.name()
                    + "' which uses a macvtap device");
        }
        List<String> pool = net.forward().devs();
        if (pool.isEmpty()) {
            throw internal("network '" + net.name() + "' uses a direct mode, but has no forward dev and no "
                    + "interface pool");
        }
        String dev = null;
        if (mode == Mode.PASSTHROUGH || mode == Mode.PRIVATE && "802.1Qbh".equals(vport)) {
            // exclusive: the first interface nobody uses
            dev = pool.stream().filter(d -> connections.getOrDefault(d, 0) == 0).findFirst().orElse(null);
        } else {
            // shared: the least used interface, the first of equals
            dev = pool.get(0);
            for (String d : pool) {
                if (connections.getOrDefault(d, 0) < connections.getOrDefault(dev, 0)) {
                    dev = d;
                }
            }
        }
        if (dev == null) {
            throw internal("network '" + net.name() + "' requires exclusive access to interfaces, but none are "
                    + "available");
        }
        return new Plug(PlugType.DIRECT, null, null, dev, mode.xmlName(), null, null, null);
    }

    /** libvirt's networkNotifyPort for a port that already has its plug (a restarted guest's). */
    static NetworkPortDef reclaim(NetworkDef net, NetworkPortDef port, Map<String, Integer> connections)
            throws VirtException {
        Plug plug = port.plug();
        if (plug.type() == PlugType.DIRECT) {
            return reclaimDirect(net, port, connections);
        }
        boolean bridged = plug.type() == PlugType.NETWORK || plug.type() == PlugType.BRIDGE;
        if (!bridged || net.bridgeName() == null || !net.bridgeName().equals(plug.bridge())) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.NETWORK, "Unexpected network port plug '"
                    + plug.type().xmlName() + "' for network '" + net.name() + "'");
        }
        return port;
    }

    /** networkNotifyPort for a direct plug: the device must be the pool's, and free in an exclusive mode. */
    private static NetworkPortDef reclaimDirect(NetworkDef net, NetworkPortDef port, Map<String, Integer> connections)
            throws VirtException {
        String dev = port.plug().dev();
        if (!net.forward().devs().contains(dev)) {
            throw internal("network '" + net.name() + "' doesn't have dev='" + dev + "' in use by network port '"
                    + port.uuid() + "'");
        }
        String vport = port.virtualport() == null ? null : port.virtualport().attribute("type");
        Mode mode = net.forward().mode();
        boolean exclusive = mode == Mode.PASSTHROUGH || mode == Mode.PRIVATE && "802.1Qbh".equals(vport);
        if (exclusive && connections.getOrDefault(dev, 0) > 0) {
            throw internal("network '" + net.name() + "' claims dev='" + dev + "' is already in use by a different "
                    + "port");
        }
        return port;
    }

    private static VirtException internal(String message) {
        return new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.NETWORK, message);
    }

    private static VirtException unsupported(String message) {
        return new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.NETWORK, message);
    }
}
