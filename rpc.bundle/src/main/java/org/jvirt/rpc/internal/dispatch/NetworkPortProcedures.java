package org.jvirt.rpc.internal.dispatch;

import static org.jvirt.rpc.internal.dispatch.Access.READ;
import static org.jvirt.rpc.internal.dispatch.Access.WRITE;

import java.util.List;

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
import org.jvirt.rpc.internal.xdr.XdrException;
import org.jvirt.rpc.internal.xdr.XdrReader;
import org.jvirt.rpc.internal.xdr.XdrWriter;

/**
 * libvirt's network port procedures ({@code REMOTE_PROC_NETWORK_*PORT*}): what virsh's
 * {@code net-port-*} commands and python3-libvirt's virNetworkPort methods call.
 */
final class NetworkPortProcedures {

    void registerInto(ProcedureTable t) {
        ErrorDomain nd = ErrorDomain.NETWORK;
        t.add(RemoteProc.NETWORK_LIST_ALL_PORTS, "virNetworkListAllPorts", READ, nd, (c, a, r) -> {
            Network n = network(c, a);
            boolean needResults = a.readInt() != 0;
            int flags = a.readInt();
            List<NetworkPort> all = n.listAllPorts(flags);
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
            Network n = network(c, a);
            write(r, n.lookupPortByUuid(a.readUuid()));
        });
        t.add(RemoteProc.NETWORK_PORT_CREATE_XML, "virNetworkPortCreateXML", WRITE, nd, (c, a, r) -> {
            Network n = network(c, a);
            String xml = a.readString();
            write(r, n.createPort(xml, a.readInt()));
        });
        t.add(RemoteProc.NETWORK_PORT_GET_PARAMETERS, "virNetworkPortGetParameters", READ, nd, (c, a, r) -> {
            NetworkPort p = port(c, a);
            a.readInt(); // nparams: the API allocates the answer, so libvirtd ignores the caller's size
            List<TypedParameter> params = p.parameters(a.readInt());
            TypedParams.write(r, params);
            r.writeInt(params.size());
        });
        t.add(RemoteProc.NETWORK_PORT_SET_PARAMETERS, "virNetworkPortSetParameters", WRITE, nd, (c, a, r) -> {
            NetworkPort p = port(c, a);
            List<TypedParameter> params = TypedParams.read(a, RemoteProc.NETWORK_PORT_PARAMETERS_MAX);
            p.setParameters(params, a.readInt());
        });
        t.add(RemoteProc.NETWORK_PORT_GET_XML_DESC, "virNetworkPortGetXMLDesc", READ, nd, (c, a, r) -> {
            NetworkPort p = port(c, a);
            r.writeString(p.xmlDesc(a.readInt()));
        });
        t.add(RemoteProc.NETWORK_PORT_DELETE, "virNetworkPortDelete", WRITE, nd, (c, a, r) -> {
            NetworkPort p = port(c, a);
            p.delete(a.readInt());
        });
    }

    private static Network network(ClientContext c, XdrReader a) throws XdrException, VirtException {
        return c.connection().lookupNetworkByUuid(WireNetwork.read(a).uuid());
    }

    /** libvirtd's {@code get_nonnull_network_port}; a port that is not there fails in the call that uses it. */
    private static NetworkPort port(ClientContext c, XdrReader a) throws XdrException, VirtException {
        WireNetworkPort wire = WireNetworkPort.read(a);
        return c.connection().lookupNetworkByUuid(wire.network().uuid()).lookupPortByUuid(wire.uuid());
    }

    private static void write(XdrWriter r, NetworkPort p) {
        Network n = p.network();
        new WireNetworkPort(new WireNetwork(n.name(), n.uuid()), p.uuid()).write(r);
    }
}
