package org.jvirt.network.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jvirt.api.Connection;
import org.jvirt.api.Network;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A NAT network's {@code <nat><address>} and {@code <port>} ranges and its {@code <route>}, end to
 * end in three namespaces the test makes: the host (the driver's commands, with an uplink
 * {@code up0}), a client on the network's bridge, and an outside peer behind the uplink. The peer
 * sees the client's UDP datagram come from an address and port of the ranges (SNAT, not
 * masquerading), and the static route is on the bridge until the network stops.
 */
class NatForwardingTest {
    private static final String PYTHON = "/usr/bin/python3";
    private static final String XML = """
            <network>
              <name>snat</name>
              <forward mode='nat' dev='up0'>
                <nat>
                  <address start='10.20.30.40' end='10.20.30.44'/>
                  <port start='60000' end='65432'/>
                </nat>
              </forward>
              <route address='192.168.222.0' prefix='24' gateway='192.168.150.10' metric='7'/>
              <ip address='192.168.150.1' netmask='255.255.255.0'/>
            </network>
            """;

    @TempDir
    Path dir;
    Netns host;
    Netns client;
    Netns outside;
    Connection conn;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(Files.isExecutable(Path.of(PYTHON)), "no " + PYTHON);
        host = Netns.create("jvt-nath");
        client = Netns.create("jvt-natc");
        outside = Netns.create("jvt-nato");
        host.check("ip", "link", "add", "up0", "type", "veth", "peer", "name", "eth0", "netns", outside.name);
        host.check("ip", "addr", "add", "10.99.0.2/24", "dev", "up0");
        host.check("ip", "link", "set", "up0", "up");
        outside.check("ip", "addr", "add", "10.99.0.1/24", "dev", "eth0");
        outside.check("ip", "link", "set", "eth0", "up");
        // the translated addresses are the host's to the outside
        outside.check("ip", "route", "add", "10.20.30.0/24", "via", "10.99.0.2");
        conn = new NetworkHost(dir, host.prefix()).open();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (conn != null) {
            for (Network n : conn.listAllNetworks(2)) {
                n.destroy();
            }
            conn.close();
        }
        for (Netns ns : new Netns[] {client, outside, host}) {
            if (ns != null) {
                ns.close();
            }
        }
    }

    @Test
    void snatToTheAddressAndPortRangesAndStaticRoute() throws Exception {
        Network n = conn.createNetwork(XML, 0);
        String rules = host.check("nft", "list", "table", "inet", "jvirt_virbr0");
        assertTrue(rules.contains("snat ip to 10.20.30.40-10.20.30.44:60000-65432"), rules);
        assertTrue(rules.contains("snat ip to 10.20.30.40-10.20.30.44\n"), rules);
        assertFalse(rules.contains("masquerade"), rules);
        String route = host.check("ip", "-4", "route", "show", "192.168.222.0/24");
        assertTrue(route.contains("via 192.168.150.10 dev virbr0") && route.contains("metric 7"), route);

        host.check("ip", "link", "add", "vnet0", "type", "veth", "peer", "name", "eth0", "netns", client.name);
        host.check("ip", "link", "set", "vnet0", "master", "virbr0", "up");
        client.check("ip", "addr", "add", "192.168.150.50/24", "dev", "eth0");
        client.check("ip", "link", "set", "eth0", "up");
        client.check("ip", "route", "add", "default", "via", "192.168.150.1");

        String[] source = receiveFromClient().strip().split(" ");
        int last = Integer.parseInt(source[0].substring(source[0].lastIndexOf('.') + 1));
        assertTrue(source[0].startsWith("10.20.30.") && last >= 40 && last <= 44, "SNAT address: " + source[0]);
        int port = Integer.parseInt(source[1]);
        assertTrue(port >= 60000 && port <= 65432, "SNAT port: " + port);

        n.destroy();
        assertEquals("", host.check("ip", "-4", "route", "show", "192.168.222.0/24").strip(), "the route is gone");
        assertNotEquals(0, host.exec("nft", "list", "table", "inet", "jvirt_virbr0").exit());
    }

    /** A UDP peer in the outside namespace prints the source of the first datagram the client sends it. */
    private String receiveFromClient() throws Exception {
        List<String> server = new ArrayList<>(outside.prefix());
        server.addAll(List.of(PYTHON, "-c", "import socket\n"
                + "s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\n"
                + "s.bind(('10.99.0.1', 9999))\n"
                + "s.settimeout(20)\n"
                + "print('ready', flush=True)\n"
                + "d, a = s.recvfrom(100)\n"
                + "print(a[0], a[1], flush=True)\n"));
        Process p = new ProcessBuilder(server).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8));
            assertEquals("ready", out.readLine());
            for (int i = 0; i < 20 && p.isAlive(); i++) {
                client.check(PYTHON, "-c", "import socket\n"
                        + "socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b'x', ('10.99.0.1', 9999))\n");
                if (p.waitFor(250, TimeUnit.MILLISECONDS)) {
                    break;
                }
            }
            String line = out.readLine();
            assertTrue(line != null && p.waitFor(5, TimeUnit.SECONDS), "the peer got nothing");
            return line;
        } finally {
            p.destroyForcibly();
            p.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
