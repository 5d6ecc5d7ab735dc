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
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.DomainState;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.api.XmlFlag;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.NetworkDriverConnection;
import org.jvirt.api.spi.NetworkRef;
import org.jvirt.core.store.FileStateStore;
import org.jvirt.network.internal.Netns;
import org.jvirt.network.internal.NetworkDriverComponent;
import org.jvirt.network.internal.TcShim;
import org.jvirt.network.internal.host.CommandRunner;
import org.jvirt.xml.internal.DomainXmlCodecImpl;

/**
 * {@code <interface type='network'>} on real containers and real networks of jvirt's network driver
 * (in the host's namespace, where liblxc makes the veths; names and subnets random per run), as
 * libvirt's virLXCProcessSetupInterfaces: a port of the network is allocated at the start, the veth's
 * host end is enslaved to the network's bridge (its own, or the host's bridge of a forward mode 'bridge'
 * network) and shaped with the port's bandwidth (its port group's), the container reaches the bridge's
 * address, the live XML names the bridge and the port, and the port is released at the stop and after
 * a failed start. A missing or inactive network and a VLAN tag get libvirt's errors
 * and leave no port. The network driver's tc runs behind {@link TcShim}.
 */
class ContainerNetworkPortTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String GROUP_QOS = "<bandwidth><inbound average='1000' burst='256'/>"
            + "<outbound average='500'/></bandwidth>";

    @TempDir
    Path tmp;
    private LxcTestBed bed;
    private TcShim shim;
    private NetworkDriverConnection nets;
    private final List<String> hostBridges = new ArrayList<>();
    private final String tag = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
    private final int subnet = ThreadLocalRandom.current().nextInt(1, 250);
    private final String net = "jvl-" + tag;
    private final String bridge = "jvlbr" + tag;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(LxcTestBed.canRunContainers(), "needs root, lxc-start and busybox-static");
        bed = new LxcTestBed(tmp);
        shim = new TcShim(tmp);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (bed == null) {
            return;
        }
        try {
            bed.close();
        } finally {
            if (nets != null) {
                for (NetworkRef ref : nets.listAllNetworks(0)) {
                    removeQuietly(ref);
                }
                nets.close();
            }
            for (String br : hostBridges) {
                Netns.run(List.of("ip", "link", "del", "dev", br));
            }
        }
    }

    /** Stops (with its bridge and firewall table) and forgets a network the test made. */
    private void removeQuietly(NetworkRef ref) {
        try {
            boolean persistent = nets.isPersistent(ref);
            if (nets.isActive(ref)) {
                nets.destroy(ref);
            }
            if (persistent) {
                nets.undefine(ref);
            }
        } catch (VirtException e) {
            System.err.println("cannot remove network " + ref.name() + ": " + e.getMessage());
        }
    }

    private void useNetworkDriver() throws Exception {
        NetworkDriverComponent networks = new NetworkDriverComponent(new FileStateStore(tmp.resolve("netstate")),
                new DomainXmlCodecImpl(), tmp.resolve("netrun"), new CommandRunner(shim.prefix()), "dnsmasq");
        bed.networkDriver = networks;
        bed.newDriver();
        nets = networks.open(0);
    }

    /** An isolated network with its own bridge and address, no DNS (no dnsmasq), and a port group with QoS. */
    private NetworkRef isolatedNetwork(String name, boolean start) throws VirtException {
        return isolatedNetwork(name, start, "");
    }

    private NetworkRef isolatedNetwork(String name, boolean start, String extra) throws VirtException {
        String xml = "<network><name>" + name + "</name><bridge name='" + bridge + "'/><dns enable='no'/>" + extra
                + "<ip address='198.18." + subnet + ".1' prefix='24'/>"
                + "<portgroup name='slow'>" + GROUP_QOS + "</portgroup></network>";
        NetworkRef ref = nets.defineXml(xml, 0);
        if (start) {
            nets.create(ref, 0);
        }
        return ref;
    }

    private static String domain(String name, Path root, Path out, String init, String interfaces, String script) {
        return "<domain type='lxc'>\n  <name>" + name + "</name>\n  <memory unit='KiB'>65536</memory>\n"
                + "  <os>\n    <type>exe</type>\n    <init>" + init + "</init>\n    <initarg>-c</initarg>\n"
                + "    <initarg>" + script.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")
                + "</initarg>\n  </os>\n  <devices>\n"
                + "    <filesystem type='mount'>\n      <source dir='" + root + "'/>\n      <target dir='/'/>\n"
                + "    </filesystem>\n    <filesystem type='mount'>\n      <source dir='" + out + "'/>\n"
                + "      <target dir='/out'/>\n    </filesystem>\n" + interfaces
                + "    <console type='pty'/>\n  </devices>\n</domain>\n";
    }

    /** Writes its links, then pings {@code gateway} until it answers (at most 15 tries), then idles. */
    private static String pingScript(String gateway) {
        return "ip -o link > /out/links; i=0; until ping -c 1 -W 1 " + gateway + " > /out/ping 2>&1; do i=$((i+1)); "
                + "[ $i -ge 15 ] && break; done; echo $i > /out/tries; echo ready > /out/ready; "
                + "while :; do sleep 1; done";
    }

    private static String networkInterface(String network, String portgroup, String mac, String address) {
        return "    <interface type='network'>\n      <mac address='" + mac + "'/>\n      <source network='" + network
                + "'" + (portgroup == null ? "" : " portgroup='" + portgroup + "'") + "/>\n"
                + (address == null ? "" : "      <ip address='" + address + "' family='ipv4' prefix='24'/>\n")
                + "    </interface>\n";
    }

    @Test
    void theVethIsOnTheNetworksBridgeWithItsPortGroupsQosUntilTheStop() throws Exception {
        useNetworkDriver();
        NetworkRef network = isolatedNetwork(net, true);
        Path out = Files.createDirectories(tmp.resolve("out"));
        String iface = networkInterface(net, "slow", "52:54:00:4a:7e:01", "198.18." + subnet + ".2");
        DomainRef ref = bed.conn.defineXml(domain(LxcTestBed.RUN + "p1", bed.rootfs("root"), out, "/bin/sh", iface,
                pingScript("198.18." + subnet + ".1")), 0);
        bed.conn.create(ref, 0);
        bed.process(ref);
        LxcTestBed.await("the container's pings", WAIT, () -> Files.exists(out.resolve("ready")));

        // one port, owned by the container, carrying its port group's bandwidth
        List<UUID> ports = nets.listAllPorts(network, 0);
        assertEquals(1, ports.size(), ports.toString());
        String portXml = nets.portXmlDesc(network, ports.get(0), 0);
        assertTrue(portXml.contains("<name>" + LxcTestBed.RUN + "p1</name>") && portXml.contains("<group>slow</group>")
                && portXml.contains("<plug type='network' bridge='" + bridge + "'/>"), portXml);

        // the live XML: the bridge the port plugged into, the port, the veth, the granted bandwidth
        String live = bed.conn.xmlDesc(ref, 0);
        assertTrue(live.contains("<source network='" + net + "' portgroup='slow' portid='" + ports.get(0)
                + "' bridge='" + bridge + "'/>"), live);
        assertTrue(live.contains("<inbound average='1000' burst='256'/>") && live.contains("<outbound average='500'/>"),
                live);
        String inactive = bed.conn.xmlDesc(ref, XmlFlag.INACTIVE.bit());
        assertFalse(inactive.contains("portid=") || inactive.contains("<bandwidth>"), inactive);
        Matcher m = Pattern.compile("<target dev='(veth\\d+)'/>").matcher(live);
        assertTrue(m.find(), live);
        String veth = m.group(1);

        // the host end is enslaved to the network's bridge, the guest end is eth0 and up
        assertEquals(bridge, Files.readSymbolicLink(Path.of("/sys/class/net", veth, "master")).getFileName().toString());
        assertEquals("0", brport(veth, "isolated"), "the network does not isolate its ports");
        String details = check("ip", "-d", "link", "show", "dev", veth);
        assertTrue(details.contains("master " + bridge) && details.contains("bridge_slave"), details);
        String links = LxcTestBed.read(out.resolve("links"));
        assertTrue(links.lines().anyMatch(l -> l.contains(": eth0@") && l.contains("52:54:00:4a:7e:01")
                && l.contains(",UP,") && l.contains("LOWER_UP")), links);
        // traffic passes: the container reaches the bridge's address
        String ping = LxcTestBed.read(out.resolve("ping"));
        assertTrue(ping.contains("1 packets received"), ping + " after " + LxcTestBed.read(out.resolve("tries")));

        // the port group's QoS on the host end, swapped (the container's inbound is what the veth transmits)
        List<String> log = shim.log();
        assertTrue(log.stream().anyMatch(l -> l.startsWith("tc class add dev " + veth
                + " parent 1: classid 1:1 htb rate 1000kbps burst 256kb")), log.toString());
        assertTrue(log.contains("tc filter add dev " + veth + " parent ffff: protocol all u32 match u32 0 0 "
                + "police rate 500kbps burst 500kb mtu 64kb drop flowid :1"), log.toString());
        String classes = check("tc", "class", "show", "dev", veth);
        assertTrue(classes.contains("class htb 1:1 root prio 0 rate 8Mbit ceil 8Mbit burst 256Kb"), classes);

        bed.conn.destroy(ref, 0);
        assertEquals(List.of(), nets.listAllPorts(network, 0), "the port is released at the stop");
        LxcTestBed.await("the veth to be gone", WAIT, () -> !VethNames.exists(veth));

        // a second start gets a new port, and a stop by the container itself releases it too
        bed.conn.create(ref, 0);
        ContainerProcess proc = bed.process(ref);
        assertEquals(1, nets.listAllPorts(network, 0).size());
        ProcessHandle.of(proc.initPid()).ifPresent(ProcessHandle::destroyForcibly);
        LxcTestBed.await("the container to stop", WAIT, () -> stateOf(ref) == DomainState.SHUTOFF);
        assertEquals(List.of(), nets.listAllPorts(network, 0), "the port is released when the init ends");
    }

    private DomainState stateOf(DomainRef ref) {
        try {
            return bed.conn.state(ref).state();
        } catch (VirtException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The port is in the container's status: a driver that takes the container over releases it at the
     * stop, and one that finds the container ended while no driver watched releases it at once.
     */
    @Test
    void aDriverThatTakesOverReleasesThePort() throws Exception {
        useNetworkDriver();
        NetworkRef network = isolatedNetwork(net, true, "<port isolated='yes'/>");
        Path out = Files.createDirectories(tmp.resolve("out"));
        DomainRef ref = bed.conn.defineXml(domain(LxcTestBed.RUN + "p8", bed.rootfs("root"), out, "/bin/sh",
                networkInterface(net, null, "52:54:00:4a:7e:08", null), "while :; do sleep 1; done"), 0);
        bed.conn.create(ref, 0);
        bed.process(ref);
        assertEquals(1, nets.listAllPorts(network, 0).size());
        Matcher m = Pattern.compile("<target dev='(veth\\d+)'/>").matcher(bed.conn.xmlDesc(ref, 0));
        assertTrue(m.find());
        assertEquals("1", brport(m.group(1), "isolated"), "the network's <port isolated='yes'/> on the veth");
        bed.newDriver();
        assertEquals(DomainState.RUNNING, bed.conn.state(ref).state(), "reattached");
        bed.conn.destroy(ref, 0);
        assertEquals(List.of(), nets.listAllPorts(network, 0), "released by the new driver");

        bed.conn.create(ref, 0);
        ContainerProcess proc = bed.process(ref);
        assertEquals(1, nets.listAllPorts(network, 0).size());
        bed.driver.deactivate();
        ProcessHandle.of(proc.initPid()).ifPresent(ProcessHandle::destroyForcibly);
        LxcTestBed.await("the container to end", WAIT, () -> !proc.initAlive() && !proc.monitorAlive());
        bed.newDriver();
        assertEquals(DomainState.SHUTOFF, bed.conn.state(ref).state());
        assertEquals(List.of(), nets.listAllPorts(network, 0), "released when found ended");
    }

    /** Forward mode 'bridge' with a bridge of the host: the port plugs into that bridge, as libvirt's. */
    @Test
    void aBridgeModeNetworkPlugsTheVethIntoTheHostsBridge() throws Exception {
        useNetworkDriver();
        String hostBridge = "jvlhb" + tag;
        hostBridges.add(hostBridge);
        check("ip", "link", "add", "name", hostBridge, "type", "bridge");
        check("ip", "addr", "add", "198.19." + subnet + ".1/24", "dev", hostBridge);
        check("ip", "link", "set", "dev", hostBridge, "up");
        NetworkRef network = nets.createXml("<network><name>" + net + "</name><forward mode='bridge'/><bridge name='"
                + hostBridge + "'/></network>", 0);
        Path out = Files.createDirectories(tmp.resolve("out"));
        String iface = networkInterface(net, null, "52:54:00:4a:7e:02", "198.19." + subnet + ".2")
                .replace("    </interface>", "      <port isolated='yes'/>\n    </interface>");
        DomainRef ref = bed.conn.createXml(domain(LxcTestBed.RUN + "p2", bed.rootfs("root"), out, "/bin/sh", iface,
                pingScript("198.19." + subnet + ".1")), 0);
        bed.process(ref);
        LxcTestBed.await("the container's pings", WAIT, () -> Files.exists(out.resolve("ready")));
        List<UUID> ports = nets.listAllPorts(network, 0);
        assertEquals(1, ports.size());
        assertTrue(nets.portXmlDesc(network, ports.get(0), 0).contains("<plug type='bridge' bridge='" + hostBridge
                + "'/>"));
        String live = bed.conn.xmlDesc(ref, 0);
        assertTrue(live.contains("bridge='" + hostBridge + "'/>"), live);
        Matcher m = Pattern.compile("<target dev='(veth\\d+)'/>").matcher(live);
        assertTrue(m.find(), live);
        assertEquals(hostBridge, Files.readSymbolicLink(Path.of("/sys/class/net", m.group(1), "master"))
                .getFileName().toString());
        assertEquals("1", brport(m.group(1), "isolated"), "the interface's <port isolated='yes'/>");
        String ping = LxcTestBed.read(out.resolve("ping"));
        assertTrue(ping.contains("1 packets received"), ping);
        bed.conn.destroy(ref, 0);
        assertEquals(List.of(), nets.listAllPorts(network, 0));
    }

    @Test
    void aMissingOrInactiveNetworkGivesLibvirtsErrorAndLeavesNothing() throws Exception {
        useNetworkDriver();
        Path out = Files.createDirectories(tmp.resolve("out"));
        Path root = bed.rootfs("root");
        String veth = "jvlv" + tag;
        String iface = "    <interface type='network'>\n      <mac address='52:54:00:4a:7e:03'/>\n"
                + "      <source network='" + net + "'/>\n      <target dev='" + veth + "'/>\n    </interface>\n";
        DomainRef ref = bed.conn.defineXml(domain(LxcTestBed.RUN + "p3", root, out, "/bin/sh", iface, "sleep 100"), 0);

        VirtException e = assertThrows(VirtException.class, () -> bed.conn.create(ref, 0));
        assertEquals(ErrorCode.NO_NETWORK, e.code());
        assertEquals("Network not found: no network with matching name '" + net + "'", e.getMessage());
        assertEquals(DomainState.SHUTOFF, bed.conn.state(ref).state());

        NetworkRef network = isolatedNetwork(net, false);
        e = assertThrows(VirtException.class, () -> bed.conn.create(ref, 0));
        assertEquals(ErrorCode.OPERATION_INVALID, e.code());
        assertEquals("Requested operation is not valid: network '" + net + "' is not active", e.getMessage());
        assertEquals(DomainState.SHUTOFF, bed.conn.state(ref).state());
        assertFalse(VethNames.exists(veth));

        // a start that fails after the port was allocated (no init in the root) releases it
        nets.create(network, 0);
        DomainRef noInit = bed.conn.defineXml(domain(LxcTestBed.RUN + "p4", root, out, "/bin/nosuch", iface.replace(
                "52:54:00:4a:7e:03", "52:54:00:4a:7e:04"), "sleep 100"), 0);
        e = assertThrows(VirtException.class, () -> bed.conn.create(noInit, 0));
        assertEquals("internal error: guest failed to start: cannot find init path '/bin/nosuch' relative to container root: "
                + "No such file or directory", e.getMessage());
        assertEquals(List.of(), nets.listAllPorts(network, 0), "no port left after the failed start");
        assertFalse(VethNames.exists(veth));
    }

    @Test
    void withoutANetworkDriverNoNetworkIsFound() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("out"));
        DomainRef ref = bed.conn.defineXml(domain(LxcTestBed.RUN + "p5", bed.rootfs("root"), out, "/bin/sh",
                networkInterface("default", null, "52:54:00:4a:7e:05", null), "sleep 100"), 0);
        VirtException e = assertThrows(VirtException.class, () -> bed.conn.create(ref, 0));
        assertEquals(ErrorCode.NO_NETWORK, e.code());
        assertEquals("Network not found: no network with matching name 'default'", e.getMessage());
        assertEquals(DomainState.SHUTOFF, bed.conn.state(ref).state());
    }

    /**
     * A VLAN tag on a port plugged into a Linux bridge: libvirt's virDomainActualNetDefValidate error, and
     * no port left. (Macvtap pools: {@link ContainerDirectPoolTest}.)
     */
    @Test
    void vlanTagsOnABridgeAreRefusedWithoutAPortLeft() throws Exception {
        useNetworkDriver();
        Path out = Files.createDirectories(tmp.resolve("out"));
        Path root = bed.rootfs("root");
        NetworkRef tagged = nets.createXml("<network><name>" + net + "</name><bridge name='" + bridge + "'/>"
                + "<dns enable='no'/><vlan><tag id='42'/></vlan><ip address='198.18." + subnet + ".1' prefix='24'/>"
                + "</network>", 0);
        DomainRef vlan = bed.conn.defineXml(domain(LxcTestBed.RUN + "p7", root, out, "/bin/sh",
                networkInterface(net, null, "52:54:00:4a:7e:07", null), "sleep 100"), 0);
        VirtException e = assertThrows(VirtException.class, () -> bed.conn.create(vlan, 0));
        assertEquals(ErrorCode.CONFIG_UNSUPPORTED, e.code());
        assertEquals("unsupported configuration: interface 52:54:00:4a:7e:07 - vlan tag not supported for this "
                + "connection type", e.getMessage());
        assertEquals(List.of(), nets.listAllPorts(tagged, 0));
        assertEquals(DomainState.SHUTOFF, bed.conn.state(vlan).state());
    }

    private static String brport(String dev, String option) throws Exception {
        return Files.readString(Path.of("/sys/class/net", dev, "brport", option)).strip();
    }

    private static String check(String... cmd) throws Exception {
        Netns.Result r = Netns.run(List.of(cmd));
        assertEquals(0, r.exit(), String.join(" ", cmd) + ": " + r.err());
        return r.out();
    }
}
