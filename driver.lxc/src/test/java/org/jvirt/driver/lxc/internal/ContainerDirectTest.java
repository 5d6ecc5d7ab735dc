package org.jvirt.driver.lxc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.DomainState;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.InterfaceStats;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.network.internal.Netns;

/**
 * {@code <interface type='direct'>} on real containers, as libvirt's virLXCProcessSetupInterfaceDirect:
 * a macvlan of the given mode on a host link of the test's own (a dummy device where the kernel has the
 * dummy driver, else one end of a veth pair), moved into the container under its guest name with the
 * interface's MAC, seen there with {@code ip -d link}; passthrough gives the link the container's MAC
 * (libvirt sets it first, the kernel's passthru mode follows the macvlan) until the container stops (the
 * kernel restores it; libvirt's LXC driver leaves the guest's); the live XML keeps the
 * interface as defined with its alias; the counters are the container's own. libvirt's refusals at
 * define and at start leave the container shut off.
 */
class ContainerDirectTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path tmp;
    private LxcTestBed bed;
    private final String tag = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
    private final List<String> links = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(LxcTestBed.canRunContainers(), "needs root, lxc-start and busybox-static");
        bed = new LxcTestBed(tmp);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (bed == null) {
            return;
        }
        try {
            bed.close();
        } finally {
            for (String link : links) {
                Netns.run(List.of("ip", "link", "del", "dev", link));
            }
        }
    }

    /**
     * A host link of the test's own, up: a dummy device, else (a kernel without the dummy driver) a
     * veth whose peer stays on the host; removed after the test.
     */
    static String hostLink(String name, List<String> made) throws Exception {
        Netns.Result dummy = Netns.run(List.of("ip", "link", "add", "name", name, "type", "dummy"));
        if (dummy.exit() != 0) {
            check("ip", "link", "add", "name", name, "type", "veth", "peer", "name", name + "p");
            check("ip", "link", "set", "dev", name + "p", "up");
        }
        made.add(name);
        check("ip", "link", "set", "dev", name, "up");
        return name;
    }

    static String domain(String name, Path root, String interfaces, String script) {
        return "<domain type='lxc'>\n  <name>" + name + "</name>\n  <memory unit='KiB'>65536</memory>\n"
                + "  <os>\n    <type>exe</type>\n    <init>/bin/sh</init>\n    <initarg>-c</initarg>\n"
                + "    <initarg>" + script + "</initarg>\n  </os>\n  <devices>\n"
                + "    <filesystem type='mount'>\n      <source dir='" + root + "'/>\n      <target dir='/'/>\n"
                + "    </filesystem>\n" + interfaces + "    <console type='pty'/>\n  </devices>\n</domain>\n";
    }

    static String direct(String link, String mode, String mac, String extra) {
        return "    <interface type='direct'>\n      <mac address='" + mac + "'/>\n      <source dev='" + link + "'"
                + (mode == null ? "" : " mode='" + mode + "'") + "/>\n" + extra + "    </interface>\n";
    }

    /** {@code ip -d link show dev} inside the network namespace of process {@code pid}. */
    static String linkInside(long pid, String dev) throws Exception {
        return check("nsenter", "-t", Long.toString(pid), "-n", "ip", "-d", "link", "show", "dev", dev);
    }

    static int ifindex(String link) throws Exception {
        return Integer.parseInt(Files.readString(Path.of("/sys/class/net", link, "ifindex")).strip());
    }

    static String mac(String link) throws Exception {
        return Files.readString(Path.of("/sys/class/net", link, "address")).strip().toLowerCase(Locale.ROOT);
    }

    static String check(String... cmd) throws Exception {
        Netns.Result r = Netns.run(List.of(cmd));
        assertEquals(0, r.exit(), String.join(" ", cmd) + ": " + r.err());
        return r.out();
    }

    @Test
    void theContainerHasAMacvlanOnTheLinkWithItsMacAndMode() throws Exception {
        String link = hostLink("jvd" + tag + "a", links);
        Path out = Files.createDirectories(tmp.resolve("out"));
        String iface = direct(link, "bridge", "52:54:00:4a:7f:01",
                "      <ip address='198.51.100.2' family='ipv4' prefix='24'/>\n");
        // the container sends: a ping to a neighbour nobody answers (ARP requests on the macvlan)
        String script = "ping -c 2 -W 1 198.51.100.9 &gt; /dev/null 2&gt;&amp;1; echo sent &gt; /out/sent; "
                + "while :; do sleep 1; done";
        String xml = domain(LxcTestBed.RUN + "d1", bed.rootfs("root"), iface + "", script)
                .replace("  </devices>", "    <filesystem type='mount'>\n      <source dir='" + out + "'/>\n"
                        + "      <target dir='/out'/>\n    </filesystem>\n  </devices>");
        DomainRef ref = bed.conn.defineXml(xml, 0);
        bed.conn.create(ref, 0);
        ContainerProcess proc = bed.process(ref);

        String inside = linkInside(proc.initPid(), "eth0");
        assertTrue(inside.contains("eth0@if" + ifindex(link) + ":"), "a device on the host link: " + inside);
        assertTrue(inside.contains("link/ether 52:54:00:4a:7f:01 "), inside);
        assertTrue(inside.contains("macvlan mode bridge "), inside);
        assertTrue(inside.matches("(?s).*[<,]UP[,>].*state UP.*"), "up, with a carrier: " + inside);
        String addr = check("nsenter", "-t", Long.toString(proc.initPid()), "-n", "ip", "-o", "addr", "show", "eth0");
        assertTrue(addr.contains("inet 198.51.100.2/24"), addr);

        // the live XML: as defined, with its alias; nothing on the host side to name
        String live = bed.conn.xmlDesc(ref, 0);
        assertTrue(live.contains("<interface type='direct'>\n      <mac address='52:54:00:4a:7f:01'/>\n      "
                + "<source dev='" + link + "' mode='bridge'/>"), live);
        assertTrue(live.contains("<alias name='net0'/>") && !live.contains("<target dev="), live);

        // the counters are the container's own: what it sent is transmitted
        LxcTestBed.await("the container's pings", WAIT, () -> Files.exists(out.resolve("sent")));
        InterfaceStats stats = bed.conn.interfaceStats(ref, "52:54:00:4a:7f:01");
        assertTrue(stats.txPackets() >= 1 && stats.txBytes() >= 42, stats.toString());
        assertEquals(0, stats.rxPackets(), "nothing comes in over the test's link: " + stats);
        VirtException unknown = assertThrows(VirtException.class, () -> bed.conn.interfaceStats(ref, "eth0"));
        assertEquals(ErrorCode.INVALID_ARG, unknown.code());

        bed.conn.destroy(ref, 0);
        assertEquals(DomainState.SHUTOFF, bed.conn.state(ref).state());
        assertTrue(Files.exists(Path.of("/sys/class/net", link)), "the host link stays");
        // the macvlan goes with the container's namespace (the kernel removes it a moment later): then a
        // passthrough macvlan, which must be the link's only one, may take the link
        String probe = "jvd" + tag + "m";
        LxcTestBed.await("the container's macvlan to go", WAIT, () -> {
            try {
                return Netns.run(List.of("ip", "link", "add", "link", link, "name", probe, "type", "macvlan", "mode",
                        "passthru")).exit() == 0;
            } catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        });
        check("ip", "link", "del", "dev", probe);
    }

    @Test
    void everyModeAsLibvirtNamesItWithVepaTheDefault() throws Exception {
        String link = hostLink("jvd" + tag + "b", links);
        Path root = bed.rootfs("root");
        String[][] modes = {{null, "vepa"}, {"vepa", "vepa"}, {"private", "private"}, {"bridge", "bridge"},
            {"passthrough", "passthru"}};
        String before = mac(link);
        for (int i = 0; i < modes.length; i++) {
            String mac = "52:54:00:4a:7f:1" + i;
            DomainRef ref = bed.conn.createXml(domain(LxcTestBed.RUN + "m" + i, root,
                    direct(link, modes[i][0], mac, "      <guest dev='lan0'/>\n"), "while :; do sleep 1; done"), 0);
            ContainerProcess proc = bed.process(ref);
            String inside = linkInside(proc.initPid(), "lan0");
            assertTrue(inside.contains("macvlan mode " + modes[i][1] + " "), modes[i][1] + ": " + inside);
            assertTrue(inside.contains("link/ether " + mac + " "), inside);
            if ("passthrough".equals(modes[i][0])) {
                // libvirt gives a passthrough link the guest's MAC
                assertEquals(mac, mac(link), "the link takes the container's MAC in passthrough mode");
            } else {
                assertEquals(before, mac(link), "the link keeps its MAC");
            }
            bed.conn.destroy(ref, 0);
        }
        // the kernel gives a passthrough link its MAC back when the macvlan goes with the namespace
        LxcTestBed.await("the link's own MAC", WAIT, () -> {
            try {
                return before.equals(mac(link));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The kernel allows a passthrough macvlan only as its link's one: a second container cannot start. */
    @Test
    void aPassthroughLinkTakesOneContainer() throws Exception {
        String link = hostLink("jvd" + tag + "e", links);
        Path root = bed.rootfs("root");
        DomainRef first = bed.conn.createXml(domain(LxcTestBed.RUN + "e1", root,
                direct(link, "passthrough", "52:54:00:4a:7f:31", ""), "while :; do sleep 1; done"), 0);
        bed.process(first);
        DomainRef second = bed.conn.defineXml(domain(LxcTestBed.RUN + "e2", root,
                direct(link, "passthrough", "52:54:00:4a:7f:32", ""), "while :; do sleep 1; done"), 0);
        VirtException e = assertThrows(VirtException.class, () -> bed.conn.create(second, 0));
        // liblxc's reason, in the driver's start failure (libvirt reports the kernel's EINVAL of its netlink call)
        assertEquals(ErrorCode.INTERNAL_ERROR, e.code());
        assertTrue(e.getMessage().startsWith("internal error: guest failed to start: Invalid argument - Failed to "
                + "create macvlan interface ") && e.getMessage().contains(" on \"" + link + "\""), e.getMessage());
        assertEquals(DomainState.SHUTOFF, bed.conn.state(second).state());
        assertEquals(DomainState.RUNNING, bed.conn.state(first).state());
    }

    @Test
    void libvirtsRefusalsAtDefineAndAtStart() throws Exception {
        String link = hostLink("jvd" + tag + "c", links);
        Path root = bed.rootfs("root");
        String mac = "52:54:00:4a:7f:20";

        VirtException e = assertThrows(VirtException.class, () -> bed.conn.defineXml(domain(LxcTestBed.RUN + "r0",
                root, direct(link, null, mac, "").replace(" dev='" + link + "'", ""), "sleep 9"), 0));
        assertEquals(ErrorCode.XML_ERROR, e.code());
        assertEquals("XML error: No <source> 'dev' attribute specified with <interface type='direct'/>",
                e.getMessage());
        e = assertThrows(VirtException.class, () -> bed.conn.defineXml(domain(LxcTestBed.RUN + "r0", root,
                direct(link, "passthru", mac, ""), "sleep 9"), 0));
        assertEquals(ErrorCode.XML_ERROR, e.code());
        assertEquals("XML error: Invalid value for attribute 'mode' in element 'source': 'passthru'.",
                e.getMessage());
        e = assertThrows(VirtException.class, () -> bed.conn.defineXml(domain(LxcTestBed.RUN + "r0", root,
                direct(link, "bridge", mac, "      <port isolated='yes'/>\n"), "sleep 9"), 0));
        assertEquals(ErrorCode.CONFIG_UNSUPPORTED, e.code());
        assertEquals("unsupported configuration: interface " + mac + " - <port isolated='yes'/> is not supported "
                + "for network interfaces with type='direct'", e.getMessage());

        String[][] refused = {
            {"bridge", "      <bandwidth>\n        <inbound average='1000'/>\n      </bandwidth>\n",
                "unsupported configuration: Unable to set network bandwidth on direct interfaces"},
            {"vepa", "      <virtualport type='802.1Qbg'>\n        <parameters managerid='11' typeid='1193047' "
                + "typeidversion='2'/>\n      </virtualport>\n",
                "unsupported configuration: Unable to set port profile on direct interfaces"},
            {"private", "      <vlan>\n        <tag id='42'/>\n      </vlan>\n",
                "unsupported configuration: interface " + mac + " - vlan tag not supported for this connection type"},
            {"passthrough", "      <vlan>\n        <tag id='42'/>\n      </vlan>\n",
                "unsupported configuration: vlan can only be set for SR-IOV VFs, but " + link + " is not a VF"},
        };
        for (int i = 0; i < refused.length; i++) {
            DomainRef ref = bed.conn.defineXml(domain(LxcTestBed.RUN + "r" + (i + 1), root,
                    direct(link, refused[i][0], mac, refused[i][1]), "sleep 9"), 0);
            e = assertThrows(VirtException.class, () -> bed.conn.create(ref, 0));
            assertEquals(ErrorCode.CONFIG_UNSUPPORTED, e.code(), e.getMessage());
            assertEquals(refused[i][2], e.getMessage());
            assertEquals(DomainState.SHUTOFF, bed.conn.state(ref).state());
        }
        DomainRef missing = bed.conn.defineXml(domain(LxcTestBed.RUN + "r9", root,
                direct("jvd" + tag + "x", "bridge", mac, ""), "sleep 9"), 0);
        e = assertThrows(VirtException.class, () -> bed.conn.create(missing, 0));
        assertEquals(ErrorCode.SYSTEM_ERROR, e.code());
        assertEquals("Unable to get index for interface jvd" + tag + "x: No such device", e.getMessage());
        assertFalse(Files.exists(Path.of("/sys/class/net", "jvd" + tag + "x")));
    }
}
