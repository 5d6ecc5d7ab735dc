package org.jvirt.network.internal;

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
 * device see the group's QoS.
 */
final class PortAllocation {
    private PortAllocation() {
    }

    static NetworkPortDef allocate(NetworkDef net, NetworkPortDef port) throws VirtException {
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
        Mode mode = net.forward().mode();
        String macTable = net.bridge() == null ? null : net.bridge().macTableManager();
        if (mode.hasOwnBridge()) {
            if (port.virtualport() != null) {
                throw unsupported("<virtualport type='" + port.virtualport().attribute("type")
                        + "'> not supported for network '" + net.name() + "' which uses IP forwarding");
            }
            out = out.withPlug(Plug.bridge(PlugType.NETWORK, net.bridgeName(), macTable));
        } else if (mode == Mode.BRIDGE && net.bridgeName() != null) {
            if (port.virtualport() != null && !"openvswitch".equals(port.virtualport().attribute("type"))) {
                throw unsupported("<virtualport type='" + port.virtualport().attribute("type")
                        + "'> not supported for network '" + net.name() + "' which uses a bridge device");
            }
            out = out.withPlug(Plug.bridge(PlugType.BRIDGE, net.bridgeName(), macTable));
        } else {
            // macvtap and SR-IOV pools (libvirt's direct and hostdev-pci plugs) are definitions only in jvirt
            throw unsupported("network '" + net.name() + "' uses forward mode '" + mode.xmlName()
                    + "', whose ports jvirt does not allocate");
        }
        return out;
    }

    /** libvirt's networkNotifyPort for a port that already has its plug (a restarted guest's). */
    static NetworkPortDef reclaim(NetworkDef net, NetworkPortDef port) throws VirtException {
        Plug plug = port.plug();
        boolean bridged = plug.type() == PlugType.NETWORK || plug.type() == PlugType.BRIDGE;
        if (!bridged || net.bridgeName() == null || !net.bridgeName().equals(plug.bridge())) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.NETWORK, "Unexpected network port plug '"
                    + plug.type().xmlName() + "' for network '" + net.name() + "'");
        }
        return port;
    }

    private static VirtException unsupported(String message) {
        return new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.NETWORK, message);
    }
}
