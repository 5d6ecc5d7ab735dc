package org.jvirt.driver.lxc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.DomainState;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.core.store.FileStateStore;
import org.jvirt.network.internal.Netns;
import org.jvirt.network.internal.NetworkDriverComponent;
import org.jvirt.network.internal.TcShim;
import org.jvirt.network.internal.host.CommandRunner;
import org.jvirt.xml.internal.DomainXmlCodecImpl;

/**
 * An interface's {@code <bandwidth>} on the host end of a real container's veth, set up by the real
 * network driver in the host's namespace, as libvirt's virLXCProcessSetupInterfaces does: swapped for a
 * bridged interface (the container's inbound shaped where the host end transmits, its outbound policed
 * at the host end's ingress), not swapped for {@code type='ethernet'} (which shares the host's view).
 * Read back with {@code tc}; gone with the veths at the stop. The network driver's tc runs behind
 * {@link TcShim}, which logs the commands and lets through those this kernel has no module for. Without
 * a network driver a container with a bandwidth does not start, and leaves nothing.
 */
class ContainerQosTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String BANDWIDTH = "<bandwidth><inbound average='1000' burst='256'/>"
            + "<outbound average='500'/></bandwidth>";

    @TempDir
    Path tmp;
    private LxcTestBed bed;
    private TcShim shim;
    private final String tag = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
    private final String bridge = "jvqbr" + tag;
    private final String ethernetVeth = "jvqe" + tag;
    private final String bridgedVeth = "jvqb" + tag;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(LxcTestBed.canRunContainers(), "needs root, lxc-start and busybox-static");
        bed = new LxcTestBed(tmp);
        shim = new TcShim(tmp);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (bed != null) {
            bed.close();
            host("ip", "link", "del", "dev", bridge);
        }
    }

    private void useNetworkDriver() throws Exception {
        bed.networkDriver = new NetworkDriverComponent(new FileStateStore(tmp.resolve("netstate")),
                new DomainXmlCodecImpl(), tmp.resolve("netrun"), new CommandRunner(shim.prefix()), "dnsmasq");
        bed.newDriver();
    }

    private String xml(String name, Path root, String interfaces) {
        return "<domain type='lxc'>\n  <name>" + name + "</name>\n  <memory unit='KiB'>65536</memory>\n"
                + "  <os>\n    <type>exe</type>\n    <init>/bin/sh</init>\n    <initarg>-c</initarg>\n"
                + "    <initarg>while :; do sleep 1; done</initarg>\n  </os>\n  <devices>\n"
                + "    <filesystem type='mount'>\n      <source dir='" + root + "'/>\n      <target dir='/'/>\n"
                + "    </filesystem>\n" + interfaces + "    <console type='pty'/>\n  </devices>\n</domain>\n";
    }

    @Test
    void theHostEndsOfTheVethsAreShapedUntilTheContainerStops() throws Exception {
        useNetworkDriver();
        Netns.Result made = host("ip", "link", "add", "name", bridge, "type", "bridge");
        assertEquals(0, made.exit(), made.err());
        String interfaces = "    <interface type='ethernet'>\n      <mac address='52:54:00:4a:7d:01'/>\n"
                + "      <target dev='" + ethernetVeth + "'/>\n      " + BANDWIDTH + "\n    </interface>\n"
                + "    <interface type='bridge'>\n      <mac address='52:54:00:4a:7d:02'/>\n"
                + "      <source bridge='" + bridge + "'/>\n      <target dev='" + bridgedVeth + "'/>\n      "
                + BANDWIDTH + "\n    </interface>\n";
        DomainRef ref = bed.conn.createXml(xml(LxcTestBed.RUN + "q1", bed.rootfs("root"), interfaces), 0);
        bed.process(ref);

        List<String> log = shim.log();
        // type='ethernet', not swapped: the host end transmits what the container sends (outbound), and
        // polices what it receives from the host (the container's inbound) at its ingress
        assertTrue(log.contains("tc qdisc add dev " + ethernetVeth + " root handle 1: htb default 1"), log.toString());
        assertTrue(log.stream().anyMatch(l -> l.startsWith("tc class add dev " + ethernetVeth
                + " parent 1: classid 1:1 htb rate 500kbps")), log.toString());
        assertTrue(log.contains("tc filter add dev " + ethernetVeth + " parent ffff: protocol all u32 match u32 0 0 "
                + "police rate 1000kbps burst 256kb mtu 64kb drop flowid :1"), log.toString());
        String classes = tc("class", "show", "dev", ethernetVeth);
        assertTrue(classes.contains("class htb 1:1 root prio 0 rate 4Mbit ceil 4Mbit"), classes);
        // bridged, swapped: the container's inbound is shaped where the host end transmits
        assertTrue(log.stream().anyMatch(l -> l.startsWith("tc class add dev " + bridgedVeth
                + " parent 1: classid 1:1 htb rate 1000kbps burst 256kb")), log.toString());
        assertTrue(log.contains("tc filter add dev " + bridgedVeth + " parent ffff: protocol all u32 match u32 0 0 "
                + "police rate 500kbps burst 500kb mtu 64kb drop flowid :1"), log.toString());
        classes = tc("class", "show", "dev", bridgedVeth);
        assertTrue(classes.contains("class htb 1:1 root prio 0 rate 8Mbit ceil 8Mbit burst 256Kb"), classes);
        for (String veth : List.of(ethernetVeth, bridgedVeth)) {
            String qdiscs = tc("qdisc", "show", "dev", veth);
            assertTrue(qdiscs.contains("qdisc htb 1: root") && qdiscs.contains("qdisc ingress ffff:"), qdiscs);
        }
        assertTrue(check("ip", "link", "show", "dev", bridgedVeth).contains("master " + bridge), "on the bridge");

        String live = bed.conn.xmlDesc(ref, 0);
        assertEquals(2, live.split("<inbound average='1000' burst='256'/>", -1).length - 1, live);

        bed.conn.destroy(ref, 0);
        LxcTestBed.await("the veths to be gone", WAIT,
                () -> !VethNames.exists(ethernetVeth) && !VethNames.exists(bridgedVeth));
        assertFalse(tc("qdisc", "show").contains(ethernetVeth), "no QoS left on the host");
    }

    @Test
    void withoutANetworkDriverAContainerWithABandwidthDoesNotStart() throws Exception {
        String interfaces = "    <interface type='ethernet'>\n      <mac address='52:54:00:4a:7d:03'/>\n"
                + "      <target dev='" + ethernetVeth + "'/>\n      " + BANDWIDTH + "\n    </interface>\n";
        DomainRef ref = bed.conn.defineXml(xml(LxcTestBed.RUN + "q2", bed.rootfs("root"), interfaces), 0);
        VirtException e = assertThrows(VirtException.class, () -> bed.conn.create(ref, 0));
        assertEquals(ErrorCode.NO_SUPPORT, e.code());
        assertEquals("this function is not supported by the connection driver: virNetDevBandwidthSet", e.getMessage());
        assertEquals(DomainState.SHUTOFF, bed.conn.state(ref).state());
        // the veth goes with the container's network namespace: nothing of the container is left
        LxcTestBed.await("the veth to be gone", WAIT, () -> !VethNames.exists(ethernetVeth));
    }

    private static Netns.Result host(String... cmd) throws Exception {
        return Netns.run(List.of(cmd));
    }

    private static String tc(String... args) throws Exception {
        String[] all = new String[args.length + 1];
        all[0] = "tc";
        System.arraycopy(args, 0, all, 1, args.length);
        return check(all);
    }

    private static String check(String... cmd) throws Exception {
        Netns.Result r = host(cmd);
        assertEquals(0, r.exit(), r.err());
        return r.out();
    }
}
