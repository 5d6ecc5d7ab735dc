package org.jvirt.network.internal;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.network.internal.conf.NetworkDef;
import org.jvirt.network.internal.conf.NetworkDef.Mode;
import org.jvirt.network.internal.conf.NetworkPortDef;
import org.jvirt.network.internal.conf.NetworkPortDef.Plug;
import org.jvirt.network.internal.conf.NetworkPortDef.PlugType;

/**
 * How a new port plugs into a running network: libvirt's networkAllocatePort (the network decides
 * the plug, and the port inherits the network's VLAN, rxfilter trust and port isolation when it has
 * none of its own) and networkNotifyPort (a reclaimed port keeps its plug, which must be the network's).
 * Port groups are kept verbatim by jvirt's network definitions, so a port takes nothing from them.
 */
final class PortAllocation {
    private PortAllocation() {
    }

    static NetworkPortDef allocate(NetworkDef net, NetworkPortDef port) throws VirtException {
        NetworkPortDef out = port.withDefaults(port.vlan() != null ? port.vlan() : net.vlan(),
                port.isolatedPort() != null ? port.isolatedPort() : net.isolatedPort(),
                port.trustGuest() != null ? port.trustGuest() : net.trustGuestRxFilters());
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
