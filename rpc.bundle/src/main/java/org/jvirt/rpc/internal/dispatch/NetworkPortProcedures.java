package org.jvirt.rpc.internal.dispatch;

import static org.jvirt.rpc.internal.dispatch.Access.READ;
import static org.jvirt.rpc.internal.dispatch.Access.WRITE;

import java.util.List;
import java.util.UUID;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.Network;
import org.jvirt.api.NetworkPort;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.internal.wire.RemoteProc;
import org.jvirt.rpc.internal.wire.TypedParams;
import org.jvirt.rpc.internal.wire.WireNetwork;
import org.jvirt.rpc.internal.wire.WireNetworkPort;
import org.jvirt.rpc.internal.xdr.XdrWriter;

/**
 * libvirt's network port procedures ({@code REMOTE_PROC_NETWORK_*PORT*}): what virsh's
 * {@code net-port-*} commands and python3-libvirt's virNetworkPort methods call.
 */
final class NetworkPortProcedures {

    void registerInto(ProcedureTable t) {
        ErrorDomain nd = ErrorDomain.NETWORK;
        t.add(RemoteProc.NETWORK_LIST_ALL_PORTS, "virNetworkListAllPorts", READ, nd, (c, a, r) -> {
            WireNetwork net = WireNetwork.read(a);
            boolean needResults = a.readInt() != 0;
            int flags = a.readInt();
            List<NetworkPort> all = network(c, net).listAllPorts(flags);
            if (all.size() > RemoteProc.NETWORK_PORT_LIST_MAX) {
                throw new VirtException(ErrorCode.RPC, ErrorDomain.REMOTE, "too many network ports '" + all.size()
                        + "' for limit '" + RemoteProc.NETWORK_PORT_LIST_MAX + "'");
            }
            r.writeInt(needResults ? all.size() : 0);
            for (int i = 0; needResults && i < all.size(); i++) {
                write(r, all.get(i));
            }
            r.writeInt(all.size());
        });
        t.add(RemoteProc.NETWORK_PORT_LOOKUP_BY_UUID, "virNetworkPortLookupByUUID", READ, nd, (c, a, r) -> {
            WireNetwork net = WireNetwork.read(a);
            UUID uuid = a.readUuid();
            write(r, network(c, net).lookupPortByUuid(uuid));
        });
        t.add(RemoteProc.NETWORK_PORT_CREATE_XML, "virNetworkPortCreateXML", WRITE, nd, (c, a, r) -> {
            WireNetwork net = WireNetwork.read(a);
            String xml = a.readString();
            int flags = a.readInt();
            write(r, network(c, net).createPort(xml, flags));
        });
        t.add(RemoteProc.NETWORK_PORT_GET_PARAMETERS, "virNetworkPortGetParameters", READ, nd, (c, a, r) -> {
            WireNetworkPort port = WireNetworkPort.read(a);
            a.readInt(); // nparams: the API allocates the answer, so libvirtd ignores the caller's size
            int flags = a.readInt();
            List<TypedParameter> params = port(c, port).parameters(flags);
            TypedParams.write(r, params);
            r.writeInt(params.size());
        });
        t.add(RemoteProc.NETWORK_PORT_SET_PARAMETERS, "virNetworkPortSetParameters", WRITE, nd, (c, a, r) -> {
            WireNetworkPort port = WireNetworkPort.read(a);
            List<TypedParameter> params = TypedParams.read(a, RemoteProc.NETWORK_PORT_PARAMETERS_MAX);
            int flags = a.readInt();
            port(c, port).setParameters(params, flags);
        });
        t.add(RemoteProc.NETWORK_PORT_GET_XML_DESC, "virNetworkPortGetXMLDesc", READ, nd, (c, a, r) -> {
            WireNetworkPort port = WireNetworkPort.read(a);
            int flags = a.readInt();
            r.writeString(port(c, port).xmlDesc(flags));
        });
        t.add(RemoteProc.NETWORK_PORT_DELETE, "virNetworkPortDelete", WRITE, nd, (c, a, r) -> {
            WireNetworkPort port = WireNetworkPort.read(a);
            int flags = a.readInt();
            port(c, port).delete(flags);
        });
    }

    // every handler decodes all its arguments before it looks anything up, as libvirtd's generated
    // dispatchers do (a malformed call is an RPC error whatever the objects)

    /** libvirtd's {@code get_nonnull_network}: a handle without a lookup, so the driver answers first. */
    private static Network network(ClientContext c, WireNetwork net) throws VirtException {
        return c.connection().network(net.name(), net.uuid());
    }

    /** libvirtd's {@code get_nonnull_network_port}, then the driver's lookup (its "port not found"). */
    private static NetworkPort port(ClientContext c, WireNetworkPort wire) throws VirtException {
        return network(c, wire.network()).lookupPortByUuid(wire.uuid());
    }

    private static void write(XdrWriter r, NetworkPort p) {
        Network n = p.network();
        new WireNetworkPort(new WireNetwork(n.name(), n.uuid()), p.uuid()).write(r);
    }
}
