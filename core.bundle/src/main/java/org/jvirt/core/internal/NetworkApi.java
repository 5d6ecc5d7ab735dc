package org.jvirt.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.Network;
import org.jvirt.api.NetworkEventListener;
import org.jvirt.api.NetworkListFlag;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.NetworkRef;

/**
 * The network methods of a {@link ConnectionFacade}: libvirt-network.c's checks (open connection,
 * read-only access, arguments), then the call to the connection's network driver.
 */
final class NetworkApi {
    private final ConnectionFacade conn;
    private final NetworkAccess access;

    NetworkApi(ConnectionFacade conn, NetworkAccess access) {
        this.conn = conn;
        this.access = access;
    }

    /** Whether calls have a network driver to go to (NO_SUPPORT is the answer "no"). */
    boolean hasDriver() throws VirtException {
        String fn = "virConnectSupportsFeature";
        conn.checkOpen(fn, ErrorDomain.NETWORK);
        try {
            return conn.networkCall(fn, n -> true);
        } catch (VirtException e) {
            if (e.code() == ErrorCode.NO_SUPPORT) {
                return false;
            }
            throw e;
        }
    }

    Network network(NetworkRef ref) {
        return new NetworkFacade(conn, ref);
    }

    List<Network> listAll(int flags) throws VirtException {
        String fn = "virConnectListAllNetworks";
        conn.checkOpen(fn, ErrorDomain.NETWORK);
        return conn.networkCall(fn, n -> {
            List<Network> out = new ArrayList<>();
            for (NetworkRef ref : n.listAllNetworks(flags)) {
                out.add(new NetworkFacade(conn, ref));
            }
            return out;
        });
    }

    int count(boolean active) throws VirtException {
        String fn = active ? "virConnectNumOfNetworks" : "virConnectNumOfDefinedNetworks";
        conn.checkOpen(fn, ErrorDomain.NETWORK);
        int flag = active ? NetworkListFlag.ACTIVE.bit() : NetworkListFlag.INACTIVE.bit();
        return conn.networkCall(fn, n -> n.listAllNetworks(flag).size());
    }

    Network define(String xml, int flags) throws VirtException {
        String fn = "virNetworkDefineXMLFlags";
        conn.checkWritable(fn, ErrorDomain.NETWORK);
        Checks.notNull(xml, "xml", fn, ErrorDomain.NETWORK);
        return new NetworkFacade(conn, conn.networkCall(fn, n -> n.defineXml(xml, flags)));
    }

    Network create(String xml, int flags) throws VirtException {
        String fn = "virNetworkCreateXMLFlags";
        conn.checkWritable(fn, ErrorDomain.NETWORK);
        Checks.notNull(xml, "xmlDesc", fn, ErrorDomain.NETWORK);
        return new NetworkFacade(conn, conn.networkCall(fn, n -> n.createXml(xml, flags)));
    }

    Network lookupByName(String name) throws VirtException {
        String fn = "virNetworkLookupByName";
        conn.checkOpen(fn, ErrorDomain.NETWORK);
        Checks.notNull(name, "name", fn, ErrorDomain.NETWORK);
        return new NetworkFacade(conn, conn.networkCall(fn, n -> n.lookupByName(name)));
    }

    Network lookupByUuid(UUID uuid) throws VirtException {
        String fn = "virNetworkLookupByUUID";
        conn.checkOpen(fn, ErrorDomain.NETWORK);
        Checks.notNull(uuid, "uuid", fn, ErrorDomain.NETWORK);
        return new NetworkFacade(conn, conn.networkCall(fn, n -> n.lookupByUuid(uuid)));
    }

    int addListener(NetworkEventListener listener) throws VirtException {
        String fn = "virConnectNetworkEventRegisterAny";
        conn.checkOpen(fn, ErrorDomain.NETWORK);
        Checks.notNull(listener, "callback", fn, ErrorDomain.NETWORK);
        int id = access.add(listener);
        try {
            conn.networkCall(fn, n -> null); // resolving the driver hands it the sink
        } catch (VirtException e) {
            access.remove(id);
            throw e;
        }
        return id;
    }

    void removeListener(int callbackId) throws VirtException {
        String fn = "virConnectNetworkEventDeregisterAny";
        conn.checkOpen(fn, ErrorDomain.NETWORK);
        Checks.nonNegative(callbackId, "callbackID", fn, ErrorDomain.NETWORK);
        if (!access.remove(callbackId)) {
            throw Checks.invalid("could not find event callback " + callbackId + " for deletion", ErrorDomain.NETWORK);
        }
    }
}
