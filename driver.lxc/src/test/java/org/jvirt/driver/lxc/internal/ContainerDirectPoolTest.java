package org.jvirt.driver.lxc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

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
 * {@code <interface type='network'>} on a macvtap pool of jvirt's network driver, on real containers:
 * the network hands each container's port a pool interface as libvirt's networkAllocatePort (the least
 * used, the first of equals; passthrough only a free one, with libvirt's error when none is), the
 * container gets a macvlan of the pool's mode on that interface, the live XML shows the actual
 * {@code type='direct'} interface with the network, port, device and mode, the network's live XML counts
 * the connections per interface, and every stop (destroy, the init's end, a failed start, a driver that
 * took the container over) releases the port.
 */
class ContainerDirectPoolTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path tmp;
    private LxcTestBed bed;
    private NetworkDriverConnection nets;
    private final String tag = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
    private final String net = "jvp-" + tag;
    private final List<String> links = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(LxcTestBed.canRunContainers(), "needs root, lxc-start and busybox-static");
        bed = new LxcTestBed(tmp);
        NetworkDriverComponent networks = new NetworkDriverComponent(new FileStateStore(tmp.resolve("netstate")),
                new DomainXmlCodecImpl(), tmp.resolve("netrun"), new CommandRunner(new TcShim(tmp).prefix()),
                "dnsmasq");
        bed.networkDriver = networks;
        bed.newDriver();
        nets = networks.open(0);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (bed == null) {
            return;
        }
        try {
            bed.close();
        } finally {
            for (NetworkRef ref : nets.listAllNetworks(0)) {
                if (nets.isActive(ref)) {
                    nets.destroy(ref);
                }
            }
            nets.close();
            for (String link : links) {
                Netns.run(List.of("ip", "link", "del", "dev", link));
            }
        }
    }

    private NetworkRef pool(String mode, String... devs) throws VirtException {
        StringBuilder xml = new StringBuilder("<network><name>" + net + "</name><forward mode='" + mode + "'>");
        for (String d : devs) {
            xml.append("<interface dev='").append(d).append("'/>");
        }
        return nets.createXml(xml.append("</forward></network>").toString(), 0);
    }

    private DomainRef container(String name, String mac, String extra) throws VirtException {
        String iface = "    <interface type='network'>\n      <mac address='" + mac + "'/>\n      <source network='"
                + net + "'/>\n" + extra + "    </interface>\n";
        try {
            return bed.conn.defineXml(ContainerDirectTest.domain(LxcTestBed.RUN + name, bed.rootfs("root-" + name),
                    iface, "while :; do sleep 1; done"), 0);
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts the container and checks its eth0: a macvlan of {@code mode} on {@code link} with {@code mac}. */
    private ContainerProcess startOn(DomainRef ref, String link, String mode, String mac) throws Exception {
        bed.conn.create(ref, 0);
        ContainerProcess proc = bed.process(ref);
        String inside = ContainerDirectTest.linkInside(proc.initPid(), "eth0");
        assertTrue(inside.contains("eth0@if" + ContainerDirectTest.ifindex(link) + ":"), link + ": " + inside);
        assertTrue(inside.contains("macvlan mode " + mode + " ") && inside.contains("link/ether " + mac + " "),
                inside);
        return proc;
    }

    private String networkXml() throws VirtException {
        return nets.xmlDesc(nets.lookupByName(net), 0);
    }

    private DomainState stateOf(DomainRef ref) {
        try {
            return bed.conn.state(ref).state();
        } catch (VirtException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void containersShareThePoolAsLibvirtChoosesAndEveryStopReleasesTheirPorts() throws Exception {
        String a = ContainerDirectTest.hostLink("jvp" + tag + "a", links);
        String b = ContainerDirectTest.hostLink("jvp" + tag + "b", links);
        NetworkRef network = pool("bridge", a, b);
        DomainRef c1 = container("q1", "52:54:00:4a:80:01", "");
        DomainRef c2 = container("q2", "52:54:00:4a:80:02", "");
        DomainRef c3 = container("q3", "52:54:00:4a:80:03", "");
        startOn(c1, a, "bridge", "52:54:00:4a:80:01");
        ContainerProcess p2 = startOn(c2, b, "bridge", "52:54:00:4a:80:02");
        startOn(c3, a, "bridge", "52:54:00:4a:80:03");
        String xml = networkXml();
        assertTrue(xml.startsWith("<network connections='3'>") && xml.contains("<interface dev='" + a
                + "' connections='2'/>") && xml.contains("<interface dev='" + b + "' connections='1'/>"), xml);

        // the live XML shows the actual interface; the definition stays a network interface
        List<UUID> ports = nets.listAllPorts(network, 0);
        String live = bed.conn.xmlDesc(c1, 0);
        UUID port1 = ports.stream().filter(p -> live.contains("portid='" + p + "'")).findFirst().orElseThrow();
        assertTrue(live.contains("<interface type='direct'>\n      <mac address='52:54:00:4a:80:01'/>\n      "
                + "<source network='" + net + "' portid='" + port1 + "' dev='" + a + "' mode='bridge'/>"), live);
        assertTrue(nets.portXmlDesc(network, port1, 0).contains("<plug type='direct' dev='" + a + "' mode='bridge'/>"));
        String inactive = bed.conn.xmlDesc(c1, XmlFlag.INACTIVE.bit());
        assertTrue(inactive.contains("<interface type='network'>") && !inactive.contains("portid="), inactive);

        bed.conn.destroy(c1, 0);
        xml = networkXml();
        assertTrue(xml.startsWith("<network connections='2'>") && xml.contains("<interface dev='" + a
                + "' connections='1'/>") && xml.contains("<interface dev='" + b + "' connections='1'/>"), xml);
        // the init's end
        ProcessHandle.of(p2.initPid()).ifPresent(ProcessHandle::destroyForcibly);
        LxcTestBed.await("the container to stop", WAIT, () -> stateOf(c2) == DomainState.SHUTOFF);
        assertEquals(1, nets.listAllPorts(network, 0).size());
        assertTrue(networkXml().contains("<interface dev='" + b + "'/>"), networkXml());
        // a driver that takes the container over (its status has the port) releases it at the stop
        bed.newDriver();
        assertEquals(DomainState.RUNNING, stateOf(c3));
        bed.conn.destroy(c3, 0);
        assertEquals(List.of(), nets.listAllPorts(network, 0));
        assertTrue(networkXml().startsWith("<network>") && !networkXml().contains("connections="), networkXml());
        // the least used is the first pool interface again
        startOn(c2, a, "bridge", "52:54:00:4a:80:02");
    }

    @Test
    void aPassthroughPoolIsExclusive() throws Exception {
        String a = ContainerDirectTest.hostLink("jvp" + tag + "c", links);
        NetworkRef network = pool("passthrough", a);
        DomainRef c1 = container("x1", "52:54:00:4a:80:11", "");
        DomainRef c2 = container("x2", "52:54:00:4a:80:12", "");
        startOn(c1, a, "passthru", "52:54:00:4a:80:11");
        VirtException e = assertThrows(VirtException.class, () -> bed.conn.create(c2, 0));
        assertEquals(ErrorCode.INTERNAL_ERROR, e.code());
        assertEquals("internal error: network '" + net + "' requires exclusive access to interfaces, but none are "
                + "available", e.getMessage());
        assertEquals(DomainState.SHUTOFF, stateOf(c2));
        assertEquals(1, nets.listAllPorts(network, 0).size());
        assertTrue(networkXml().contains("<interface dev='" + a + "' connections='1'/>"), networkXml());
        bed.conn.destroy(c1, 0);
        // the kernel frees the link with the container's namespace, a moment after the stop
        LxcTestBed.await("the link to be free", WAIT, () -> {
            try {
                bed.conn.create(c2, 0);
                return true;
            } catch (VirtException ex) {
                return false;
            }
        });
        bed.process(c2);
        assertEquals(1, nets.listAllPorts(network, 0).size());
    }

    @Test
    void aRefusedStartLeavesNoPort() throws Exception {
        String a = ContainerDirectTest.hostLink("jvp" + tag + "d", links);
        NetworkRef network = pool("vepa", a);
        DomainRef shaped = container("y1", "52:54:00:4a:80:21",
                "      <bandwidth>\n        <inbound average='1000'/>\n      </bandwidth>\n");
        VirtException e = assertThrows(VirtException.class, () -> bed.conn.create(shaped, 0));
        assertEquals(ErrorCode.CONFIG_UNSUPPORTED, e.code());
        assertEquals("unsupported configuration: Unable to set network bandwidth on direct interfaces", e.getMessage());
        assertEquals(List.of(), nets.listAllPorts(network, 0));
        DomainRef tagged = container("y2", "52:54:00:4a:80:22", "      <vlan>\n        <tag id='7'/>\n      </vlan>\n");
        e = assertThrows(VirtException.class, () -> bed.conn.create(tagged, 0));
        assertEquals("unsupported configuration: interface 52:54:00:4a:80:22 - vlan tag not supported for this "
                + "connection type", e.getMessage());
        assertEquals(List.of(), nets.listAllPorts(network, 0));
        assertFalse(networkXml().contains("connections="), networkXml());

        // the network's port profile is the port's: a container cannot carry it (libvirt cannot undo it)
        nets.destroy(network);
        NetworkRef qbg = nets.createXml("<network><name>" + net + "</name><forward mode='vepa'><interface dev='" + a
                + "'/></forward><virtualport type='802.1Qbg'><parameters managerid='11' typeid='1193047' "
                + "typeidversion='2'/></virtualport></network>", 0);
        DomainRef profiled = container("y3", "52:54:00:4a:80:23", "");
        e = assertThrows(VirtException.class, () -> bed.conn.create(profiled, 0));
        assertEquals("unsupported configuration: Unable to set port profile on direct interfaces", e.getMessage());
        assertEquals(List.of(), nets.listAllPorts(qbg, 0));
        assertEquals(DomainState.SHUTOFF, stateOf(profiled));
    }
}
