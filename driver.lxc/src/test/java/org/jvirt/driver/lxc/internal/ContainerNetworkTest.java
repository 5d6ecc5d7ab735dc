package org.jvirt.driver.lxc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.InterfaceStats;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;

/**
 * Network namespaces: with {@code <privnet/>} and no interface a container sees only {@code lo};
 * an {@code <interface type='ethernet'>} is a veth pair whose guest end has the definition's
 * address and default route inside the container, and whose host end is gone after destroy.
 */
class ContainerNetworkTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String SCRIPT = "ip -o link > /out/links; ip -o addr > /out/addr; ip route > /out/route; "
            + "echo ready > /out/ready; while :; do sleep 1; done";

    @TempDir
    Path tmp;
    private LxcTestBed bed;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(LxcTestBed.canRunContainers(), "needs root, lxc-start and busybox-static");
        bed = new LxcTestBed(tmp);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (bed != null) {
            bed.close();
        }
    }

    private String xml(String name, Path root, Path out, String features, String devices) {
        return xml(name, root, out, features, devices, SCRIPT);
    }

    private String xml(String name, Path root, Path out, String features, String devices, String script) {
        return "<domain type='lxc'>\n  <name>" + name + "</name>\n  <memory unit='KiB'>65536</memory>\n"
                + "  <os>\n    <type>exe</type>\n    <init>/bin/sh</init>\n    <initarg>-c</initarg>\n"
                + "    <initarg>" + script.replace(">", "&gt;") + "</initarg>\n  </os>\n" + features + "  <devices>\n"
                + "    <filesystem type='mount'>\n      <source dir='" + root + "'/>\n      <target dir='/'/>\n"
                + "    </filesystem>\n    <filesystem type='mount'>\n      <source dir='" + out + "'/>\n"
                + "      <target dir='/out'/>\n    </filesystem>\n" + devices
                + "    <console type='pty'/>\n  </devices>\n</domain>\n";
    }

    @Test
    void privnetWithoutInterfacesGivesOnlyLoopback() throws Exception {
        Path root = bed.rootfs("root");
        Path out = Files.createDirectories(tmp.resolve("out"));
        DomainRef ref = bed.conn.createXml(xml(LxcTestBed.RUN + "n1", root, out, "  <features>\n    <privnet/>\n  </features>\n",
                ""), 0);
        bed.process(ref);
        LxcTestBed.await("the init to be ready", WAIT, () -> Files.exists(out.resolve("ready")));
        String links = LxcTestBed.read(out.resolve("links"));
        assertEquals(1, links.lines().count(), links);
        assertTrue(links.contains(": lo:"), links);
        bed.conn.destroy(ref, 0);
    }

    @Test
    void anEthernetInterfaceIsAVethWithItsAddressAndRouteInside() throws Exception {
        Path root = bed.rootfs("root");
        Path out = Files.createDirectories(tmp.resolve("out"));
        String iface = "    <interface type='ethernet'>\n      <mac address='52:54:00:4a:7c:01'/>\n"
                + "      <ip address='192.0.2.10' family='ipv4' prefix='24'/>\n"
                + "      <route family='ipv4' address='0.0.0.0' prefix='0' gateway='192.0.2.1'/>\n    </interface>\n";
        DomainRef ref = bed.conn.createXml(xml(LxcTestBed.RUN + "n2", root, out, "", iface), 0);
        bed.process(ref);
        LxcTestBed.await("the init to be ready", WAIT, () -> Files.exists(out.resolve("ready")));
        String addr = LxcTestBed.read(out.resolve("addr"));
        assertTrue(addr.contains("eth0") && addr.contains("inet 192.0.2.10/24"), addr);
        assertTrue(LxcTestBed.read(out.resolve("links")).contains("52:54:00:4a:7c:01"));
        assertTrue(LxcTestBed.read(out.resolve("route")).contains("default via 192.0.2.1 dev eth0"),
                LxcTestBed.read(out.resolve("route")));

        String live = bed.conn.xmlDesc(ref, 0);
        Matcher m = Pattern.compile("<target dev='(veth\\d+)'/>").matcher(live);
        assertTrue(m.find(), live);
        String hostVeth = m.group(1);
        assertTrue(VethNames.exists(hostVeth), "host end " + hostVeth + " exists while the container runs");
        bed.conn.destroy(ref, 0);
        assertFalse(VethNames.exists(hostVeth), "host end " + hostVeth + " gone after destroy");
    }

    /**
     * {@code domifstat}: the veth's host end from /proc/net/dev, receive and transmit swapped (what
     * the container sent, its ARP requests for the unreachable gateway, the host end received).
     */
    @Test
    void interfaceStatsCountTheHostEndFromTheContainersSide() throws Exception {
        Path root = bed.rootfs("root");
        Path out = Files.createDirectories(tmp.resolve("out"));
        String iface = "    <interface type='ethernet'>\n      <mac address='52:54:00:4a:7c:02'/>\n"
                + "      <ip address='192.0.2.20' family='ipv4' prefix='24'/>\n"
                + "      <route family='ipv4' address='0.0.0.0' prefix='0' gateway='192.0.2.1'/>\n    </interface>\n";
        String script = "ping -c 3 -W 1 192.0.2.1; echo ready > /out/ready; while :; do sleep 1; done";
        DomainRef ref = bed.conn.createXml(xml(LxcTestBed.RUN + "n3", root, out, "", iface, script), 0);
        bed.process(ref);
        LxcTestBed.await("the init's pings", WAIT, () -> Files.exists(out.resolve("ready")));
        Matcher m = Pattern.compile("<target dev='(veth\\d+)'/>").matcher(bed.conn.xmlDesc(ref, 0));
        assertTrue(m.find());
        String veth = m.group(1);

        InterfaceStats s = null;
        long[] host = null;
        for (int i = 0; i < 50 && s == null; i++) { // a quiet moment: the host counters the same around the call
            long[] before = hostCounters(veth);
            InterfaceStats read = bed.conn.interfaceStats(ref, veth);
            if (Arrays.equals(before, hostCounters(veth))) {
                s = read;
                host = before;
            } else {
                Thread.sleep(100);
            }
        }
        assertNotNull(s, "the veth's counters never stood still");
        assertEquals(host[0], s.txBytes(), "the container's transmit is the host end's receive");
        assertEquals(host[1], s.txPackets());
        assertEquals(host[2], s.rxBytes(), "the container's receive is the host end's transmit");
        assertEquals(host[3], s.rxPackets());
        assertTrue(s.txPackets() >= 1 && s.txBytes() >= 42, "the container's ARP requests: " + s);
        assertEquals(s.txPackets(), bed.conn.interfaceStats(ref, "52:54:00:4A:7C:02").txPackets(), "by MAC, any case");

        VirtException e = assertThrows(VirtException.class, () -> bed.conn.interfaceStats(ref, "eth0"));
        assertEquals(ErrorCode.INVALID_ARG, e.code());
        assertEquals("invalid argument: 'eth0' is not a known interface", e.getMessage());
        bed.conn.destroy(ref, 0);
        e = assertThrows(VirtException.class, () -> bed.conn.interfaceStats(ref, veth));
        assertEquals(ErrorCode.NO_DOMAIN, e.code(), "a transient container is gone after destroy");
    }

    /** rx_bytes, rx_packets, tx_bytes, tx_packets of a host device, from sysfs. */
    private static long[] hostCounters(String dev) throws Exception {
        Path st = Path.of("/sys/class/net", dev, "statistics");
        long[] out = new long[4];
        String[] names = {"rx_bytes", "rx_packets", "tx_bytes", "tx_packets"};
        for (int i = 0; i < 4; i++) {
            out[i] = Long.parseLong(Files.readString(st.resolve(names[i])).strip());
        }
        return out;
    }
}
