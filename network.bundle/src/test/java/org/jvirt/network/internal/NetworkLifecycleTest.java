package org.jvirt.network.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jvirt.api.Connection;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.Network;
import org.jvirt.api.NetworkEventType;
import org.jvirt.api.NetworkListFlag;
import org.jvirt.api.NetworkXmlFlag;
import org.jvirt.api.VirtException;
import org.junit.jupiter.api.Test;

/**
 * The network driver through the public API, its host commands inside a network namespace of the
 * test's own: define, start (bridge with address and MTU, nftables table, dnsmasq), XML, lists,
 * events, destroy (all of it gone), undefine, and libvirt's errors.
 */
class NetworkLifecycleTest extends NamespacedNetworkTest {
    static final String NAT = """
            <network>
              <name>lab</name>
              <forward mode='nat'/>
              <mtu size='1400'/>
              <ip address='192.168.150.1' netmask='255.255.255.0'>
                <dhcp>
                  <range start='192.168.150.100' end='192.168.150.199'/>
                </dhcp>
              </ip>
            </network>
            """;

    NetworkLifecycleTest() {
        super("jvt-life");
    }

    @Test
    void defineStartDestroyUndefine() throws Exception {
        BlockingQueue<NetworkEventType> events = new LinkedBlockingQueue<>();
        conn.addNetworkEventListener((n, e) -> events.add(e.type()));
        Network net = conn.defineNetwork(NAT, 0);
        assertEquals(NetworkEventType.DEFINED, events.poll(5, TimeUnit.SECONDS));
        assertFalse(net.isActive());
        assertTrue(net.isPersistent());
        assertEquals("virbr0", net.bridgeName());
        String xml = net.xmlDesc(0);
        assertTrue(xml.contains("<bridge name='virbr0' stp='on' delay='0'/>"), xml);
        assertTrue(xml.matches("(?s).*<mac address='52:54:00:[0-9a-f:]{8}'/>.*"), xml);
        assertEquals(1, conn.numOfDefinedNetworks());
        assertEquals(0, conn.numOfNetworks());

        net.create(0);
        assertEquals(NetworkEventType.STARTED, events.poll(5, TimeUnit.SECONDS));
        assertTrue(net.isActive());
        String link = ns.check("ip", "-o", "addr", "show", "dev", "virbr0");
        assertTrue(link.contains("inet 192.168.150.1/24"), link);
        assertTrue(ns.check("ip", "-o", "link", "show", "dev", "virbr0").contains("mtu 1400"));
        assertTrue(ns.check("nft", "list", "table", "inet", "jvirt_virbr0").contains("masquerade"));
        String conf = Files.readString(host.runtime.resolve("lab.conf"));
        assertTrue(conf.contains("dhcp-range=192.168.150.100,192.168.150.199,255.255.255.0\n"), conf);
        assertTrue(conf.contains("dhcp-option=option:mtu,1400\n"), conf);
        List<Long> pids = ns.pids();
        assertEquals(1, pids.size(), "one dnsmasq runs in the namespace: " + pids);
        assertEquals("1", ns.check("sysctl", "-n", "net.ipv4.ip_forward").strip());
        assertEquals(List.of("lab"), conn.listAllNetworks(NetworkListFlag.ACTIVE.bit()).stream()
                .map(Network::name).toList());

        VirtException again = assertThrows(VirtException.class, () -> net.create(0));
        assertEquals(ErrorCode.OPERATION_INVALID, again.code());
        assertTrue(again.getMessage().contains("network is already active"), again.getMessage());

        net.destroy();
        assertEquals(NetworkEventType.STOPPED, events.poll(5, TimeUnit.SECONDS));
        assertFalse(net.isActive());
        assertEquals(1, ns.exec("ip", "link", "show", "dev", "virbr0").exit(), "the bridge is gone");
        assertEquals(1, ns.exec("nft", "list", "table", "inet", "jvirt_virbr0").exit(), "the rules are gone");
        assertTrue(ns.pids().isEmpty(), "dnsmasq is gone");
        assertFalse(Files.exists(host.runtime.resolve("lab.conf")));

        VirtException notActive = assertThrows(VirtException.class, net::destroy);
        assertEquals(ErrorCode.OPERATION_INVALID, notActive.code());
        assertEquals("Requested operation is not valid: network 'lab' is not active", notActive.getMessage());

        net.undefine();
        assertEquals(NetworkEventType.UNDEFINED, events.poll(5, TimeUnit.SECONDS));
        VirtException gone = assertThrows(VirtException.class, () -> conn.lookupNetworkByName("lab"));
        assertEquals(ErrorCode.NO_NETWORK, gone.code());
        assertEquals("Network not found: no network with matching name 'lab'", gone.getMessage());
    }

    @Test
    void inactiveXmlAndPersistenceAcrossDriverRestart() throws Exception {
        Network net = conn.defineNetwork(NAT, 0);
        net.setAutostart(true);
        net.create(0);
        String live = net.xmlDesc(0);
        // a new driver instance on the same state finds the definition and the running network
        NetworkHost again = new NetworkHost(dir, ns.prefix());
        try (Connection c2 = again.open()) {
            Network n2 = c2.lookupNetworkByName("lab");
            assertTrue(n2.isActive());
            assertTrue(n2.autostart());
            assertEquals(live, n2.xmlDesc(0));
            assertEquals(net.xmlDesc(NetworkXmlFlag.INACTIVE.bit()), n2.xmlDesc(NetworkXmlFlag.INACTIVE.bit()));
            n2.destroy();
        }
        assertTrue(ns.pids().isEmpty());
        assertEquals(1, ns.exec("ip", "link", "show", "dev", "virbr0").exit());
    }

    @Test
    void transientNetworkIsGoneAfterDestroy() throws Exception {
        Network net = conn.createNetwork(NAT.replace("<name>lab</name>", "<name>tmp</name>"), 0);
        assertTrue(net.isActive());
        assertFalse(net.isPersistent());
        VirtException auto = assertThrows(VirtException.class, () -> net.setAutostart(true));
        assertEquals(ErrorCode.OPERATION_INVALID, auto.code());
        net.destroy();
        assertEquals(ErrorCode.NO_NETWORK, assertThrows(VirtException.class,
                () -> conn.lookupNetworkByName("tmp")).code());
        assertEquals(0, conn.listAllNetworks(0).size());
    }

    @Test
    void duplicatesAndReadOnly() throws Exception {
        Network net = conn.defineNetwork(NAT, 0);
        String other = NAT.replace("<name>lab</name>", "<name>lab</name><uuid>" + java.util.UUID.randomUUID()
                + "</uuid>");
        VirtException dup = assertThrows(VirtException.class, () -> conn.defineNetwork(other, 0));
        assertEquals(ErrorCode.OPERATION_FAILED, dup.code());
        assertEquals("operation failed: network 'lab' already exists with uuid " + net.uuid(), dup.getMessage());

        String sameBridge = NAT.replace("<name>lab</name>", "<name>lab2</name><bridge name='virbr0'/>");
        VirtException inUse = assertThrows(VirtException.class, () -> conn.defineNetwork(sameBridge, 0));
        assertEquals(ErrorCode.INTERNAL_ERROR, inUse.code());
        assertEquals("internal error: bridge name 'virbr0' already in use.", inUse.getMessage());

        try (Connection ro = host.openReadOnly()) {
            Network seen = ro.lookupNetworkByName("lab");
            assertEquals(net.uuid(), seen.uuid());
            assertEquals(ErrorCode.OPERATION_DENIED, assertThrows(VirtException.class, () -> seen.create(0)).code());
            assertEquals(ErrorCode.OPERATION_DENIED, assertThrows(VirtException.class,
                    () -> ro.defineNetwork(NAT, 0)).code());
        }
        assertEquals(ErrorCode.XML_ERROR, assertThrows(VirtException.class,
                () -> conn.defineNetwork("<network><name>x</name><forward mode='nat'/></network>", 0)).code());
    }
}
