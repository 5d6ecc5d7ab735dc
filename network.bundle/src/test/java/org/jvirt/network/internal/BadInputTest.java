package org.jvirt.network.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.Network;
import org.jvirt.api.VirtException;
import org.junit.jupiter.api.Test;

/**
 * Starts that must fail with libvirt's error and leave nothing behind: no bridge, no nftables table,
 * no dnsmasq, no runtime file, the network still inactive.
 */
class BadInputTest extends NamespacedNetworkTest {
    BadInputTest() {
        super("jvt-bad");
    }

    @Test
    void subnetInUseByAnotherNetwork() throws Exception {
        conn.defineNetwork(NetworkLifecycleTest.NAT, 0).create(0);
        Network second = conn.defineNetwork(NetworkLifecycleTest.NAT.replace("<name>lab</name>", "<name>lab2</name>"),
                0);
        VirtException e = assertThrows(VirtException.class, () -> second.create(0));
        assertEquals(ErrorCode.INTERNAL_ERROR, e.code());
        assertEquals("internal error: Network is already in use by interface virbr0", e.getMessage());
        assertLeftNothing(second, "virbr1");
        assertEquals(1, ns.pids().size(), "only the first network's dnsmasq runs");
    }

    @Test
    void bridgeNameTakenByAHostDevice() throws Exception {
        ns.check("ip", "link", "add", "taken0", "type", "veth", "peer", "name", "taken0p");
        Network net = conn.defineNetwork(NetworkLifecycleTest.NAT.replace("<forward mode='nat'/>",
                "<forward mode='nat'/><bridge name='taken0'/>"), 0);
        VirtException e = assertThrows(VirtException.class, () -> net.create(0));
        assertEquals(ErrorCode.SYSTEM_ERROR, e.code());
        assertEquals("error creating bridge interface taken0: File exists", e.getMessage());
        assertFalse(net.isActive());
        assertTrue(ns.check("ip", "-o", "link", "show", "dev", "taken0").contains("taken0"), "the host's device stays");
        assertEquals(1, ns.exec("nft", "list", "table", "inet", "jvirt_taken0").exit());
        assertTrue(ns.pids().isEmpty());
    }

    @Test
    void dnsmasqThatFailsToStart() throws Exception {
        String xml = NetworkLifecycleTest.NAT.replace("<network>",
                "<network xmlns:dnsmasq='http://libvirt.org/schemas/network/dnsmasq/1.0'>")
                .replace("</network>", "<dnsmasq:options><dnsmasq:option value='no-such-option=1'/></dnsmasq:options>"
                        + "</network>");
        Network net = conn.defineNetwork(xml, 0);
        VirtException e = assertThrows(VirtException.class, () -> net.create(0));
        assertEquals(ErrorCode.INTERNAL_ERROR, e.code());
        assertTrue(e.getMessage().startsWith("internal error: Child process (dnsmasq --conf-file="), e.getMessage());
        assertTrue(e.getMessage().contains("bad option"), e.getMessage());
        assertLeftNothing(net, "virbr0");
    }

    @Test
    void rangeOutsideTheNetworkIsRefusedAtDefine() throws Exception {
        VirtException e = assertThrows(VirtException.class, () -> conn.defineNetwork(NetworkLifecycleTest.NAT
                .replace("192.168.150.199", "192.168.151.10"), 0));
        assertEquals(ErrorCode.CONFIG_UNSUPPORTED, e.code());
        assertEquals("unsupported configuration: range 192.168.150.100 - 192.168.151.10 is not entirely within"
                + " network 192.168.150.1/24", e.getMessage());
        VirtException reversed = assertThrows(VirtException.class, () -> conn.defineNetwork(NetworkLifecycleTest.NAT
                .replace("start='192.168.150.100' end='192.168.150.199'",
                        "start='192.168.150.199' end='192.168.150.100'"), 0));
        assertEquals(ErrorCode.CONFIG_UNSUPPORTED, reversed.code());
        assertEquals(0, conn.listAllNetworks(0).size());
        assertTrue(Files.notExists(host.state.resolve("config").resolve("network"))
                || isEmpty(host.state.resolve("config").resolve("network")), "no record written");
    }

    private void assertLeftNothing(Network net, String bridge) throws Exception {
        assertFalse(net.isActive());
        assertEquals(1, ns.exec("ip", "link", "show", "dev", bridge).exit(), "no bridge " + bridge);
        assertEquals(1, ns.exec("nft", "list", "table", "inet", "jvirt_" + bridge).exit(), "no table for " + bridge);
        try (Stream<Path> files = Files.list(host.runtime)) {
            assertEquals(0, files.filter(p -> p.getFileName().toString().startsWith(net.name() + ".")
                    && !p.getFileName().toString().endsWith(".leases")).count(), "no runtime file of " + net.name());
        }
    }

    private static boolean isEmpty(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }
}
