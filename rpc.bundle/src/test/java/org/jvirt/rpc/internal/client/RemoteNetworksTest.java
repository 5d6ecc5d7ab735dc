package org.jvirt.rpc.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.jvirt.api.Connection;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.Network;
import org.jvirt.api.NetworkListFlag;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.HostDirectories;
import org.jvirt.core.internal.CoreConnectionFactory;
import org.jvirt.rpc.internal.testkit.Hosts;
import org.jvirt.rpc.internal.testkit.Jvirtd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * jvirt's Java network API through the remote driver against jvirtd's network procedures. Nothing
 * is started: the daemon's host commands go through the prefix {@code false}, so that any command
 * would fail instead of touching the host.
 */
class RemoteNetworksTest {
    private static final String XML = "<network><name>far</name><bridge name='jvbr9'/>"
            + "<ip address='10.66.0.1' prefix='24'/></network>";

    @TempDir
    Path dir;

    @Test
    void networksOfTheRemoteDaemon() throws Exception {
        CoreConnectionFactory client = CoreConnectionFactory.forDriver(new RemoteDriver(RemoteSettings.defaults()), "remote");
        try (Jvirtd jvirtd = new Jvirtd(Hosts.withNetworks(dir.resolve("state"), dir.resolve("run"), List.of("false")));
             Connection c = client.open("network+unix:///" + (HostDirectories.isRoot() ? "system" : "session")
                     + "?socket=" + jvirtd.rw, 0)) {
            Network n = c.defineNetwork(XML, 0);
            assertEquals("far", n.name());
            assertEquals(1, c.numOfDefinedNetworks());
            assertEquals(0, c.numOfNetworks());
            assertEquals(List.of("far"), c.listAllNetworks(NetworkListFlag.INACTIVE.bit()).stream()
                    .map(Network::name).toList());
            assertEquals(n.uuid(), c.lookupNetworkByName("far").uuid());
            assertEquals("far", c.lookupNetworkByUuid(n.uuid()).name());
            assertFalse(n.isActive());
            assertTrue(n.isPersistent());
            assertEquals("jvbr9", n.bridgeName());
            n.setAutostart(true);
            assertTrue(n.autostart());
            assertTrue(n.xmlDesc(0).contains("<ip address='10.66.0.1' prefix='24'>"), n.xmlDesc(0));
            assertEquals(List.of(), n.dhcpLeases(null, 0));
            VirtException e = assertThrows(VirtException.class, n::destroy);
            assertEquals(ErrorCode.OPERATION_INVALID, e.code());
            assertEquals(ErrorDomain.NETWORK, e.domain());
            assertEquals("Requested operation is not valid: network 'far' is not active", e.getMessage());
            n.undefine();
            e = assertThrows(VirtException.class, () -> c.lookupNetworkByName("far"));
            assertEquals(ErrorCode.NO_NETWORK, e.code());
            assertEquals("Network not found: no network with matching name 'far'", e.getMessage());
        }
    }

    @Test
    void theRemoteTestDriverHasItsOwnNetworksNotTheHosts() throws Exception {
        CoreConnectionFactory client = CoreConnectionFactory.forDriver(new RemoteDriver(RemoteSettings.defaults()), "remote");
        try (Jvirtd jvirtd = new Jvirtd(Hosts.withNetworks(dir.resolve("state"), dir.resolve("run"), List.of("false")));
             Connection c = client.open(jvirtd.unixUri(), 0)) {
            assertEquals(List.of("default"), c.listAllNetworks(0).stream().map(Network::name).toList());
            VirtException e = assertThrows(VirtException.class, () -> c.lookupNetworkByName("far"));
            assertEquals(ErrorCode.NO_NETWORK, e.code());
            assertEquals(ErrorDomain.TEST, e.domain());
        }
    }
}
