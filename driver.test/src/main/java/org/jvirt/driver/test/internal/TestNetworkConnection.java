package org.jvirt.driver.test.internal;

import java.util.List;
import java.util.UUID;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.NetworkDhcpLease;
import org.jvirt.api.NetworkUpdateCommand;
import org.jvirt.api.NetworkUpdateSection;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.NetworkDriverConnection;
import org.jvirt.api.spi.NetworkEventSink;
import org.jvirt.api.spi.NetworkRef;

/** One connection's view of its test host's {@link TestNetworks}, with the connection's event sink. */
final class TestNetworkConnection implements NetworkDriverConnection {
    private final TestNetworks networks;
    private NetworkEventSink sink;

    TestNetworkConnection(TestNetworks networks) {
        this.networks = networks;
    }

    @Override
    public List<NetworkRef> listAllNetworks(int flags) throws VirtException {
        return networks.list(flags);
    }

    @Override
    public NetworkRef lookupByName(String name) throws VirtException {
        return networks.lookupByName(name);
    }

    @Override
    public NetworkRef lookupByUuid(UUID uuid) throws VirtException {
        return networks.lookupByUuid(uuid);
    }

    @Override
    public NetworkRef defineXml(String xml, int flags) throws VirtException {
        return networks.define(xml, flags);
    }

    @Override
    public NetworkRef createXml(String xml, int flags) throws VirtException {
        return networks.create(xml, flags);
    }

    @Override
    public void create(NetworkRef network, int flags) throws VirtException {
        TestDriverErrors.checkFlags(flags, 0, "testNetworkCreateWithFlags");
        networks.start(network);
    }

    @Override
    public void destroy(NetworkRef network) throws VirtException {
        networks.destroy(network);
    }

    @Override
    public void undefine(NetworkRef network) throws VirtException {
        networks.undefine(network);
    }

    @Override
    public String xmlDesc(NetworkRef network, int flags) throws VirtException {
        return networks.xml(network, flags);
    }

    @Override
    public String bridgeName(NetworkRef network) throws VirtException {
        return networks.bridgeName(network);
    }

    @Override
    public boolean isActive(NetworkRef network) throws VirtException {
        return networks.isActive(network);
    }

    @Override
    public boolean isPersistent(NetworkRef network) throws VirtException {
        return networks.isPersistent(network);
    }

    @Override
    public boolean autostart(NetworkRef network) throws VirtException {
        return networks.autostart(network);
    }

    @Override
    public void setAutostart(NetworkRef network, boolean autostart) throws VirtException {
        networks.setAutostart(network, autostart);
    }

    /** libvirt's test driver has no DHCP leases. */
    @Override
    public List<NetworkDhcpLease> dhcpLeases(NetworkRef network, String mac, int flags) throws VirtException {
        throw new VirtException(ErrorCode.NO_SUPPORT, ErrorDomain.NETWORK, "virNetworkGetDHCPLeases");
    }

    @Override
    public void update(NetworkRef network, NetworkUpdateCommand command, NetworkUpdateSection section, int parentIndex,
                       String xml, int flags) throws VirtException {
        networks.update(network, command, section, parentIndex, xml, flags);
    }

    @Override
    public synchronized void setEventSink(NetworkEventSink newSink) {
        if (sink != null) {
            networks.removeSink(sink);
        }
        sink = newSink;
        if (newSink != null) {
            networks.addSink(newSink);
        }
    }

    @Override
    public void close() {
        setEventSink(null);
    }
}
