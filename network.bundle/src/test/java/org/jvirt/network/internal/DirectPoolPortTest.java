package org.jvirt.network.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.Connection;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.Network;
import org.jvirt.api.NetworkListFlag;
import org.jvirt.api.NetworkPort;
import org.jvirt.api.NetworkPortCreateFlag;
import org.jvirt.api.NetworkXmlFlag;
import org.jvirt.api.VirtException;

/**
 * Ports of macvtap pools (forward mode bridge without a bridge, private, vepa, passthrough) through the
 * public API, as libvirt's networkAllocatePort, networkNotifyPort and networkReleasePort: a direct plug
 * on the least used pool interface (the first of equals), exclusive interfaces in passthrough mode with
 * libvirt's error when none is free, the {@code connections} of the network and of each interface in
 * the live XML (none in the inactive XML), counts that follow releases and a restarted driver, and the
 * checks of virtual port types and of reclaimed plugs. The pool's interfaces need not exist: the
 * network driver only hands them out (the guest's driver makes the macvlan).
 */
class DirectPoolPortTest {
    private static final String PORT = """
            <networkport>
              <uuid>%s</uuid>
              <owner>
                <name>%s</name>
                <uuid>d54df46f-1ab5-4a22-8618-4560ef5fac2c</uuid>
              </owner>
              <mac address='%s'/>
            %s</networkport>
            """;

    @TempDir
    Path dir;
    Netns ns;
    NetworkHost host;
    Connection conn;

    @BeforeEach
    void setUp() throws Exception {
        ns = Netns.create("jvt-direct");
        host = new NetworkHost(dir, ns.prefix());
        conn = host.open();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (conn != null) {
            for (Network n : conn.listAllNetworks(NetworkListFlag.ACTIVE.bit())) {
                n.destroy();
            }
            conn.close();
        }
        if (ns != null) {
            ns.close();
        }
    }

    private static String pool(String mode, String... devs) {
        StringBuilder s = new StringBuilder("<network><name>pool</name><forward mode='" + mode + "'>");
        for (String d : devs) {
            s.append("<interface dev='").append(d).append("'/>");
        }
        return s.append("</forward></network>").toString();
    }

    private static NetworkPort port(Network net, String owner, int n) throws VirtException {
        return port(net, owner, n, "");
    }

    private static NetworkPort port(Network net, String owner, int n, String extra) throws VirtException {
        return net.createPort(PORT.formatted(UUID.randomUUID(), owner, String.format("52:54:00:00:00:%02x", n), extra),
                0);
    }

    private static String plugDev(NetworkPort p) throws VirtException {
        Matcher m = Pattern.compile("<plug type='direct' dev='([^']+)' mode='([^']+)'/>").matcher(p.xmlDesc(0));
        assertTrue(m.find(), p.xmlDesc(0));
        return m.group(1) + "/" + m.group(2);
    }

    @Test
    void sharedModesPickTheLeastUsedInterfaceAndCountConnections() throws Exception {
        Network net = conn.defineNetwork(pool("bridge", "ens1", "ens2", "ens3"), 0);
        net.create(0);
        List<NetworkPort> ports = new ArrayList<>();
        List<String> devs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            NetworkPort p = port(net, "guest" + i, i);
            ports.add(p);
            devs.add(plugDev(p));
        }
        assertEquals(List.of("ens1/bridge", "ens2/bridge", "ens3/bridge", "ens1/bridge", "ens2/bridge"), devs);
        String live = net.xmlDesc(0);
        assertTrue(live.startsWith("<network connections='5'>"), live);
        assertTrue(live.contains("<forward dev='ens1' mode='bridge'>\n    <interface dev='ens1' connections='2'/>\n"
                + "    <interface dev='ens2' connections='2'/>\n    <interface dev='ens3' connections='1'/>\n"
                + "  </forward>"), live);

        // releases free their interface: the next port goes where the fewest are
        ports.get(0).delete(0);
        ports.get(3).delete(0);
        live = net.xmlDesc(0);
        assertTrue(live.startsWith("<network connections='3'>"), live);
        assertTrue(live.contains("<interface dev='ens1'/>\n    <interface dev='ens2' connections='2'/>"), live);
        assertEquals("ens1/bridge", plugDev(port(net, "guest9", 9)));

        // a new driver instance on the same state counts the same from the ports it finds
        try (Connection c2 = new NetworkHost(dir, ns.prefix()).open()) {
            String again = c2.lookupNetworkByName("pool").xmlDesc(0);
            assertTrue(again.startsWith("<network connections='4'>"), again);
            assertTrue(again.contains("<interface dev='ens1' connections='1'/>\n    <interface dev='ens2' "
                    + "connections='2'/>\n    <interface dev='ens3' connections='1'/>"), again);
        }
        assertTrue(net.xmlDesc(NetworkXmlFlag.INACTIVE.bit()).contains("<interface dev='ens1'/>\n    <interface "
                + "dev='ens2'/>\n    <interface dev='ens3'/>"), "no counts in the inactive XML");
        net.destroy();
        net.create(0);
        String restarted = net.xmlDesc(0);
        assertTrue(restarted.startsWith("<network>") && restarted.contains("<interface dev='ens1'/>\n    <interface "
                + "dev='ens2'/>"), "a destroyed network drops its ports: " + restarted);
        net.undefine();
    }

    @Test
    void eachForwardModeGivesItsMacvlanMode() throws Exception {
        for (String mode : List.of("private", "vepa", "passthrough")) {
            Network net = conn.createNetwork(pool(mode, "ens7"), 0);
            NetworkPort p = port(net, "guest", 1);
            assertEquals("ens7/" + mode, plugDev(p));
            assertTrue(net.xmlDesc(0).contains("<interface dev='ens7' connections='1'/>"), net.xmlDesc(0));
            net.destroy();
        }
        // <forward dev=> alone is a pool of one
        Network net = conn.createNetwork("<network><name>one</name><forward mode='vepa' dev='ens8'/></network>", 0);
        assertEquals("ens8/vepa", plugDev(port(net, "guest", 2)));
        // no device at all: the network runs, its ports cannot be had
        Network none = conn.createNetwork("<network><name>none</name><forward mode='private'/></network>", 0);
        VirtException e = assertThrows(VirtException.class, () -> port(none, "guest", 3));
        assertEquals(ErrorCode.INTERNAL_ERROR, e.code());
        assertEquals("internal error: network 'none' uses a direct mode, but has no forward dev and no interface pool",
                e.getMessage());
        assertEquals(List.of(), none.listAllPorts(0));
    }

    @Test
    void passthroughIsExclusive() throws Exception {
        Network net = conn.createNetwork(pool("passthrough", "ens1", "ens2"), 0);
        NetworkPort a = port(net, "a", 1);
        NetworkPort b = port(net, "b", 2);
        assertEquals("ens1/passthrough", plugDev(a));
        assertEquals("ens2/passthrough", plugDev(b));
        VirtException busy = assertThrows(VirtException.class, () -> port(net, "c", 3));
        assertEquals(ErrorCode.INTERNAL_ERROR, busy.code());
        assertEquals("internal error: network 'pool' requires exclusive access to interfaces, but none are available",
                busy.getMessage());
        assertEquals(2, net.listAllPorts(0).size(), "the refused port is not kept");
        a.delete(0);
        assertEquals("ens1/passthrough", plugDev(port(net, "c", 3)));

        // a reclaimed plug (a guest found running) must name a pool interface that is free
        String reclaim = "  <plug type='direct' dev='ens2' mode='passthrough'/>\n";
        VirtException taken = assertThrows(VirtException.class, () -> net.createPort(PORT.formatted(UUID.randomUUID(),
                "d", "52:54:00:00:00:04", reclaim), NetworkPortCreateFlag.RECLAIM.bit()));
        assertEquals(ErrorCode.INTERNAL_ERROR, taken.code());
        assertEquals("internal error: network 'pool' claims dev='ens2' is already in use by a different port",
                taken.getMessage());
        UUID stranger = UUID.randomUUID();
        VirtException foreign = assertThrows(VirtException.class, () -> net.createPort(PORT.formatted(stranger,
                "d", "52:54:00:00:00:04", reclaim.replace("ens2", "ens9")), NetworkPortCreateFlag.RECLAIM.bit()));
        assertEquals("internal error: network 'pool' doesn't have dev='ens9' in use by network port '" + stranger + "'",
                foreign.getMessage());
        b.delete(0);
        NetworkPort back = net.createPort(PORT.formatted(UUID.randomUUID(), "d", "52:54:00:00:00:04", reclaim),
                NetworkPortCreateFlag.RECLAIM.bit());
        assertEquals("ens2/passthrough", plugDev(back));
        assertTrue(net.xmlDesc(0).contains("<interface dev='ens1' connections='1'/>\n    <interface dev='ens2' "
                + "connections='1'/>"), net.xmlDesc(0));
    }

    @Test
    void virtualPortTypesOtherThan8021QbgAndQbhAreRefused() throws Exception {
        Network net = conn.createNetwork(pool("private", "ens1"), 0);
        VirtException e = assertThrows(VirtException.class,
                () -> port(net, "g", 1, "  <virtualport type='openvswitch'/>\n"));
        assertEquals(ErrorCode.CONFIG_UNSUPPORTED, e.code());
        assertEquals("unsupported configuration: <virtualport type='openvswitch'> not supported for network 'pool' "
                + "which uses a macvtap device", e.getMessage());
        assertEquals(List.of(), net.listAllPorts(0));
        // the network's virtual port is the port's (virNetDevVPortProfileMerge3); one of another type conflicts
        Network qbg = conn.createNetwork("<network><name>qbg</name><forward mode='vepa'><interface dev='ens5'/>"
                + "</forward><virtualport type='802.1Qbg'><parameters managerid='11' typeid='1193047' "
                + "typeidversion='2'/></virtualport></network>", 0);
        NetworkPort inherited = port(qbg, "g", 4);
        assertTrue(inherited.xmlDesc(0).contains("<virtualport type='802.1Qbg'>"), inherited.xmlDesc(0));
        VirtException mismatch = assertThrows(VirtException.class,
                () -> port(qbg, "g", 5, "  <virtualport type='802.1Qbh'/>\n"));
        assertEquals(ErrorCode.CONFIG_UNSUPPORTED, mismatch.code());
        assertEquals("unsupported configuration: attempt to merge virtualports with mismatched types (802.1Qbh and "
                + "802.1Qbg)", mismatch.getMessage());
        // private mode with 802.1Qbh is exclusive too (libvirt's rule for Cisco's port profiles)
        String qbh = "  <virtualport type='802.1Qbh'>\n    <parameters profileid='finance'/>\n  </virtualport>\n";
        port(net, "g", 2, qbh);
        VirtException busy = assertThrows(VirtException.class, () -> port(net, "h", 3, qbh));
        assertEquals("internal error: network 'pool' requires exclusive access to interfaces, but none are available",
                busy.getMessage());
    }
}
