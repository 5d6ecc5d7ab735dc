package org.jvirt.network.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.jvirt.api.Connection;
import org.jvirt.api.Network;
import org.jvirt.api.NetworkDhcpLease;
import org.jvirt.api.NetworkUpdateCommand;
import org.jvirt.api.NetworkUpdateSection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real thing: a client in a namespace of its own, plugged into the network's bridge by a veth
 * pair, asks jvirt's dnsmasq for an address with busybox udhcpc, gets one from the range (or its
 * reserved one), reaches the bridge address, and the lease is listed as virsh net-dhcp-leases does.
 * Everything (both namespaces, the bridge, dnsmasq) is made and removed by the test.
 */
class DhcpEndToEndTest {
    private static final String BUSYBOX = "/usr/bin/busybox";

    @TempDir
    Path dir;
    Netns net;
    Netns client;
    Connection conn;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(Files.isExecutable(Path.of(BUSYBOX)), "busybox (busybox-static) is not installed");
        net = Netns.create("jvt-dhcp");
        client = Netns.create("jvt-cli");
        // dnsmasq drops root for nobody and re-reads its hosts file on SIGHUP as nobody: the folders must be
        // readable as they are in /run (JUnit makes its temporary folder 0700)
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        conn = new NetworkHost(dir.resolve("host"), net.prefix()).open();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (conn != null) {
            for (Network n : conn.listAllNetworks(2)) {
                n.destroy();
            }
            conn.close();
        }
        if (client != null) {
            client.close();
        }
        if (net != null) {
            net.close();
        }
    }

    @Test
    void clientGetsLeaseAndReachesBridge() throws Exception {
        Network n = conn.defineNetwork(NetworkLifecycleTest.NAT, 0);
        n.create(0);
        plug("52:54:00:12:34:56");
        String leased = udhcpc();
        assertTrue(leased.startsWith("192.168.150.1"), "an address of the range: " + leased);
        int last = Integer.parseInt(leased.substring(leased.lastIndexOf('.') + 1));
        assertTrue(last >= 100 && last <= 199, leased);
        assertEquals(0, client.exec(BUSYBOX, "ping", "-c", "1", "-W", "3", "192.168.150.1").exit(),
                "the client reaches the bridge address");
        List<NetworkDhcpLease> leases = n.dhcpLeases(null, 0);
        assertEquals(1, leases.size(), leases.toString());
        NetworkDhcpLease l = leases.get(0);
        assertEquals("virbr0", l.iface());
        assertEquals("52:54:00:12:34:56", l.mac());
        assertEquals(leased, l.ipaddr());
        assertEquals(24, l.prefix());
        assertEquals(0, l.type());
        assertTrue(l.expiryTime() > System.currentTimeMillis() / 1000);
        assertEquals(1, n.dhcpLeases("52:54:00:12:34:56", 0).size());
        assertEquals(0, n.dhcpLeases("52:54:00:00:00:01", 0).size());
    }

    @Test
    void staticHostGetsReservedAddressAddedLive() throws Exception {
        Network n = conn.defineNetwork(NetworkLifecycleTest.NAT, 0);
        n.create(0);
        // a reservation added to the running network (net-update add ip-dhcp-host --live --config)
        n.update(NetworkUpdateCommand.ADD_LAST, NetworkUpdateSection.IP_DHCP_HOST, -1,
                "<host mac='52:54:00:aa:bb:cc' name='fixed' ip='192.168.150.42'/>", 3);
        assertTrue(n.xmlDesc(0).contains("<host mac='52:54:00:aa:bb:cc' name='fixed' ip='192.168.150.42'/>"));
        assertTrue(n.xmlDesc(1).contains("<host mac='52:54:00:aa:bb:cc' name='fixed' ip='192.168.150.42'/>"));
        plug("52:54:00:aa:bb:cc");
        assertEquals("192.168.150.42", udhcpc());
        assertEquals(0, client.exec(BUSYBOX, "ping", "-c", "1", "-W", "3", "192.168.150.1").exit());
        assertEquals("192.168.150.42", n.dhcpLeases(null, 0).get(0).ipaddr());
    }

    /** A veth pair: one end on the network's bridge, the other with {@code mac} in the client namespace. */
    private void plug(String mac) throws Exception {
        net.check("ip", "link", "add", "vnet0", "type", "veth", "peer", "name", "eth0", "netns", client.name);
        net.check("ip", "link", "set", "vnet0", "master", "virbr0", "up");
        client.check("ip", "link", "set", "eth0", "address", mac, "up");
    }

    /** Runs udhcpc once in the client; the address it got (its script sets it on eth0). */
    private String udhcpc() throws Exception {
        Path script = dir.resolve("udhcpc.script");
        Files.writeString(script, """
                #!/bin/sh
                case "$1" in
                  bound|renew) ip addr flush dev "$interface"; ip addr add "$ip/$mask" dev "$interface" ;;
                esac
                """);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        Netns.Result r = client.exec(BUSYBOX, "udhcpc", "-i", "eth0", "-f", "-q", "-n", "-t", "10", "-T", "1",
                "-s", script.toString());
        assertEquals(0, r.exit(), "udhcpc: " + r.out() + r.err());
        String addr = client.check("ip", "-o", "-4", "addr", "show", "dev", "eth0");
        int at = addr.indexOf("inet ");
        assertTrue(at >= 0, addr);
        return addr.substring(at + 5, addr.indexOf('/', at));
    }
}
