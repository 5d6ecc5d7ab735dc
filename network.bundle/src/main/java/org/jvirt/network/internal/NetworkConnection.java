package org.jvirt.network.internal;

import java.util.List;
import java.util.UUID;

import org.jvirt.api.NetworkDhcpLease;
import org.jvirt.api.NetworkUpdateCommand;
import org.jvirt.api.NetworkUpdateSection;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.NetworkDriverConnection;
import org.jvirt.api.spi.NetworkEventSink;
import org.jvirt.api.spi.NetworkRef;
import org.jvirt.api.xml.NetBandwidth;

/** One caller connection's use of the host's networks; it owns only its event registration. */
final class NetworkConnection implements NetworkDriverConnection {
    private final NetworkService service;
    private NetworkEventSink sink;

    NetworkConnection(NetworkService service) {
        this.service = service;
    }

    @Override
    public List<NetworkRef> listAllNetworks(int flags) throws VirtException {
        return service.list(flags);
    }

    @Override
    public NetworkRef lookupByName(String name) throws VirtException {
        return service.lookupByName(name);
    }

    @Override
    public NetworkRef lookupByUuid(UUID uuid) throws VirtException {
        return service.lookupByUuid(uuid);
    }

    @Override
    public NetworkRef defineXml(String xml, int flags) throws VirtException {
        return service.define(xml, flags);
    }

    @Override
    public NetworkRef createXml(String xml, int flags) throws VirtException {
        return service.createTransient(xml, flags);
    }

    @Override
    public void create(NetworkRef network, int flags) throws VirtException {
        service.start(network, flags);
    }

    @Override
    public void destroy(NetworkRef network) throws VirtException {
        service.destroy(network);
    }

    @Override
    public void undefine(NetworkRef network) throws VirtException {
        service.undefine(network);
    }

    @Override
    public String xmlDesc(NetworkRef network, int flags) throws VirtException {
        return service.xml(network, flags);
    }

    @Override
    public String bridgeName(NetworkRef network) throws VirtException {
        return service.bridgeName(network);
    }

    @Override
    public boolean isActive(NetworkRef network) throws VirtException {
        return service.isActive(network);
    }

    @Override
    public boolean isPersistent(NetworkRef network) throws VirtException {
        return service.isPersistent(network);
    }

    @Override
    public boolean autostart(NetworkRef network) throws VirtException {
        return service.autostart(network);
    }

    @Override
    public void setAutostart(NetworkRef network, boolean autostart) throws VirtException {
        service.setAutostart(network, autostart);
    }

    @Override
    public List<NetworkDhcpLease> dhcpLeases(NetworkRef network, String mac, int flags) throws VirtException {
        return service.leases(network, mac, flags);
    }

    @Override
    public void update(NetworkRef network, NetworkUpdateCommand command, NetworkUpdateSection section,
                       int parentIndex, String xml, int flags) throws VirtException {
        service.update(network, command, section, parentIndex, xml, flags);
    }

    @Override
    public UUID createPort(NetworkRef network, String xml, int flags) throws VirtException {
        return service.ports().create(network, xml, flags);
    }

    @Override
    public UUID lookupPort(NetworkRef network, UUID port) throws VirtException {
        return service.ports().lookup(network, port);
    }

    @Override
    public List<UUID> listAllPorts(NetworkRef network, int flags) throws VirtException {
        return service.ports().list(network, flags);
    }

    @Override
    public String portXmlDesc(NetworkRef network, UUID port, int flags) throws VirtException {
        return service.ports().xmlDesc(network, port, flags);
    }

    @Override
    public void deletePort(NetworkRef network, UUID port, int flags) throws VirtException {
        service.ports().delete(network, port, flags);
    }

    @Override
    public List<TypedParameter> portParameters(NetworkRef network, UUID port, int flags) throws VirtException {
        return service.ports().parameters(network, port, flags);
    }

    @Override
    public void setPortParameters(NetworkRef network, UUID port, List<TypedParameter> params, int flags)
            throws VirtException {
        service.ports().setParameters(network, port, params, flags);
    }

    @Override
    public void setInterfaceBandwidth(String ifname, NetBandwidth bandwidth, boolean swapped) throws VirtException {
        service.interfaceQos().set(ifname, bandwidth, swapped);
    }

    @Override
    public void clearInterfaceBandwidth(String ifname) throws VirtException {
        service.interfaceQos().clear(ifname);
    }

    @Override
    public synchronized void setEventSink(NetworkEventSink newSink) {
        if (sink != null) {
            service.events().remove(sink);
        }
        sink = newSink;
        if (newSink != null) {
            service.events().add(newSink);
        }
    }

    @Override
    public void close() {
        setEventSink(null);
    }
}
