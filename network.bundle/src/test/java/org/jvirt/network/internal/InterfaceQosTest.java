package org.jvirt.network.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.NetworkDriverConnection;
import org.jvirt.api.xml.NetBandwidth;

/**
 * QoS on a guest's own tap through the network driver's SPI, on a real tap in the test's namespace:
 * libvirt's commands for a QEMU tap (virNetDevBandwidthSet, no hierarchy, swapped), the tree tc reads
 * back, a replacement, the clear, and a failing tc leaving nothing behind.
 */
class InterfaceQosTest {
    private static final String TAP = "vnet0";

    @TempDir
    Path dir;
    Netns ns;
    TcShim shim;
    NetworkDriverConnection conn;

    @BeforeEach
    void setUp() throws Exception {
        ns = Netns.create("jvt-ifqos");
        shim = new TcShim(dir);
        conn = new NetworkHost(dir, shim.prefix(ns)).driver.open(0);
        ns.check("ip", "tuntap", "add", "dev", TAP, "mode", "tap");
        ns.check("ip", "link", "set", "dev", TAP, "up");
    }

    @AfterEach
    void tearDown() throws Exception {
        if (conn != null) {
            conn.close();
        }
        if (ns != null) {
            ns.close();
        }
    }

    @Test
    void tapGetsLibvirtsTreeAndLosesItOnClear() throws Exception {
        // libvirt's net-bandwidth test: inbound 1000/4000/1024, outbound 128/256/32768 (kB/s, kB)
        NetBandwidth bw = new NetBandwidth(new NetBandwidth.Rate(1000, 4000, 1024, 0),
                new NetBandwidth.Rate(128, 256, 32768, 0));
        shim.resetLog();
        conn.setInterfaceBandwidth(TAP, bw, true);
        assertEquals(List.of("tc qdisc del dev vnet0 root", "tc qdisc del dev vnet0 ingress",
                "tc qdisc add dev vnet0 root handle 1: htb default 1",
                "tc class add dev vnet0 parent 1: classid 1:1 htb rate 1000kbps ceil 4000kbps burst 1024kb quantum 85",
                "tc qdisc add dev vnet0 parent 1:1 handle 2: sfq perturb 10",
                "tc filter add dev vnet0 parent 1:0 protocol all prio 1 handle 1 fw flowid 1",
                "tc qdisc add dev vnet0 ingress",
                "tc filter add dev vnet0 parent ffff: protocol all u32 match u32 0 0 police rate 128kbps burst 32768kb "
                        + "mtu 64kb drop flowid :1"), shim.log());
        String qdiscs = tc("qdisc", "show", "dev", TAP);
        assertTrue(qdiscs.contains("qdisc htb 1: root") && qdiscs.contains("default 0x1"), qdiscs);
        assertTrue(qdiscs.contains("qdisc ingress ffff: parent ffff:fff1"), qdiscs);
        // the guest's inbound is what the tap transmits: 1000 kB/s = 8 Mbit, peak 32 Mbit
        String classes = tc("class", "show", "dev", TAP);
        assertTrue(classes.contains("class htb 1:1 root prio 0 rate 8Mbit ceil 32Mbit burst 1Mb"), classes);
        assertTrue(tc("-s", "class", "show", "dev", TAP).contains("Sent 0 bytes"), "statistics readable");
        TcShim.Lacks lacks = TcShim.lacks(ns);
        assertEquals(!lacks.sfq(), qdiscs.contains("qdisc sfq 2: parent 1:1"), qdiscs);
        assertEquals(!lacks.police(), tc("filter", "show", "dev", TAP, "ingress").contains("police"));

        // a new bandwidth replaces the tree; outbound only means policing only
        conn.setInterfaceBandwidth(TAP, new NetBandwidth(null, new NetBandwidth.Rate(64, 0, 0, 0)), true);
        qdiscs = tc("qdisc", "show", "dev", TAP);
        assertFalse(qdiscs.contains("htb"), qdiscs);
        assertTrue(qdiscs.contains("qdisc ingress ffff:"), qdiscs);
        // the default burst is the average (one second)
        assertTrue(shim.log().contains("tc filter add dev vnet0 parent ffff: protocol all u32 match u32 0 0 police "
                + "rate 64kbps burst 64kb mtu 64kb drop flowid :1"), shim.log().toString());

        conn.clearInterfaceBandwidth(TAP);
        qdiscs = tc("qdisc", "show", "dev", TAP);
        assertFalse(qdiscs.contains("htb") || qdiscs.contains("ingress"), qdiscs);
        conn.clearInterfaceBandwidth(TAP); // nothing left to clear: quiet
    }

    @Test
    void notSwappedShapesTheOtherWay() throws Exception {
        // an ethernet or direct interface shares the host's view: inbound is policed, outbound shaped
        conn.setInterfaceBandwidth(TAP, new NetBandwidth(new NetBandwidth.Rate(100, 0, 0, 0),
                new NetBandwidth.Rate(200, 0, 0, 0)), false);
        assertTrue(tc("class", "show", "dev", TAP).contains("class htb 1:1 root prio 0 rate 1600Kbit"),
                tc("class", "show", "dev", TAP));
        assertTrue(shim.log().stream().anyMatch(l -> l.contains("police rate 100kbps burst 100kb")),
                shim.log().toString());
    }

    @Test
    void aFailingTcLeavesNoTreeBehind() throws Exception {
        VirtException e = assertThrows(VirtException.class, () -> conn.setInterfaceBandwidth("nosuchtap0",
                new NetBandwidth(new NetBandwidth.Rate(100, 0, 0, 0), null), true));
        // libvirt's virCommandRun wording
        assertEquals(ErrorCode.INTERNAL_ERROR, e.code(), e.getMessage());
        assertTrue(e.getMessage().startsWith("internal error: Child process (tc qdisc add dev nosuchtap0 root handle "
                + "1: htb default 1) unexpected exit status 1"), e.getMessage());
        // a tree that breaks half way (a burst tc cannot hold, after the HTB part was made) is cleared again
        VirtException half = assertThrows(VirtException.class, () -> conn.setInterfaceBandwidth(TAP,
                new NetBandwidth(new NetBandwidth.Rate(100, 0, 0, 0), new NetBandwidth.Rate(10, 0, 99999999999L, 0)),
                true));
        assertEquals(ErrorCode.INTERNAL_ERROR, half.code(), half.getMessage());
        assertTrue(half.getMessage().contains("burst 99999999999kb"), half.getMessage());
        assertTrue(shim.log().contains("tc qdisc add dev vnet0 root handle 1: htb default 1"), shim.log().toString());
        String qdiscs = tc("qdisc", "show", "dev", TAP);
        assertFalse(qdiscs.contains("htb") || qdiscs.contains("ingress"), qdiscs);
    }

    private String tc(String... args) throws Exception {
        String[] all = new String[args.length + 1];
        all[0] = "tc";
        System.arraycopy(args, 0, all, 1, args.length);
        return ns.check(all);
    }
}
