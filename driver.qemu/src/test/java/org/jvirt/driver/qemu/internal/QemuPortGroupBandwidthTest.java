package org.jvirt.driver.qemu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvirt.api.XmlFlag;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.NetworkDriverConnection;
import org.jvirt.driver.qemu.internal.process.QemuProcesses;
import org.jvirt.network.internal.Netns;
import org.jvirt.network.internal.TcShim;

/**
 * A port group's bandwidth on a real TCG guest's taps, as libvirt 9.0 gives it: an
 * {@code <interface type='network'>} without a {@code <bandwidth>} of its own gets its port group's
 * (the one it names, else the network's default group) through its port (networkAllocatePort), the tap
 * is shaped with it (libvirt's tc tree, no hierarchy, swapped), the live XML shows it (the actual
 * bandwidth) while the inactive one does not, and it is gone with the taps when the guest stops.
 */
class QemuPortGroupBandwidthTest {
    private static final String NET = "<network><name>pg</name><bridge name='jvtbr1'/>"
            + "<ip address='192.168.251.1' netmask='255.255.255.0'/>"
            + "<portgroup name='slow' default='yes'><bandwidth><inbound average='200'/></bandwidth></portgroup>"
            + "<portgroup name='fast'><bandwidth><inbound average='1000' peak='4000' burst='1024'/>"
            + "<outbound average='128' peak='256' burst='32768'/></bandwidth></portgroup></network>";

    private QosGuestBed env;
    private TestBed bed;
    private Netns ns;
    private TcShim shim;
    private NetworkDriverConnection nets;

    @BeforeEach
    void start() throws Exception {
        env = QosGuestBed.open("jpg", "jvpg", NET);
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

    @Test
    void theTapsGetTheirPortGroupsBandwidth() throws Exception {
        String devices = "  <devices>\n    <emulator>" + TestBed.QEMU + "</emulator>\n"
                + "    <interface type='network'><mac address='52:54:00:ab:cd:11'/><source network='pg' portgroup='fast'/>"
                + "<model type='e1000'/></interface>\n"
                + "    <interface type='network'><mac address='52:54:00:ab:cd:12'/><source network='pg'/>"
                + "<model type='e1000'/></interface>\n  </devices>\n";
        String xml = TestBed.xml("pg1", UUID.randomUUID(), 1, "").replaceFirst("(?s)  <devices>.*</devices>\n", devices);
        DomainRef ref = bed.conn.defineXml(xml, 0);
        shim.resetLog();
        bed.conn.create(ref, 0);
        long pid = bed.pid(ref);

        // the named group's bandwidth on the first tap: libvirt's commands, in libvirt's order
        assertEquals(List.of("tc qdisc del dev vnet0 root", "tc qdisc del dev vnet0 ingress",
                "tc qdisc add dev vnet0 root handle 1: htb default 1",
                "tc class add dev vnet0 parent 1: classid 1:1 htb rate 1000kbps ceil 4000kbps burst 1024kb quantum 85",
                "tc qdisc add dev vnet0 parent 1:1 handle 2: sfq perturb 10",
                "tc filter add dev vnet0 parent 1:0 protocol all prio 1 handle 1 fw flowid 1",
                "tc qdisc add dev vnet0 ingress",
                "tc filter add dev vnet0 parent ffff: protocol all u32 match u32 0 0 police rate 128kbps burst 32768kb "
                        + "mtu 64kb drop flowid :1"),
                shim.log().stream().filter(l -> l.contains(" vnet0 ")).toList());
        String classes = ns.check("tc", "class", "show", "dev", "vnet0");
        assertTrue(classes.contains("class htb 1:1 root prio 0 rate 8Mbit ceil 32Mbit burst 1Mb"), classes);
        // the default group's on the second: inbound only, so no policing
        classes = ns.check("tc", "class", "show", "dev", "vnet1");
        assertTrue(classes.contains("class htb 1:1 root prio 0 rate 1600Kbit ceil 1600Kbit"), classes);
        assertFalse(ns.check("tc", "qdisc", "show", "dev", "vnet1").contains("ingress"));

        // the ports carry the groups' bandwidth, and the live XML shows it as libvirt's actual bandwidth
        List<String> ports = nets.listAllPorts(nets.lookupByName("pg"), 0).stream()
                .map(p -> uncheckedPortXml(p)).toList();
        assertTrue(ports.stream().anyMatch(p -> p.contains("<group>fast</group>")
                && p.contains("<inbound average='1000' peak='4000' burst='1024'/>")), ports.toString());
        assertTrue(ports.stream().anyMatch(p -> p.contains("<inbound average='200'/>")), ports.toString());
        String live = bed.conn.xmlDesc(ref, 0);
        assertTrue(live.contains("<inbound average='1000' peak='4000' burst='1024'/>")
                && live.contains("<outbound average='128' peak='256' burst='32768'/>")
                && live.contains("<inbound average='200'/>"), live);
        String inactive = bed.conn.xmlDesc(ref, XmlFlag.INACTIVE.bit());
        assertFalse(inactive.contains("<bandwidth"), "the definition itself has none: " + inactive);

        bed.conn.destroy(ref, 0);
        assertTrue(QemuProcesses.waitGone(pid, Duration.ofSeconds(5)));
        assertNotEquals(0, ns.exec("ip", "link", "show", "dev", "vnet0").exit(), "tap and its QoS gone");
        assertNotEquals(0, ns.exec("ip", "link", "show", "dev", "vnet1").exit(), "tap and its QoS gone");
        assertEquals(List.of(), nets.listAllPorts(nets.lookupByName("pg"), 0), "ports released");
        assertFalse(bed.conn.xmlDesc(ref, 0).contains("<bandwidth"), "the stopped guest shows its definition");
    }

    private String uncheckedPortXml(UUID port) {
        try {
            return nets.portXmlDesc(nets.lookupByName("pg"), port, 0);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
