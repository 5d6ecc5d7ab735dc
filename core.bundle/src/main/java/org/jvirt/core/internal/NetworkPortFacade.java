package org.jvirt.core.internal;

import java.util.List;
import java.util.UUID;

import org.jvirt.api.ErrorDomain;
import org.jvirt.api.Network;
import org.jvirt.api.NetworkPort;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.NetworkRef;

/**
 * The {@link NetworkPort} the core hands out: libvirt-network.c's checks (open connection,
 * read-only access, arguments), then the call to the network driver the connection uses.
 */
final class NetworkPortFacade implements NetworkPort {
    private final ConnectionFacade conn;
    private final Network network;
    private final NetworkRef ref;
    private final UUID uuid;

    NetworkPortFacade(ConnectionFacade conn, Network network, NetworkRef ref, UUID uuid) {
        this.conn = conn;
        this.network = network;
        this.ref = ref;
        this.uuid = uuid;
    }

    @Override
    public Network network() {
        return network;
    }

    @Override
    public UUID uuid() {
        return uuid;
    }

    @Override
    public String xmlDesc(int flags) throws VirtException {
        String fn = "virNetworkPortGetXMLDesc";
        conn.checkOpen(fn, ErrorDomain.NETWORK);
        return conn.networkCall(fn, n -> n.portXmlDesc(ref, uuid, flags));
    }

    @Override
    public void delete(int flags) throws VirtException {
        String fn = "virNetworkPortDelete";
        conn.checkWritable(fn, ErrorDomain.NETWORK);
        conn.networkCall(fn, n -> {
            n.deletePort(ref, uuid, flags);
            return null;
        });
    }

    @Override
    public List<TypedParameter> parameters(int flags) throws VirtException {
        String fn = "virNetworkPortGetParameters";
        conn.checkOpen(fn, ErrorDomain.NETWORK);
        return conn.networkCall(fn, n -> List.copyOf(n.portParameters(ref, uuid, flags)));
    }

    @Override
    public void setParameters(List<TypedParameter> params, int flags) throws VirtException {
        String fn = "virNetworkPortSetParameters";
        conn.checkWritable(fn, ErrorDomain.NETWORK);
        Checks.notNull(params, "params", fn, ErrorDomain.NETWORK);
        conn.networkCall(fn, n -> {
            n.setPortParameters(ref, uuid, List.copyOf(params), flags);
            return null;
        });
    }

    @Override
    public String toString() {
        return "NetworkPort[" + ref.name() + "/" + uuid + "]";
    }
}
