package org.jvirt.rpc.internal.client;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.NetworkDhcpLease;
import org.jvirt.api.NetworkUpdateCommand;
import org.jvirt.api.NetworkUpdateSection;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.NetworkDriverConnection;
import org.jvirt.api.spi.NetworkEventSink;
import org.jvirt.api.spi.NetworkRef;
import org.jvirt.rpc.internal.wire.Message;
import org.jvirt.rpc.internal.wire.RemoteProc;
import org.jvirt.rpc.internal.wire.TypedParams;
import org.jvirt.rpc.internal.wire.WireNetwork;
import org.jvirt.rpc.internal.wire.WireNetworkPort;
import org.jvirt.rpc.internal.xdr.XdrException;
import org.jvirt.rpc.internal.xdr.XdrReader;
import org.jvirt.rpc.internal.xdr.XdrWriter;

/**
 * The networks of the daemon a remote connection talks to: libvirt's remote driver as the network
 * driver of its connections ({@code remoteNetworkDriver}), over the network and network port
 * procedures, with the daemon's network lifecycle events ({@link RemoteNetworkEvents}).
 */
final class RemoteNetworks implements NetworkDriverConnection {
    private final RemoteCalls rpc;
    private final RemoteNetworkEvents events;

    RemoteNetworks(RemoteCalls rpc) {
        this.rpc = rpc;
        this.events = new RemoteNetworkEvents(rpc);
    }

    @Override
    public void setEventSink(NetworkEventSink sink) {
        events.setEventSink(sink);
    }

    /** Delivers a network event message; false when {@code m} is not one. */
    boolean onMessage(Message m) {
        return events.onMessage(m);
    }

    @Override
    public UUID createPort(NetworkRef network, String xml, int flags) throws VirtException {
        return port(RemoteProc.NETWORK_PORT_CREATE_XML, args(network).writeString(xml).writeInt(flags));
    }

    @Override
    public UUID lookupPort(NetworkRef network, UUID port) throws VirtException {
        return port(RemoteProc.NETWORK_PORT_LOOKUP_BY_UUID, args(network).writeUuid(port));
    }

    @Override
    public List<UUID> listAllPorts(NetworkRef network, int flags) throws VirtException {
        XdrReader r = rpc.call(RemoteProc.NETWORK_LIST_ALL_PORTS, args(network).writeInt(1).writeInt(flags));
        return rpc.decode(() -> {
            int n = r.readCount(RemoteProc.NETWORK_PORT_LIST_MAX, 24, "ports");
            List<UUID> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(WireNetworkPort.read(r).uuid());
            }
            r.readInt();
            return out;
        });
    }

    @Override
    public String portXmlDesc(NetworkRef network, UUID port, int flags) throws VirtException {
        return rpc.string(RemoteProc.NETWORK_PORT_GET_XML_DESC, portArgs(network, port).writeInt(flags));
    }

    @Override
    public void deletePort(NetworkRef network, UUID port, int flags) throws VirtException {
        rpc.call(RemoteProc.NETWORK_PORT_DELETE, portArgs(network, port).writeInt(flags));
    }

    @Override
    public List<TypedParameter> portParameters(NetworkRef network, UUID port, int flags) throws VirtException {
        XdrReader r = rpc.call(RemoteProc.NETWORK_PORT_GET_PARAMETERS, portArgs(network, port)
                .writeInt(RemoteProc.NETWORK_PORT_PARAMETERS_MAX).writeInt(flags));
        return rpc.decode(() -> {
            List<TypedParameter> params;
            try {
                params = TypedParams.read(r, RemoteProc.NETWORK_PORT_PARAMETERS_MAX);
            } catch (VirtException e) {
                throw new XdrException(e.getMessage());
            }
            r.readInt();
            return params;
        });
    }

    @Override
    public void setPortParameters(NetworkRef network, UUID port, List<TypedParameter> params, int flags)
            throws VirtException {
        XdrWriter w = portArgs(network, port);
        TypedParams.write(w, params);
        rpc.call(RemoteProc.NETWORK_PORT_SET_PARAMETERS, w.writeInt(flags));
    }

    private UUID port(int proc, XdrWriter args) throws VirtException {
        XdrReader r = rpc.call(proc, args);
        return rpc.decode(() -> WireNetworkPort.read(r).uuid());
    }

    private static XdrWriter portArgs(NetworkRef n, UUID port) {
        XdrWriter w = new XdrWriter();
        new WireNetworkPort(new WireNetwork(n.name(), n.uuid()), port).write(w);
        return w;
    }

    @Override
    public List<NetworkRef> listAllNetworks(int flags) throws VirtException {
        XdrReader r = rpc.call(RemoteProc.CONNECT_LIST_ALL_NETWORKS, new XdrWriter().writeInt(1).writeInt(flags));
        return rpc.decode(() -> {
            int n = r.readCount(RemoteProc.NETWORK_LIST_MAX, 20, "networks");
            List<NetworkRef> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(ref(WireNetwork.read(r)));
            }
            r.readInt();
            return out;
        });
    }

    @Override
    public NetworkRef lookupByName(String name) throws VirtException {
        return network(RemoteProc.NETWORK_LOOKUP_BY_NAME, new XdrWriter().writeString(name));
    }

    @Override
    public NetworkRef lookupByUuid(UUID uuid) throws VirtException {
        return network(RemoteProc.NETWORK_LOOKUP_BY_UUID, new XdrWriter().writeUuid(uuid));
    }

    @Override
    public NetworkRef defineXml(String xml, int flags) throws VirtException {
        // the old procedure without flags, as libvirt's client, so that older daemons understand it
        return flags == 0 ? network(RemoteProc.NETWORK_DEFINE_XML, new XdrWriter().writeString(xml))
                : network(RemoteProc.NETWORK_DEFINE_XML_FLAGS, new XdrWriter().writeString(xml).writeInt(flags));
    }

    @Override
    public NetworkRef createXml(String xml, int flags) throws VirtException {
        return flags == 0 ? network(RemoteProc.NETWORK_CREATE_XML, new XdrWriter().writeString(xml))
                : network(RemoteProc.NETWORK_CREATE_XML_FLAGS, new XdrWriter().writeString(xml).writeInt(flags));
    }

    @Override
    public void create(NetworkRef network, int flags) throws VirtException {
        if (flags != 0) {
            throw new VirtException(ErrorCode.INVALID_ARG.number(), ErrorDomain.NETWORK.number(),
                    "unsupported flags (0x" + Integer.toHexString(flags) + ") in function remoteNetworkCreate");
        }
        rpc.call(RemoteProc.NETWORK_CREATE, args(network));
    }

    @Override
    public void destroy(NetworkRef network) throws VirtException {
        rpc.call(RemoteProc.NETWORK_DESTROY, args(network));
    }

    @Override
    public void undefine(NetworkRef network) throws VirtException {
        rpc.call(RemoteProc.NETWORK_UNDEFINE, args(network));
    }

    @Override
    public String xmlDesc(NetworkRef network, int flags) throws VirtException {
        return rpc.string(RemoteProc.NETWORK_GET_XML_DESC, args(network).writeInt(flags));
    }

    @Override
    public String bridgeName(NetworkRef network) throws VirtException {
        return rpc.string(RemoteProc.NETWORK_GET_BRIDGE_NAME, args(network));
    }

    @Override
    public boolean isActive(NetworkRef network) throws VirtException {
        return bool(RemoteProc.NETWORK_IS_ACTIVE, network);
    }

    @Override
    public boolean isPersistent(NetworkRef network) throws VirtException {
        return bool(RemoteProc.NETWORK_IS_PERSISTENT, network);
    }

    @Override
    public boolean autostart(NetworkRef network) throws VirtException {
        return bool(RemoteProc.NETWORK_GET_AUTOSTART, network);
    }

    @Override
    public void setAutostart(NetworkRef network, boolean autostart) throws VirtException {
        rpc.call(RemoteProc.NETWORK_SET_AUTOSTART, args(network).writeInt(autostart ? 1 : 0));
    }

    @Override
    public List<NetworkDhcpLease> dhcpLeases(NetworkRef network, String mac, int flags) throws VirtException {
        XdrReader r = rpc.call(RemoteProc.NETWORK_GET_DHCP_LEASES, args(network).writeOptString(mac).writeInt(1)
                .writeInt(flags));
        return rpc.decode(() -> {
            int n = r.readCount(RemoteProc.NETWORK_DHCP_LEASES_MAX, 40, "leases");
            List<NetworkDhcpLease> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(new NetworkDhcpLease(r.readString(), r.readHyper(), r.readInt(), r.readOptString(),
                        r.readOptString(), r.readString(), r.readInt(), r.readOptString(), r.readOptString()));
            }
            r.readInt();
            return out;
        });
    }

    @Override
    public void update(NetworkRef network, NetworkUpdateCommand command, NetworkUpdateSection section,
                       int parentIndex, String xml, int flags) throws VirtException {
        rpc.call(RemoteProc.NETWORK_UPDATE, args(network).writeInt(command.number()).writeInt(section.number())
                .writeInt(parentIndex).writeString(xml).writeInt(flags));
    }

    private boolean bool(int proc, NetworkRef network) throws VirtException {
        XdrReader r = rpc.call(proc, args(network));
        return rpc.decode(r::readInt) != 0;
    }

    private NetworkRef network(int proc, XdrWriter args) throws VirtException {
        XdrReader r = rpc.call(proc, args);
        return ref(rpc.decode(() -> WireNetwork.read(r)));
    }

    private static XdrWriter args(NetworkRef n) {
        XdrWriter w = new XdrWriter();
        new WireNetwork(n.name(), n.uuid()).write(w);
        return w;
    }

    private static NetworkRef ref(WireNetwork n) {
        return new NetworkRef(n.name(), n.uuid());
    }
}
