package org.jvirt.driver.qemu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainState;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ModificationFlag;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.NetworkDriverConnection;
import org.jvirt.api.spi.NetworkRef;
import org.jvirt.driver.qemu.internal.process.QemuProcesses;
import org.jvirt.driver.qemu.internal.qmp.QmpClient;
import org.jvirt.network.internal.Netns;

/**
 * {@code <interface type='direct'>} and interfaces on a macvtap pool network in real TCG guests, in a test
 * network namespace whose host links are veth ends (this kernel has no dummy driver): libvirt's macvtap
 * on the link with the mode and the guest's MAC while the guest runs, its descriptor in QEMU's tap
 * netdev, the live XML naming it, and the device gone on every stop (destroy, QEMU killed, failed start)
 * but kept over a driver restart; the pool's ports as libvirt's network driver hands them out.
 */
class QemuDirectInterfaceTest {
    private static final String POOL = "<network><name>pool</name><forward mode='bridge'>"
            + "<interface dev='jvl0'/><interface dev='jvl1'/></forward></network>";

    private QosGuestBed env;
    private TestBed bed;
    private Netns ns;
    private NetworkDriverConnection nets;

    @BeforeEach
    void start() throws Exception {
        env = QosGuestBed.open("jqd", "jvqd", POOL);
        bed = env.bed;
        ns = env.ns;
        nets = env.nets;
        // the host links: one end of each veth pair, up
        for (int i = 0; i < 2; i++) {
            ns.check("ip", "link", "add", "jvl" + i, "type", "veth", "peer", "name", "jvp" + i);
            ns.check("ip", "link", "set", "jvl" + i, "up");
            ns.check("ip", "link", "set", "jvp" + i, "up");
        }
    }

    @AfterEach
    void stop() throws Exception {
        if (env != null) {
            env.close(); // the guests by pid, then the namespace with its links
        }
    }

    private static String guest(String name, String interfaces) {
        String devices = "  <devices>\n    <emulator>" + TestBed.QEMU + "</emulator>\n" + interfaces + "  </devices>\n";
        return TestBed.xml(name, UUID.randomUUID(), 1, "").replaceFirst("(?s)  <devices>.*</devices>\n", devices);
    }

    private static String direct(String mac, String source, String extra) {
        return "    <interface type='direct'><mac address='" + mac + "'/>" + source + extra + "</interface>\n";
    }

    private String link(String dev) throws Exception {
        return ns.check("ip", "-d", "-o", "link", "show", "dev", dev);
    }

    private boolean exists(String dev) throws Exception {
        return ns.exec("ip", "link", "show", "dev", dev).exit() == 0;
    }

    private String infoNetwork(DomainRef ref) throws Exception {
        QmpClient qmp = bed.host().byUuid(ref.uuid()).qmp();
        return qmp.execute("human-monitor-command", QmpClient.args().put("command-line", "info network")).asText();
    }

    @Test
    void aMacvtapPerInterfaceWhileTheGuestRunsAndNoneAfterDestroy() throws Exception {
        DomainRef ref = bed.conn.defineXml(guest("d1",
                direct("52:54:00:d1:00:01", "<source dev='jvl0'/>", "<model type='virtio'/>")
                        + direct("52:54:00:d1:00:02", "<source dev='jvl1' mode='bridge'/>", "<model type='e1000'/>")
                        + direct("52:54:00:d1:00:03", "<source dev='jvl0' mode='private'/>", "")), 0);
        bed.conn.create(ref, 0);
        long pid = bed.pid(ref);

        // libvirt's names in order, each on its link with its mode (vepa by default) and the guest's MAC
        String m0 = link("macvtap0");
        assertTrue(m0.contains("macvtap0@jvl0:"), m0);
        assertTrue(m0.contains("link/ether 52:54:00:d1:00:01") && m0.contains("macvtap mode vepa") && m0.contains(",UP"),
                m0);
        String m1 = link("macvtap1");
        assertTrue(m1.contains("macvtap1@jvl1:") && m1.contains("link/ether 52:54:00:d1:00:02")
                && m1.contains("macvtap mode bridge"), m1);
        String m2 = link("macvtap2");
        assertTrue(m2.contains("macvtap2@jvl0:") && m2.contains("macvtap mode private"), m2);
        // QEMU got each as an inherited tap descriptor: fd=3.. in order, one netdev per interface
        String cmdline = String.join(" ", QemuProcesses.cmdline(pid).orElseThrow());
        for (int i = 0; i < 3; i++) {
            assertTrue(cmdline.contains("{\"type\":\"tap\",\"fd\":\"" + (3 + i) + "\",\"id\":\"hostnet" + i + "\"}"),
                    cmdline);
        }
        String info = infoNetwork(ref);
        for (int i = 0; i < 3; i++) {
            assertTrue(info.contains("hostnet" + i + ": index=0,type=tap,fd=" + (3 + i)), info);
        }
        assertTrue(info.contains("virtio-net-pci") && info.contains("e1000"), info);
        // the live XML names the macvtaps, as libvirt's
        String live = bed.conn.xmlDesc(ref, 0);
        assertTrue(live.contains("<source dev='jvl0' mode='vepa'/>") && live.contains("<target dev='macvtap0'/>")
                && live.contains("<source dev='jvl1' mode='bridge'/>") && live.contains("<target dev='macvtap1'/>")
                && live.contains("<target dev='macvtap2'/>"), live);

        // domstats: the macvtap is the guest's own end, its counters are the guest's unswapped
        // (virDomainNetTypeSharesHostView): frames sent to the guest's MAC over the link are its receive
        ns.check("python3", "-c", "import socket\ns = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)\n"
                + "s.bind(('jvp0', 0))\nfor i in range(50):\n"
                + "    s.send(bytes.fromhex('525400d10001aabbccddeeff88b5') + bytes(50))\n");
        Map<String, TypedParameter> p = new HashMap<>();
        bed.conn.domainStats(List.of(ref), 0, 0).get(0).params().forEach(x -> p.put(x.field(), x));
        assertEquals(3L, p.get("net.count").longValue());
        assertEquals("macvtap0", p.get("net.0.name").stringValue());
        assertTrue(p.get("net.0.rx.pkts").longValue() >= 50 && p.get("net.0.tx.pkts").longValue() < 50, p.toString());

        bed.conn.destroy(ref, 0);
        assertTrue(QemuProcesses.waitGone(pid, Duration.ofSeconds(5)));
        for (int i = 0; i < 3; i++) {
            assertFalse(exists("macvtap" + i), "macvtap" + i + " left after destroy");
        }
        // the counter goes on, as libvirt's: the next start does not reuse the names at once
        bed.conn.create(ref, 0);
        bed.pid(ref);
        assertTrue(exists("macvtap3") && link("macvtap3").contains("52:54:00:d1:00:01"), "next name");
        bed.conn.destroy(ref, 0);
        assertFalse(exists("macvtap3"));
    }

    @Test
    void aDriverRestartKeepsTheMacvtapAndAQemuThatDiesTakesItAway() throws Exception {
        DomainRef ref = bed.conn.defineXml(guest("d2",
                direct("52:54:00:d2:00:01", "<source dev='jvl1' mode='passthrough'/>", "")), 0);
        String linkMac = mac(link("jvl1"));
        bed.conn.create(ref, 0);
        long pid = bed.pid(ref);
        assertTrue(link("macvtap0").contains("macvtap mode passthru"), link("macvtap0"));
        // passthrough: the guest's MAC on the macvtap and on the link (libvirt's virNetDevSetNetConfig)
        assertEquals("52:54:00:d2:00:01", mac(link("macvtap0")));
        assertEquals("52:54:00:d2:00:01", mac(link("jvl1")));

        DomainRef other = bed.conn.defineXml(guest("d2b", direct("52:54:00:d2:00:02", "<source dev='jvl0'/>", "")), 0);
        bed.conn.create(other, 0);
        long otherPid = bed.pid(other);
        assertTrue(link("macvtap1").contains("macvtap1@jvl0:"), link("macvtap1"));

        bed.newDriver();
        assertEquals(pid, bed.pid(ref), "the guest was reattached");
        assertTrue(exists("macvtap0") && exists("macvtap1"), "a restart of the driver keeps the guests' macvtaps");
        assertTrue(bed.conn.xmlDesc(ref, 0).contains("<target dev='macvtap0'/>"));
        // the reattached guests' names are reserved (virNetDevReserveName): the next one comes after them,
        // even once the lower one is free
        bed.conn.destroy(other, 0);
        assertTrue(QemuProcesses.waitGone(otherPid, Duration.ofSeconds(5)));
        assertFalse(exists("macvtap1"));
        bed.conn.create(other, 0);
        assertTrue(exists("macvtap2"), ns.check("ip", "-o", "link", "show"));
        bed.conn.destroy(other, 0);

        // QEMU dies without the driver asking: the macvtap goes with the guest
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        assertTrue(QemuProcesses.waitGone(pid, Duration.ofSeconds(5)));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (bed.conn.state(ref).state() != DomainState.SHUTOFF && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(DomainState.SHUTOFF, bed.conn.state(ref).state());
        assertFalse(exists("macvtap0"), "macvtap left after QEMU died");
        assertEquals(linkMac, mac(link("jvl1")), "the link has its own MAC back");
    }

    private static String mac(String ipLink) {
        int at = ipLink.indexOf("link/ether ");
        return ipLink.substring(at + 11, at + 28);
    }

    @Test
    void libvirtsRefusalsLeaveNoMacvtap() throws Exception {
        // a link that does not exist fails the start after the first macvtap was made: it goes again
        DomainRef ref = bed.conn.defineXml(guest("d3", direct("52:54:00:d3:00:01", "<source dev='jvl0'/>", "")
                + direct("52:54:00:d3:00:02", "<source dev='jvnosuch'/>", "")), 0);
        VirtException e = assertThrows(VirtException.class, () -> bed.conn.create(ref, 0));
        assertEquals(ErrorCode.SYSTEM_ERROR, e.code());
        assertTrue(e.getMessage().contains("Unable to get index for interface jvnosuch: No such device"),
                e.getMessage());
        assertEquals(DomainState.SHUTOFF, bed.conn.state(ref).state());
        assertFalse(ns.check("ip", "-o", "link", "show").contains("macvtap"), "no macvtap left");

        // QEMU itself refuses the start (a NIC model it does not have): the macvtap made for it goes
        DomainRef nic = bed.conn.defineXml(guest("d8", direct("52:54:00:d8:00:01", "<source dev='jvl0'/>",
                "<model type='jvnosuchnic'/>")), 0);
        e = assertThrows(VirtException.class, () -> bed.conn.create(nic, 0));
        assertTrue(e.getMessage().contains("process exited while connecting to monitor")
                && e.getMessage().contains("'jvnosuchnic' is not a valid device model name"), e.getMessage());
        assertEquals(DomainState.SHUTOFF, bed.conn.state(nic).state());
        assertFalse(ns.check("ip", "-o", "link", "show").contains("macvtap"), "no macvtap left");

        // a VLAN tag only on a passthrough device (virDomainActualNetDefValidate)
        DomainRef vlan = bed.conn.defineXml(guest("d4", direct("52:54:00:d4:00:01", "<source dev='jvl0'/>",
                "<vlan><tag id='42'/></vlan>")), 0);
        e = assertThrows(VirtException.class, () -> bed.conn.create(vlan, 0));
        assertEquals(ErrorCode.CONFIG_UNSUPPORTED, e.code());
        assertTrue(e.getMessage().contains("interface 52:54:00:d4:00:01 - vlan tag not supported for this "
                + "connection type"), e.getMessage());

        // the definition's own errors (libvirt's parse)
        e = assertThrows(VirtException.class, () -> bed.conn.defineXml(guest("d5",
                direct("52:54:00:d5:00:01", "<source dev='jvl0' mode='bogus'/>", "")), 0));
        assertEquals(ErrorCode.XML_ERROR, e.code());
        assertTrue(e.getMessage().contains("Invalid value for attribute 'mode' in element 'source': 'bogus'."),
                e.getMessage());
        e = assertThrows(VirtException.class, () -> bed.conn.defineXml(guest("d6",
                direct("52:54:00:d6:00:01", "", "")), 0));
        assertEquals(ErrorCode.XML_ERROR, e.code());
        assertTrue(e.getMessage().contains("No <source> 'dev' attribute specified with <interface type='direct'/>"),
                e.getMessage());
        assertFalse(ns.check("ip", "-o", "link", "show").contains("macvtap"), "no macvtap left");
    }

    @Test
    void twoGuestsOnAMacvtapPoolGetAPortAndADeviceEach() throws Exception {
        NetworkRef pool = nets.lookupByName("pool");
        String iface = "    <interface type='network'><mac address='52:54:00:e0:00:0%d'/><source network='pool'/>"
                + "<model type='virtio'/></interface>\n";
        DomainRef a = bed.conn.defineXml(guest("p1", String.format(iface, 1)), 0);
        DomainRef b = bed.conn.defineXml(guest("p2", String.format(iface, 2)), 0);
        bed.conn.create(a, 0);
        bed.conn.create(b, 0);
        long pa = bed.pid(a);
        long pb = bed.pid(b);

        // the pool's device with the fewest connections each (networkAllocatePort): one guest per link
        String liveA = bed.conn.xmlDesc(a, 0);
        String liveB = bed.conn.xmlDesc(b, 0);
        List<UUID> ports = nets.listAllPorts(pool, 0);
        assertEquals(2, ports.size());
        assertTrue(liveA.contains("<interface type='direct'>") && liveA.contains("network='pool'")
                && liveA.contains("dev='jvl0'") && liveA.contains("mode='bridge'")
                && liveA.contains("<target dev='macvtap0'/>"), liveA);
        assertTrue(liveB.contains("dev='jvl1'") && liveB.contains("<target dev='macvtap1'/>"), liveB);
        assertTrue(ports.stream().anyMatch(p -> liveA.contains("portid='" + p + "'")), liveA);
        assertTrue(ports.stream().anyMatch(p -> liveB.contains("portid='" + p + "'")), liveB);
        assertTrue(link("macvtap0").contains("macvtap0@jvl0:") && link("macvtap0").contains("52:54:00:e0:00:01")
                && link("macvtap0").contains("macvtap mode bridge"), link("macvtap0"));
        assertTrue(link("macvtap1").contains("macvtap1@jvl1:") && link("macvtap1").contains("52:54:00:e0:00:02"),
                link("macvtap1"));
        assertTrue(infoNetwork(a).contains("hostnet0: index=0,type=tap,fd=3"), infoNetwork(a));
        String netXml = nets.xmlDesc(pool, 0);
        assertTrue(netXml.contains("<interface dev='jvl0' connections='1'/>")
                && netXml.contains("<interface dev='jvl1' connections='1'/>"), netXml);

        bed.conn.destroy(a, 0);
        assertTrue(QemuProcesses.waitGone(pa, Duration.ofSeconds(5)));
        assertFalse(exists("macvtap0"), "macvtap of p1 left");
        assertEquals(1, nets.listAllPorts(pool, 0).size(), "the port of p1 released");
        bed.conn.destroy(b, 0);
        assertTrue(QemuProcesses.waitGone(pb, Duration.ofSeconds(5)));
        assertFalse(exists("macvtap1"));
        assertEquals(List.of(), nets.listAllPorts(pool, 0), "no port left");
    }

    @Test
    void aPassthroughPoolGivesEachDeviceOnceAndAFailedPlugReleasesItsPort() throws Exception {
        nets.createXml("<network><name>pt</name><forward mode='passthrough'><interface dev='jvl1'/></forward>"
                + "</network>", 0);
        nets.createXml("<network><name>gone</name><forward mode='vepa'><interface dev='jvnosuch'/></forward>"
                + "</network>", 0);
        NetworkRef pt = nets.lookupByName("pt");
        String iface = "    <interface type='network'><mac address='52:54:00:e1:00:0%d'/><source network='%s'/>"
                + "</interface>\n";
        DomainRef a = bed.conn.defineXml(guest("pt1", String.format(iface, 1, "pt")), 0);
        DomainRef b = bed.conn.defineXml(guest("pt2", String.format(iface, 2, "pt")), 0);
        bed.conn.create(a, 0);
        long pa = bed.pid(a);
        assertTrue(link("macvtap0").contains("macvtap0@jvl1:") && link("macvtap0").contains("macvtap mode passthru"),
                link("macvtap0"));
        // the pool's one device is taken: libvirt's network driver refuses the second guest
        VirtException e = assertThrows(VirtException.class, () -> bed.conn.create(b, 0));
        assertTrue(e.getMessage().contains("network 'pt' requires exclusive access to interfaces, but none are "
                + "available"), e.getMessage());
        assertEquals(1, nets.listAllPorts(pt, 0).size());
        assertFalse(exists("macvtap1"));
        bed.conn.destroy(a, 0);
        assertTrue(QemuProcesses.waitGone(pa, Duration.ofSeconds(5)));
        assertEquals(List.of(), nets.listAllPorts(pt, 0), "the port released");
        bed.conn.create(b, 0);
        long pb = bed.pid(b);
        assertTrue(link("macvtap1").contains("macvtap1@jvl1:"), link("macvtap1"));
        bed.conn.destroy(b, 0);
        assertTrue(QemuProcesses.waitGone(pb, Duration.ofSeconds(5)));

        // a port on a pool device the host does not have: the macvtap fails, the port is released again
        DomainRef c = bed.conn.defineXml(guest("pt3", String.format(iface, 3, "gone")), 0);
        e = assertThrows(VirtException.class, () -> bed.conn.create(c, 0));
        assertEquals(ErrorCode.SYSTEM_ERROR, e.code());
        assertTrue(e.getMessage().contains("Unable to get index for interface jvnosuch: No such device"), e.getMessage());
        assertEquals(List.of(), nets.listAllPorts(nets.lookupByName("gone"), 0), "no port left");
        assertFalse(ns.check("ip", "-o", "link", "show").contains("macvtap"), "no macvtap left");
    }

    @Test
    void bandwidthOnADirectInterfaceShapesTheMacvtapUnswapped() throws Exception {
        // (domiftune below: a live change reshapes the macvtap the same way)
        DomainRef ref = bed.conn.defineXml(guest("d7", direct("52:54:00:d7:00:01", "<source dev='jvl0'/>",
                "<bandwidth><outbound average='128' peak='256' burst='64'/></bandwidth>")), 0);
        bed.conn.create(ref, 0);
        long pid = bed.pid(ref);
        // the macvtap is the guest's own end: what the guest sends is what it transmits, shaped at its root
        String classes = ns.check("tc", "class", "show", "dev", "macvtap0");
        assertTrue(classes.contains("class htb 1:1 root prio 0 rate 1024Kbit ceil 2048Kbit"), classes);
        bed.conn.ownInterfaceTuning().orElseThrow().setInterfaceParameters(ref, "macvtap0",
                List.of(TypedParameter.ofUInt(Domain.BANDWIDTH_OUT_AVERAGE, 512),
                TypedParameter.ofUInt(Domain.BANDWIDTH_OUT_PEAK, 1024)), ModificationFlag.LIVE.bit());
        classes = ns.check("tc", "class", "show", "dev", "macvtap0");
        assertTrue(classes.contains("class htb 1:1 root prio 0 rate 4096Kbit ceil 8192Kbit"), classes);
        bed.conn.destroy(ref, 0);
        assertTrue(QemuProcesses.waitGone(pid, Duration.ofSeconds(5)));
        assertFalse(exists("macvtap0"));
    }
}
