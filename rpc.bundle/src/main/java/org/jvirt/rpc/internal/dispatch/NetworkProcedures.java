package org.jvirt.rpc.internal.dispatch;

import static org.jvirt.rpc.internal.dispatch.Access.READ;
import static org.jvirt.rpc.internal.dispatch.Access.WRITE;

import java.util.List;
import java.util.UUID;

import org.jvirt.api.Connection;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.Network;
import org.jvirt.api.NetworkDhcpLease;
import org.jvirt.api.NetworkEvent;
import org.jvirt.api.NetworkEventType;
import org.jvirt.api.NetworkListFlag;
import org.jvirt.api.NetworkUpdateCommand;
import org.jvirt.api.NetworkUpdateSection;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.internal.wire.RemoteProc;
import org.jvirt.rpc.internal.wire.WireNetwork;
import org.jvirt.rpc.internal.xdr.XdrException;
import org.jvirt.rpc.internal.xdr.XdrReader;
import org.jvirt.rpc.internal.xdr.XdrWriter;

/**
 * libvirt's network procedures ({@code REMOTE_PROC_*NETWORK*}): what virsh's {@code net-*} commands
 * and python3-libvirt's virNetwork methods call. Changes need a read-write connection, refused in
 * libvirt's network error domain.
 */
final class NetworkProcedures {

    void registerInto(ProcedureTable t) {
        ErrorDomain nd = ErrorDomain.NETWORK;
        t.add(RemoteProc.CONNECT_NUM_OF_NETWORKS, "virConnectNumOfNetworks", READ, nd,
                (c, a, r) -> r.writeInt(c.connection().numOfNetworks()));
        t.add(RemoteProc.CONNECT_NUM_OF_DEFINED_NETWORKS, "virConnectNumOfDefinedNetworks", READ, nd,
                (c, a, r) -> r.writeInt(c.connection().numOfDefinedNetworks()));
        t.add(RemoteProc.CONNECT_LIST_NETWORKS, "virConnectListNetworks", READ, nd,
                (c, a, r) -> names(c.connection(), a.readInt(), NetworkListFlag.ACTIVE, r));
        t.add(RemoteProc.CONNECT_LIST_DEFINED_NETWORKS, "virConnectListDefinedNetworks", READ, nd,
                (c, a, r) -> names(c.connection(), a.readInt(), NetworkListFlag.INACTIVE, r));
        t.add(RemoteProc.CONNECT_LIST_ALL_NETWORKS, "virConnectListAllNetworks", READ, nd, (c, a, r) -> {
            boolean needResults = a.readInt() != 0;
            int flags = a.readInt();
            List<Network> all = c.connection().listAllNetworks(flags);
            if (all.size() > RemoteProc.NETWORK_LIST_MAX) {
                throw new VirtException(ErrorCode.RPC, ErrorDomain.REMOTE,
                        "too many networks '" + all.size() + "' for limit '" + RemoteProc.NETWORK_LIST_MAX + "'");
            }
            r.writeInt(needResults ? all.size() : 0);
            for (int i = 0; needResults && i < all.size(); i++) {
                write(r, all.get(i));
            }
            r.writeInt(all.size());
        });
        t.add(RemoteProc.NETWORK_LOOKUP_BY_NAME, "virNetworkLookupByName", READ, nd,
                (c, a, r) -> write(r, c.connection().lookupNetworkByName(a.readString())));
        t.add(RemoteProc.NETWORK_LOOKUP_BY_UUID, "virNetworkLookupByUUID", READ, nd,
                (c, a, r) -> write(r, c.connection().lookupNetworkByUuid(a.readUuid())));
        t.add(RemoteProc.NETWORK_DEFINE_XML, "virNetworkDefineXML", WRITE, nd,
                (c, a, r) -> write(r, c.connection().defineNetwork(a.readString(), 0)));
        t.add(RemoteProc.NETWORK_DEFINE_XML_FLAGS, "virNetworkDefineXMLFlags", WRITE, nd, (c, a, r) -> {
            String xml = a.readString();
            write(r, c.connection().defineNetwork(xml, a.readInt()));
        });
        t.add(RemoteProc.NETWORK_CREATE_XML, "virNetworkCreateXML", WRITE, nd,
                (c, a, r) -> write(r, c.connection().createNetwork(a.readString(), 0)));
        t.add(RemoteProc.NETWORK_CREATE_XML_FLAGS, "virNetworkCreateXMLFlags", WRITE, nd, (c, a, r) -> {
            String xml = a.readString();
            write(r, c.connection().createNetwork(xml, a.readInt()));
        });
        t.add(RemoteProc.NETWORK_CREATE, "virNetworkCreate", WRITE, nd, (c, a, r) -> network(c, a).create(0));
        t.add(RemoteProc.NETWORK_DESTROY, "virNetworkDestroy", WRITE, nd, (c, a, r) -> network(c, a).destroy());
        t.add(RemoteProc.NETWORK_UNDEFINE, "virNetworkUndefine", WRITE, nd, (c, a, r) -> network(c, a).undefine());
        t.add(RemoteProc.NETWORK_GET_XML_DESC, "virNetworkGetXMLDesc", READ, nd, (c, a, r) -> {
            Network n = network(c, a);
            r.writeString(n.xmlDesc(a.readInt()));
        });
        t.add(RemoteProc.NETWORK_GET_BRIDGE_NAME, "virNetworkGetBridgeName", READ, nd,
                (c, a, r) -> r.writeString(network(c, a).bridgeName()));
        t.add(RemoteProc.NETWORK_GET_AUTOSTART, "virNetworkGetAutostart", READ, nd,
                (c, a, r) -> r.writeInt(network(c, a).autostart() ? 1 : 0));
        t.add(RemoteProc.NETWORK_SET_AUTOSTART, "virNetworkSetAutostart", WRITE, nd, (c, a, r) -> {
            Network n = network(c, a);
            n.setAutostart(a.readInt() != 0);
        });
        t.add(RemoteProc.NETWORK_IS_ACTIVE, "virNetworkIsActive", READ, nd,
                (c, a, r) -> r.writeInt(network(c, a).isActive() ? 1 : 0));
        t.add(RemoteProc.NETWORK_IS_PERSISTENT, "virNetworkIsPersistent", READ, nd,
                (c, a, r) -> r.writeInt(network(c, a).isPersistent() ? 1 : 0));
        t.add(RemoteProc.NETWORK_UPDATE, "virNetworkUpdate", WRITE, nd, (c, a, r) -> {
            Network n = network(c, a);
            int command = a.readInt();
            int section = a.readInt();
            int parentIndex = a.readInt();
            String xml = a.readString();
            int flags = a.readInt();
            // libvirtd passes the numbers on: the driver checks its flags and finds the network first,
            // then refuses a command or section it does not know (NONE stands for every such number)
            NetworkUpdateCommand cmd = NetworkUpdateCommand.ofNumber(command);
            NetworkUpdateSection sec = NetworkUpdateSection.ofNumber(section);
            n.update(cmd == null ? NetworkUpdateCommand.NONE : cmd, sec == null ? NetworkUpdateSection.NONE : sec,
                    parentIndex, xml, flags);
        });
        t.add(RemoteProc.NETWORK_GET_DHCP_LEASES, "virNetworkGetDHCPLeases", READ, nd, (c, a, r) -> {
            Network n = network(c, a);
            String mac = a.readOptString();
            boolean needResults = a.readInt() != 0;
            int flags = a.readInt();
            List<NetworkDhcpLease> leases = n.dhcpLeases(mac, flags);
            if (leases.size() > RemoteProc.NETWORK_DHCP_LEASES_MAX) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC, "Number of leases is "
                        + leases.size() + ", which exceeds max limit: " + RemoteProc.NETWORK_DHCP_LEASES_MAX);
            }
            r.writeInt(needResults ? leases.size() : 0);
            for (int i = 0; needResults && i < leases.size(); i++) {
                NetworkDhcpLease l = leases.get(i);
                r.writeString(l.iface()).writeHyper(l.expiryTime()).writeInt(l.type()).writeOptString(l.mac())
                        .writeOptString(l.iaid()).writeString(l.ipaddr()).writeInt(l.prefix())
                        .writeOptString(l.hostname()).writeOptString(l.clientid());
            }
            r.writeInt(leases.size());
        });
        registerEvents(t);
    }

    /** remoteDispatchConnectNetworkEventRegisterAny / DeregisterAny; libvirt 9.0 has the lifecycle event only. */
    private static void registerEvents(ProcedureTable t) {
        ErrorDomain nd = ErrorDomain.NETWORK;
        t.add(RemoteProc.CONNECT_NETWORK_EVENT_REGISTER_ANY, "virConnectNetworkEventRegisterAny", READ, nd,
                (c, a, r) -> {
                    int eventId = a.readInt();
                    WireNetwork filter = WireNetwork.readOptional(a);
                    if (eventId != NetworkEventType.ID_LIFECYCLE) {
                        throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC,
                                "unsupported network event ID " + eventId);
                    }
                    UUID only = filter == null ? null : filter.uuid();
                    r.writeInt(c.addNetworkEventListener(id -> (net, ev) -> {
                        if (only == null || only.equals(ev.uuid())) {
                            send(c, id, ev);
                        }
                    }));
                });
        t.add(RemoteProc.CONNECT_NETWORK_EVENT_DEREGISTER_ANY, "virConnectNetworkEventDeregisterAny", READ, nd,
                (c, a, r) -> {
                    int callbackId = a.readInt();
                    if (!c.removeNetworkEventListener(callbackId)) {
                        throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC,
                                "network event callback " + callbackId + " not registered");
                    }
                });
    }

    /** remote_network_event_lifecycle_msg (libvirt's lifecycle events have no detail: 0). */
    private static void send(ClientContext c, int callbackId, NetworkEvent ev) {
        XdrWriter w = new XdrWriter(96);
        w.writeInt(callbackId);
        new WireNetwork(ev.name(), ev.uuid()).write(w);
        w.writeInt(ev.type().number()).writeInt(0);
        c.sendEvent(RemoteProc.NETWORK_EVENT_LIFECYCLE, w.toByteArray());
    }

    private static void names(Connection conn, int max, NetworkListFlag which, XdrWriter r) throws VirtException {
        if (max > RemoteProc.NETWORK_LIST_MAX) {
            throw new VirtException(ErrorCode.RPC, ErrorDomain.RPC, "maxnames > REMOTE_NETWORK_LIST_MAX");
        }
        if (max < 0) {
            throw new VirtException(ErrorCode.RPC, ErrorDomain.RPC, "maxnames must be non-negative");
        }
        List<Network> all = conn.listAllNetworks(which.bit());
        int n = Math.min(max, all.size());
        r.writeInt(n);
        for (int i = 0; i < n; i++) {
            r.writeString(all.get(i).name());
        }
    }

    /**
     * libvirtd's {@code get_nonnull_network}: a handle without a lookup, so that the driver checks a
     * call's flags before it finds the network, as libvirt's drivers do.
     */
    private static Network network(ClientContext c, XdrReader a) throws XdrException, VirtException {
        WireNetwork w = WireNetwork.read(a);
        return c.connection().network(w.name(), w.uuid());
    }

    private static void write(XdrWriter r, Network n) {
        new WireNetwork(n.name(), n.uuid()).write(r);
    }
}
