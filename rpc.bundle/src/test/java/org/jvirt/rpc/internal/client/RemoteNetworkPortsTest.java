package org.jvirt.rpc.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.Connection;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.Network;
import org.jvirt.api.NetworkEvent;
import org.jvirt.api.NetworkEventType;
import org.jvirt.api.NetworkPort;
import org.jvirt.api.ParameterType;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.HostDirectories;
import org.jvirt.core.internal.CoreConnectionFactory;
import org.jvirt.rpc.internal.testkit.Hosts;
import org.jvirt.rpc.internal.testkit.Jvirtd;
import org.jvirt.rpc.internal.testkit.Libvirtd;

/**
 * Network ports and network lifecycle events through jvirt's remote driver: against jvirtd's real network
 * driver (a host-bridge network, whose start and ports run no host command but {@code ip link show}, here
 * behind the prefix {@code true}), and the events against real libvirtd 9.0 (its test driver's networks).
 */
class RemoteNetworkPortsTest {
    private static final String HOST_BRIDGE = "<network><name>hb</name><forward mode='bridge'/>"
            + "<bridge name='br-host'/></network>";
    private static final String PORT = "<networkport><uuid>%s</uuid><owner><name>g</name>"
            + "<uuid>d54df46f-1ab5-4a22-8618-4560ef5fac2c</uuid></owner><mac address='52:54:00:7b:35:93'/>"
            + "<bandwidth><inbound average='1000'/></bandwidth></networkport>";

    @TempDir
    Path dir;

    @Test
    void portsAndEventsOfJvirtdsNetworks() throws Exception {
        CoreConnectionFactory client = CoreConnectionFactory.forDriver(new RemoteDriver(RemoteSettings.defaults()),
                "remote");
        try (Jvirtd jvirtd = new Jvirtd(Hosts.withNetworks(dir.resolve("state"), dir.resolve("run"), List.of("true")));
             Connection c = client.open("network+unix:///" + (HostDirectories.isRoot() ? "system" : "session")
                     + "?socket=" + jvirtd.rw, 0)) {
            LinkedBlockingQueue<NetworkEvent> events = new LinkedBlockingQueue<>();
            int id = c.addNetworkEventListener((n, e) -> events.add(e));
            Network n = c.defineNetwork(HOST_BRIDGE, 0);
            n.create(0);
            assertEquals(NetworkEventType.DEFINED, next(events).type());
            NetworkEvent started = next(events);
            assertEquals(NetworkEventType.STARTED, started.type());
            assertEquals("hb", started.name());
            assertEquals(n.uuid(), started.uuid());

            UUID uuid = UUID.randomUUID();
            NetworkPort port = n.createPort(PORT.formatted(uuid), 0);
            assertEquals(uuid, port.uuid());
            assertTrue(port.xmlDesc(0).contains("<plug type='bridge' bridge='br-host'/>"), port.xmlDesc(0));
            assertEquals(List.of(uuid), n.listAllPorts(0).stream().map(NetworkPort::uuid).toList());
            assertEquals(uuid, n.lookupPortByUuid(uuid).uuid());
            assertEquals(new TypedParameter(NetworkPort.BANDWIDTH_IN_AVERAGE, ParameterType.UINT, 1000L),
                    port.parameters(0).get(0));
            port.setParameters(List.of(new TypedParameter(NetworkPort.BANDWIDTH_OUT_AVERAGE, ParameterType.UINT,
                    64L)), 0);
            assertTrue(port.xmlDesc(0).contains("<outbound average='64'/>"), port.xmlDesc(0));
            port.delete(0);
            VirtException gone = assertThrows(VirtException.class, () -> n.lookupPortByUuid(uuid));
            assertEquals(ErrorCode.NO_NETWORK_PORT, gone.code());
            assertEquals(ErrorDomain.NETWORK, gone.domain());
            assertEquals("network port not found: Network port with UUID " + uuid + " does not exist",
                    gone.getMessage());

            n.destroy();
            assertEquals(NetworkEventType.STOPPED, next(events).type());
            c.removeNetworkEventListener(id);
            n.undefine();
            assertEquals(null, events.poll(300, TimeUnit.MILLISECONDS), "no events after the listener is gone");
        }
    }

    @Test
    void networkEventsFromLibvirtd() throws Exception {
        assumeTrue(Libvirtd.available(), "libvirtd (libvirt-daemon) is not installed");
        CoreConnectionFactory client = CoreConnectionFactory.forDriver(new RemoteDriver(RemoteSettings.defaults()),
                "remote");
        try (Libvirtd libvirtd = new Libvirtd();
             Connection c = client.open("test+unix:///default?socket=" + libvirtd.socket(), 0)) {
            LinkedBlockingQueue<NetworkEvent> events = new LinkedBlockingQueue<>();
            c.addNetworkEventListener((n, e) -> events.add(e));
            Network n = c.createNetwork("<network><name>far</name><bridge name='jvbr7'/></network>", 0);
            NetworkEvent e = next(events);
            assertEquals(NetworkEventType.STARTED, e.type());
            assertEquals("far", e.name());
            assertEquals(n.uuid(), e.uuid());
            n.destroy();
            assertEquals(NetworkEventType.STOPPED, next(events).type());
            // libvirt 9.0's test driver has no network ports: its answer comes back over the wire
            VirtException none = assertThrows(VirtException.class, () -> c.lookupNetworkByName("default")
                    .listAllPorts(0));
            assertEquals(ErrorCode.NO_SUPPORT, none.code());
        }
    }

    private static NetworkEvent next(LinkedBlockingQueue<NetworkEvent> events) throws InterruptedException {
        NetworkEvent e = events.poll(10, TimeUnit.SECONDS);
        if (e == null) {
            throw new AssertionError("no network event within 10 s");
        }
        return e;
    }
}
