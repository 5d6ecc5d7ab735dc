package org.jvirt.driver.qemu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.InterfaceStats;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.core.store.FileStateStore;
import org.jvirt.network.internal.Netns;
import org.jvirt.network.internal.NetworkDriverComponent;
import org.jvirt.network.internal.host.CommandRunner;
import org.jvirt.xml.internal.DomainXmlCodecImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code virDomainInterfaceStats} of the QEMU driver (libvirt's qemuDomainInterfaceStats) on a real TCG
 * guest whose tap is a port of an isolated network's bridge, all in a test network namespace: frames
 * sent into the bridge for the guest's MAC leave the tap towards QEMU and count as the guest's receive.
 * The bridge runs STP (libvirt's default), so the test waits for the tap's port to forward before it sends.
 */
class QemuInterfaceStatsTest {
    private static final String BRIDGE = "jvsbr0";
    private static final String MAC = "52:54:00:5a:00:01";
    private static final String USER_MAC = "52:54:00:5a:00:02";

    private TestBed bed;
    private Netns ns;

    @BeforeEach
    void start() throws Exception {
        bed = TestBed.openInTempDirIfQemuInstalled("jqs");
        ns = Netns.create("jvs");
        NetworkDriverComponent networks = new NetworkDriverComponent(new FileStateStore(bed.dir.resolve("netstate")),
                new DomainXmlCodecImpl(), bed.dir.resolve("netrun"), new CommandRunner(ns.prefix()), "dnsmasq");
        bed.commandPrefix = ns.prefix();
        bed.networkDriver = networks;
        bed.newDriver();
        networks.open(0).createXml("<network><name>isol</name><bridge name='" + BRIDGE + "'/>"
                + "<ip address='192.168.252.1' netmask='255.255.255.0'/></network>", 0);
    }

    @AfterEach
    void stop() throws Exception {
        try {
            if (bed != null) {
                bed.closeAndDeleteDir();
            }
        } finally {
            if (ns != null) {
                ns.close();
            }
        }
    }

    private static String guest() {
        String devices = "  <devices>\n    <emulator>" + TestBed.QEMU + "</emulator>\n"
                + "    <interface type='network'><mac address='" + MAC + "'/><source network='isol'/>"
                + "<model type='e1000'/></interface>\n"
                + "    <interface type='user'><mac address='" + USER_MAC + "'/><model type='e1000'/></interface>\n"
                + "  </devices>\n";
        return TestBed.xml("ifs1", UUID.randomUUID(), 1, "").replaceFirst("(?s)  <devices>.*</devices>\n", devices);
    }

    private static void fails(ErrorCode code, ErrorDomain domain, String message, Runnable0 call) {
        VirtException e = assertThrows(VirtException.class, call::run);
        assertEquals(code, e.code(), e.getMessage());
        assertEquals(domain, e.domain(), e.getMessage());
        assertEquals(code.message(message), e.getMessage());
    }

    /** The tap's tx packets, tx bytes, rx packets, rx bytes as the kernel shows them (sysfs, in the namespace). */
    private long[] tapCounters() throws Exception {
        long[] out = new long[4];
        String[] names = {"tx_packets", "tx_bytes", "rx_packets", "rx_bytes"};
        for (int i = 0; i < 4; i++) {
            out[i] = Long.parseLong(ns.check("cat", "/sys/class/net/vnet0/statistics/" + names[i]).strip());
        }
        return out;
    }

    private interface Runnable0 {
        void run() throws Exception;
    }

    @Test
    void theTapsCountersFromTheGuestsSideByNameOrMacAndLibvirtsErrors() throws Exception {
        DomainRef ref = bed.conn.defineXml(guest(), 0);
        // libvirt checks the domain runs before it looks for the device: even an unknown one
        fails(ErrorCode.OPERATION_INVALID, ErrorDomain.DOMAIN, "domain is not running",
                () -> bed.conn.interfaceStats(ref, "vnet0"));
        fails(ErrorCode.OPERATION_INVALID, ErrorDomain.DOMAIN, "domain is not running",
                () -> bed.conn.interfaceStats(ref, "nosuch0"));
        bed.conn.create(ref, 0);
        bed.pid(ref);

        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!ns.check("bridge", "link", "show", "dev", "vnet0").contains("state forwarding")) {
            assertTrue(System.nanoTime() < deadline, ns.check("bridge", "link", "show", "dev", "vnet0"));
            Thread.sleep(200);
        }
        InterfaceStats before = bed.conn.interfaceStats(ref, "vnet0");
        // 50 frames for the guest's MAC into the bridge: the bridge passes them to the tap, whose
        // transmit (towards QEMU) is the guest's receive; the tap counts a frame when QEMU reads it
        ns.check("python3", "-c", "import socket\ns = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)\n"
                + "s.bind(('" + BRIDGE + "', 0))\nfor i in range(50):\n"
                + "    s.send(bytes.fromhex('" + MAC.replace(":", "") + "aabbccddeeff88b5') + bytes(50))\n");
        // QEMU reads while its firmware polls the NIC (iPXE): at least 20 of them, within 30 s
        deadline = System.nanoTime() + 30_000_000_000L;
        while (bed.conn.interfaceStats(ref, "vnet0").rxPackets() - before.rxPackets() < 20) {
            assertTrue(System.nanoTime() < deadline, "the frames did not reach QEMU");
            Thread.sleep(200);
        }
        // the counters are the tap's, swapped: bracketed by its own (sysfs) read before and after
        long[] tapBefore = tapCounters();
        InterfaceStats byName = bed.conn.interfaceStats(ref, "vnet0");
        Map<String, TypedParameter> p = new HashMap<>();
        bed.conn.domainStats(List.of(ref), 0, 0).get(0).params().forEach(x -> p.put(x.field(), x));
        InterfaceStats byMac = bed.conn.interfaceStats(ref, MAC.toUpperCase());
        long[] tapAfter = tapCounters();
        assertTrue(tapBefore[0] <= byName.rxPackets() && byName.rxPackets() <= tapAfter[0],
                List.of(tapBefore[0], byName, tapAfter[0]).toString());
        assertTrue(tapBefore[1] <= byName.rxBytes() && byName.rxBytes() <= tapAfter[1], byName.toString());
        assertTrue(tapBefore[2] <= byName.txPackets() && byName.txPackets() <= tapAfter[2],
                List.of(tapBefore[2], byName, tapAfter[2]).toString());
        assertTrue(tapBefore[3] <= byName.txBytes() && byName.txBytes() <= tapAfter[3], byName.toString());
        assertTrue(byName.rxBytes() - before.rxBytes() >= 20 * 64, before + " -> " + byName);
        // the same device by MAC, and the same counters domstats reads, taken in between
        assertEquals("vnet0", p.get("net.0.name").stringValue());
        for (String[] f : new String[][] {{"rx.pkts", "rxPackets"}, {"rx.bytes", "rxBytes"}, {"tx.pkts", "txPackets"},
            {"tx.bytes", "txBytes"}, {"rx.drop", "rxDrop"}, {"tx.errs", "txErrs"}}) {
            long stat = p.get("net.0." + f[0]).longValue();
            long first = (long) InterfaceStats.class.getMethod(f[1]).invoke(byName);
            long second = (long) InterfaceStats.class.getMethod(f[1]).invoke(byMac);
            assertTrue(first <= stat && stat <= second, f[0] + ": " + first + " <= " + stat + " <= " + second);
        }

        fails(ErrorCode.INVALID_ARG, ErrorDomain.DOMAIN, "'nosuch0' is not a known interface",
                () -> bed.conn.interfaceStats(ref, "nosuch0"));
        fails(ErrorCode.INVALID_ARG, ErrorDomain.DOMAIN, "'52:54:00:5a:00:09' is not a known interface",
                () -> bed.conn.interfaceStats(ref, "52:54:00:5a:00:09"));
        // a user interface has no host device (virNetDevTapInterfaceStats without a name)
        fails(ErrorCode.INTERNAL_ERROR, ErrorDomain.NONE, "Interface name not provided",
                () -> bed.conn.interfaceStats(ref, USER_MAC));

        bed.conn.destroy(ref, 0);
        fails(ErrorCode.OPERATION_INVALID, ErrorDomain.DOMAIN, "domain is not running",
                () -> bed.conn.interfaceStats(ref, "vnet0"));
    }
}
