package org.jvirt.driver.qemu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvirt.api.DomainState;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.NetworkDriverConnection;
import org.jvirt.driver.qemu.internal.process.QemuProcesses;
import org.jvirt.network.internal.Netns;
import org.jvirt.network.internal.TcShim;

/**
 * An interface's {@code <bandwidth>} on a real TCG guest's tap, in a test network namespace with the real
 * network driver: libvirt's tc tree on the tap (virNetDevBandwidthSet, no hierarchy, swapped) read back
 * with tc, the guaranteed floor plugged on the network's bridge through the guest's port, and both gone
 * when the guest stops. The network driver's tc runs behind {@link TcShim}, which logs the commands and
 * lets through the three this kernel has no module for (sfq, fw, police).
 */
class QemuInterfaceBandwidthTest {
    private static final String BRIDGE = "jvtbr0";
    private static final String BANDWIDTH = "<bandwidth><inbound average='1000' peak='4000' burst='1024' floor='200'/>"
            + "<outbound average='128' peak='256' burst='32768'/></bandwidth>";

    private QosGuestBed env;
    private TestBed bed;
    private Netns ns;
    private TcShim shim;
    private NetworkDriverConnection nets;

    @BeforeEach
    void start() throws Exception {
        env = QosGuestBed.open("jqb", "jvqb", "<network><name>qos</name><bridge name='" + BRIDGE + "'/>"
                + "<bandwidth><inbound average='1000' peak='2000'/><outbound average='500'/></bandwidth>"
                + "<ip address='192.168.252.1' netmask='255.255.255.0'/></network>");
        bed = env.bed;
        ns = env.ns;
        shim = env.shim;
        nets = env.nets;
    }

    @AfterEach
    void stop() throws Exception {
        if (env != null) {
            env.close();
        }
    }

    private static String guest(String name, String bandwidth) {
        String devices = "  <devices>\n    <emulator>" + TestBed.QEMU + "</emulator>\n"
                + "    <interface type='network'><mac address='52:54:00:ab:cd:02'/><source network='qos'/>"
                + bandwidth + "<model type='e1000'/></interface>\n  </devices>\n";
        return TestBed.xml(name, UUID.randomUUID(), 1, "").replaceFirst("(?s)  <devices>.*</devices>\n", devices);
    }

    @Test
    void theTapIsShapedAndTheFloorPluggedUntilTheGuestStops() throws Exception {
        DomainRef ref = bed.conn.defineXml(guest("bw1", BANDWIDTH), 0);
        shim.resetLog();
        bed.conn.create(ref, 0);
        long pid = bed.pid(ref);

        // libvirt's commands for the tap, in libvirt's order
        assertEquals(List.of("tc qdisc del dev vnet0 root", "tc qdisc del dev vnet0 ingress",
                "tc qdisc add dev vnet0 root handle 1: htb default 1",
                "tc class add dev vnet0 parent 1: classid 1:1 htb rate 1000kbps ceil 4000kbps burst 1024kb quantum 85",
                "tc qdisc add dev vnet0 parent 1:1 handle 2: sfq perturb 10",
                "tc filter add dev vnet0 parent 1:0 protocol all prio 1 handle 1 fw flowid 1",
                "tc qdisc add dev vnet0 ingress",
                "tc filter add dev vnet0 parent ffff: protocol all u32 match u32 0 0 police rate 128kbps burst 32768kb "
                        + "mtu 64kb drop flowid :1"),
                shim.log().stream().filter(l -> l.contains(" vnet0 ")).toList());
        // and what the kernel holds for the guest's tap: its inbound shaped where the tap transmits
        String qdiscs = ns.check("tc", "qdisc", "show", "dev", "vnet0");
        assertTrue(qdiscs.contains("qdisc htb 1: root") && qdiscs.contains("default 0x1"), qdiscs);
        assertTrue(qdiscs.contains("qdisc ingress ffff: parent ffff:fff1"), qdiscs);
        String classes = ns.check("tc", "class", "show", "dev", "vnet0");
        assertTrue(classes.contains("class htb 1:1 root prio 0 rate 8Mbit ceil 32Mbit burst 1Mb"), classes);
        // QEMU got that tap as the descriptor the driver opened (libvirt's tap fd passing)
        assertTrue(String.join(" ", QemuProcesses.cmdline(pid).orElseThrow()).contains("{\"type\":\"tap\",\"fd\":\"3\""));

        // the floor: class 1:3 on the bridge, 200 kB/s guaranteed up to the network's peak
        String bridge = ns.check("tc", "class", "show", "dev", BRIDGE);
        assertTrue(bridge.contains("class htb 1:3 parent 1:1 prio 0 rate 1600Kbit ceil 16Mbit"), bridge);
        assertTrue(bridge.contains("class htb 1:2 parent 1:1 prio 0 rate 14400Kbit ceil 16Mbit"), bridge);
        String port = nets.portXmlDesc(nets.lookupByName("qos"), nets.listAllPorts(nets.lookupByName("qos"), 0)
                .get(0), 0);
        assertTrue(port.contains("<bandwidth classID='3'>") && port.contains("floor='200'"), port);
        // the live definition keeps the bandwidth, as libvirt's
        String live = bed.conn.xmlDesc(ref, 0);
        assertTrue(live.contains("<inbound average='1000' peak='4000' floor='200' burst='1024'/>")
                && live.contains("<outbound average='128' peak='256' burst='32768'/>"), live);

        bed.conn.destroy(ref, 0);
        assertTrue(QemuProcesses.waitGone(pid, Duration.ofSeconds(5)));
        assertNotEquals(0, ns.exec("ip", "link", "show", "dev", "vnet0").exit(), "tap and its QoS gone");
        bridge = ns.check("tc", "class", "show", "dev", BRIDGE);
        assertFalse(bridge.contains("class htb 1:3 "), bridge);
        assertTrue(bridge.contains("class htb 1:2 parent 1:1 prio 0 rate 16Mbit ceil 16Mbit"), bridge);
    }

    @Test
    void aFloorTheNetworkCannotGiveFailsTheStartAndLeavesNothing() throws Exception {
        DomainRef ref = bed.conn.defineXml(guest("bw2", "<bandwidth><inbound floor='3000'/></bandwidth>"), 0);
        VirtException e = assertThrows(VirtException.class, () -> bed.conn.create(ref, 0));
        assertEquals(ErrorCode.OPERATION_INVALID, e.code());
        assertTrue(e.getMessage().endsWith("Cannot plug '52:54:00:ab:cd:02' interface into '" + BRIDGE + "' because "
                + "new combined inbound floor=3000 would overcommit peak=2000 on network 'qos'"), e.getMessage());
        assertEquals(DomainState.SHUTOFF, bed.conn.state(ref).state());
        assertFalse(ns.check("ip", "-o", "link", "show").contains("vnet"), "no tap left");
        assertEquals(List.of(), nets.listAllPorts(nets.lookupByName("qos"), 0), "no port left");
    }
}
