package org.jvirt.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jvirt.api.Connection;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.Network;
import org.jvirt.api.NetworkDhcpLease;
import org.jvirt.api.NetworkPort;
import org.jvirt.api.NetworkUpdateCommand;
import org.jvirt.api.NetworkUpdateSection;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.NetworkRef;

/**
 * The {@link Network} the core hands out: libvirt-network.c's checks (open connection, read-only
 * access, arguments), then the call to the connection's network driver.
 */
final class NetworkFacade implements Network {
    private final ConnectionFacade conn;
    private final NetworkRef ref;

    NetworkFacade(ConnectionFacade conn, NetworkRef ref) {
        this.conn = conn;
        this.ref = ref;
    }

    @Override
    public Connection connection() {
        return conn;
    }

    @Override
    public String name() {
        return ref.name();
    }

    @Override
    public UUID uuid() {
        return ref.uuid();
    }

    @Override
    public String xmlDesc(int flags) throws VirtException {
        return read("virNetworkGetXMLDesc", n -> n.xmlDesc(ref, flags));
    }

    @Override
    public String bridgeName() throws VirtException {
        return read("virNetworkGetBridgeName", n -> n.bridgeName(ref));
    }

    @Override
    public void create(int flags) throws VirtException {
        write("virNetworkCreateWithFlags", n -> {
            n.create(ref, flags);
            return null;
        });
    }

    @Override
    public void destroy() throws VirtException {
        write("virNetworkDestroy", n -> {
            n.destroy(ref);
            return null;
        });
    }

    @Override
    public void undefine() throws VirtException {
        write("virNetworkUndefine", n -> {
            n.undefine(ref);
            return null;
        });
    }

    @Override
    public boolean isActive() throws VirtException {
        return read("virNetworkIsActive", n -> n.isActive(ref));
    }

    @Override
    public boolean isPersistent() throws VirtException {
        return read("virNetworkIsPersistent", n -> n.isPersistent(ref));
    }

    @Override
    public boolean autostart() throws VirtException {
        return read("virNetworkGetAutostart", n -> n.autostart(ref));
    }

    @Override
    public void setAutostart(boolean autostart) throws VirtException {
        write("virNetworkSetAutostart", n -> {
            n.setAutostart(ref, autostart);
            return null;
        });
    }

    @Override
    public List<NetworkDhcpLease> dhcpLeases(String mac, int flags) throws VirtException {
        return read("virNetworkGetDHCPLeases", n -> n.dhcpLeases(ref, mac, flags));
    }

    @Override
    public void update(NetworkUpdateCommand command, NetworkUpdateSection section, int parentIndex, String xml,
                       int flags) throws VirtException {
        String fn = "virNetworkUpdate";
        conn.checkWritable(fn, ErrorDomain.NETWORK);
        Checks.notNull(command, "command", fn, ErrorDomain.NETWORK);
        Checks.notNull(section, "section", fn, ErrorDomain.NETWORK);
        Checks.notNull(xml, "xml", fn, ErrorDomain.NETWORK);
        conn.networkCall(fn, n -> {
            n.update(ref, command, section, parentIndex, xml, flags);
            return null;
        });
    }

    @Override
    public NetworkPort createPort(String xml, int flags) throws VirtException {
        String fn = "virNetworkPortCreateXML";
        conn.checkWritable(fn, ErrorDomain.NETWORK);
        Checks.notNull(xml, "xmldesc", fn, ErrorDomain.NETWORK);
        return port(conn.networkCall(fn, n -> n.createPort(ref, xml, flags)));
    }

    @Override
    public NetworkPort lookupPortByUuid(UUID uuid) throws VirtException {
        String fn = "virNetworkPortLookupByUUID";
        conn.checkOpen(fn, ErrorDomain.NETWORK);
        Checks.notNull(uuid, "uuid", fn, ErrorDomain.NETWORK);
        return port(conn.networkCall(fn, n -> n.lookupPort(ref, uuid)));
    }

    @Override
    public List<NetworkPort> listAllPorts(int flags) throws VirtException {
        List<UUID> ids = read("virNetworkListAllPorts", n -> n.listAllPorts(ref, flags));
        List<NetworkPort> out = new ArrayList<>(ids.size());
        for (UUID id : ids) {
            out.add(port(id));
        }
        return out;
    }

    private NetworkPort port(UUID uuid) {
        return new NetworkPortFacade(conn, this, ref, uuid);
    }

    private <T> T read(String fn, NetworkCall<T> op) throws VirtException {
        conn.checkOpen(fn, ErrorDomain.NETWORK);
        return conn.networkCall(fn, op);
    }

    private <T> T write(String fn, NetworkCall<T> op) throws VirtException {
        conn.checkWritable(fn, ErrorDomain.NETWORK);
        return conn.networkCall(fn, op);
    }

    @Override
    public String toString() {
        return "Network[" + ref.name() + "]";
    }
}
