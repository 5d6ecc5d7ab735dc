package org.jvirt.driver.qemu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvirt.api.Domain;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ModificationFlag;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.NetworkDriverConnection;
import org.jvirt.api.spi.NetworkRef;
import org.jvirt.driver.qemu.internal.domain.QemuDomainObj;
import org.jvirt.driver.qemu.internal.qmp.QmpClient;
import org.jvirt.network.internal.Netns;
import org.jvirt.testing.NetworkedLinuxGuest;

/**
 * Direct (macvtap) interfaces plugged into and out of running guests, as libvirt 9.0's
 * qemuDomainAttachNetDevice with qemuInterfaceDirectConnect and qemuDomainRemoveNetDevice, in a test
 * network namespace whose host links are veth ends (this kernel has no dummy driver): a
 * {@code type='direct'} NIC and a {@code type='network'} NIC on a macvtap pool get a macvtap on the
 * link with the mode and the guest's MAC, QEMU a tap netdev on its descriptor, a real Linux guest (TCG)
 * the NIC, answering pings from the link's far end; unplugged, the macvtap is gone and the pool's port
 * released. And {@code domiftune} on a pool NIC reshapes the macvtap and the network's port.
 */
class QemuDirectHotplugTest {
    private static final String POOL = "<network><name>pool</name><forward mode='bridge'>"
            + "<interface dev='jvl0'/><interface dev='jvl1'/></forward></network>";
    private static final String MAC_DIRECT = "52:54:00:00:c8:0a"; // the guest takes 192.168.200.10
    private static final String MAC_POOL = "52:54:00:00:c9:0b"; // and 192.168.201.11

    private QosGuestBed env;
    private TestBed bed;
    private Netns ns;
    private NetworkDriverConnection nets;

    @BeforeEach
    void start() throws Exception {
        env = QosGuestBed.open("jqdh", "jvdh", POOL);
        bed = env.bed;
        ns = env.ns;
        nets = env.nets;
        // the host links: one end of each veth pair; the far ends hold the addresses the test pings from
        for (int i = 0; i < 2; i++) {
            ns.check("ip", "link", "add", "jvl" + i, "type", "veth", "peer", "name", "jvp" + i);
            ns.check("ip", "addr", "add", "192.168." + (200 + i) + ".1/24", "dev", "jvp" + i);
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

    @Test
    void directAndPoolNicsComeAndGoWithTheirMacvtaps() throws Exception {
        Path serial = bed.dir.resolve("serial.log");
        DomainRef ref = bed.conn.defineXml(linuxGuest(serial), 0);
        bed.conn.create(ref, 0);
        bed.pid(ref);
        NetworkedLinuxGuest.awaitInterfaces(serial, "[]");
        NetworkRef pool = nets.lookupByName("pool");
        QemuDomainObj dom = bed.host().byUuid(ref.uuid());

        bed.conn.ownDevices().orElseThrow().attachDevice(ref, "<interface type='direct'><mac address='" + MAC_DIRECT
                + "'/><source dev='jvl0' mode='bridge'/><model type='virtio'/></interface>");
        String m0 = link("macvtap0");
        assertTrue(m0.contains("macvtap0@jvl0:") && m0.contains("link/ether " + MAC_DIRECT)
                && m0.contains("macvtap mode bridge") && m0.contains(",UP"), m0);
        assertTrue(QmpJson.hasPeripheral(dom.qmp(), "net0"));
        String info = hmp(dom, "info network");
        assertTrue(info.contains("hostnet0: index=0,type=tap") && info.contains(MAC_DIRECT), info);
        String iface = element(bed.conn.xmlDesc(ref, 0), MAC_DIRECT);
        assertTrue(iface.contains("<target dev='macvtap0'/>") && iface.contains("<source dev='jvl0' mode='bridge'/>")
                && iface.contains("<alias name='net0'/>"), iface);
        NetworkedLinuxGuest.awaitInterfaces(serial, "[eth0 ]");
        awaitPing("192.168.200.10");

        // a network NIC on the pool: its port takes the device with the fewest of the pool's connections (the
        // direct NIC is not one of them), the first, jvl0; the live XML shows it direct
        bed.conn.ownDevices().orElseThrow().attachDevice(ref, "<interface type='network'><mac address='" + MAC_POOL
                + "'/><source network='pool'/><model type='virtio'/></interface>");
        List<UUID> ports = nets.listAllPorts(pool, 0);
        assertEquals(1, ports.size());
        String m1 = link("macvtap1");
        assertTrue(m1.contains("macvtap1@jvl0:") && m1.contains("link/ether " + MAC_POOL)
                && m1.contains("macvtap mode bridge"), m1);
        assertTrue(hmp(dom, "info network").contains("hostnet1: index=0,type=tap"), hmp(dom, "info network"));
        iface = element(bed.conn.xmlDesc(ref, 0), MAC_POOL);
        assertTrue(iface.startsWith("<interface type='direct'") && iface.contains("network='pool'")
                && iface.contains("portid='" + ports.get(0) + "'") && iface.contains("<target dev='macvtap1'/>")
                && iface.contains("<alias name='net1'/>"), iface);
        assertTrue(nets.xmlDesc(pool, 0).contains("<interface dev='jvl0' connections='1'/>"), nets.xmlDesc(pool, 0));
        NetworkedLinuxGuest.awaitInterfaces(serial, "[eth0 eth1 ]");

        // out again: the guest releases each, the macvtap is deleted, the port released
        bed.conn.ownDevices().orElseThrow().detachDevice(ref, "<interface type='direct'><mac address='" + MAC_DIRECT
                + "'/><source dev='jvl0'/></interface>");
        await(() -> !bed.conn.xmlDesc(ref, 0).contains(MAC_DIRECT), "the direct NIC leaves the live XML");
        await(() -> !exists("macvtap0"), "macvtap0 deleted");
        assertFalse(QmpJson.hasPeripheral(dom.qmp(), "net0"));
        assertFalse(hmp(dom, "info network").contains("hostnet0"));
        await(() -> bed.removals.contains("direct1 net0"), "device-removed for net0: " + bed.removals);
        NetworkedLinuxGuest.awaitInterfaces(serial, "[eth1 ]");

        bed.conn.ownDevices().orElseThrow().detachDevice(ref, "<interface type='network'><mac address='" + MAC_POOL
                + "'/><source network='pool'/></interface>");
        await(() -> !bed.conn.xmlDesc(ref, 0).contains(MAC_POOL), "the pool NIC leaves the live XML");
        await(() -> !exists("macvtap1"), "macvtap1 deleted");
        assertFalse(hmp(dom, "info network").contains("hostnet1"));
        assertEquals(List.of(), nets.listAllPorts(pool, 0), "the pool's port released");
        String poolXml = nets.xmlDesc(pool, 0);
        assertFalse(poolXml.contains("connections="), poolXml);
        assertTrue(poolXml.contains("<interface dev='jvl0'/>"), poolXml);
        NetworkedLinuxGuest.awaitInterfaces(serial, "[]", "[eth1 ]");
        assertFalse(ns.check("ip", "-o", "link", "show").contains("macvtap"), "no macvtap left");
        bed.conn.destroy(ref, 0);
        bed.conn.undefine(ref, 0);
    }

    @Test
    void aFailedPlugLeavesNoMacvtapAndNoPort() throws Exception {
        DomainRef ref = bed.conn.defineXml(plainGuest("direct2"), 0);
        bed.conn.create(ref, 0);
        bed.pid(ref);
        NetworkRef pool = nets.lookupByName("pool");
        // QEMU refuses the device: what was made for it goes again, the pool's port too
        VirtException e = assertThrows(VirtException.class, () -> bed.conn.ownDevices().orElseThrow().attachDevice(ref,
                "<interface type='network'><mac address='52:54:00:00:ca:01'/><source network='pool'/>"
                        + "<model type='jvnosuchnic'/></interface>"));
        assertEquals(ErrorCode.INTERNAL_ERROR, e.code(), e.getMessage());
        assertEquals(List.of(), nets.listAllPorts(pool, 0), "the port released");
        assertFalse(ns.check("ip", "-o", "link", "show").contains("macvtap"), "no macvtap left");
        // the link does not exist (libvirt's virNetDevMacVLanCreate error): nothing made
        e = assertThrows(VirtException.class, () -> bed.conn.ownDevices().orElseThrow().attachDevice(ref,
                "<interface type='direct'><mac address='52:54:00:00:ca:02'/><source dev='jvnosuch'/></interface>"));
        assertEquals(ErrorCode.SYSTEM_ERROR, e.code());
        assertTrue(e.getMessage().contains("Unable to get index for interface jvnosuch: No such device"),
                e.getMessage());
        assertFalse(ns.check("ip", "-o", "link", "show").contains("macvtap"), "no macvtap left");
        bed.conn.destroy(ref, 0);
    }

    /**
     * libvirt's qemuDomainSetInterfaceParameters on an interface configured {@code type='network'} whose
     * port is on a macvtap pool: the macvtap is shaped unswapped (it is the guest's own end) and the
     * port gets the bandwidth (virDomainNetBandwidthUpdate), shown in its XML; a floor is refused, the
     * actual type being direct (virNetDevBandwidthSupportsFloor).
     */
    @Test
    void domiftuneOnAPoolNicShapesTheMacvtapAndTheNetworksPort() throws Exception {
        DomainRef ref = bed.conn.defineXml(plainGuest("direct3").replace("</devices>",
                "<interface type='network'><mac address='" + MAC_POOL + "'/><source network='pool'/></interface>"
                        + "</devices>"), 0);
        bed.conn.create(ref, 0);
        long pid = bed.pid(ref);
        NetworkRef pool = nets.lookupByName("pool");
        List<UUID> ports = nets.listAllPorts(pool, 0);
        assertEquals(1, ports.size());
        assertFalse(nets.portXmlDesc(pool, ports.get(0), 0).contains("<bandwidth>"));

        var tuning = bed.conn.ownInterfaceTuning().orElseThrow();
        tuning.setInterfaceParameters(ref, MAC_POOL, List.of(
                TypedParameter.ofUInt(Domain.BANDWIDTH_OUT_AVERAGE, 512),
                TypedParameter.ofUInt(Domain.BANDWIDTH_OUT_PEAK, 1024),
                TypedParameter.ofUInt(Domain.BANDWIDTH_IN_AVERAGE, 300)), ModificationFlag.LIVE.bit());
        // what the guest sends is what the macvtap transmits: outbound at its root (512 KiB/s = 4096 kbit)
        String classes = ns.check("tc", "class", "show", "dev", "macvtap0");
        assertTrue(classes.contains("class htb 1:1 root prio 0 rate 4096Kbit ceil 8192Kbit"), classes);
        String port = nets.portXmlDesc(pool, ports.get(0), 0);
        assertTrue(port.contains("<inbound average='300'/>") && port.contains("<outbound average='512' peak='1024'/>"),
                port);
        String live = element(bed.conn.xmlDesc(ref, 0), MAC_POOL);
        assertTrue(live.contains("<outbound average='512' peak='1024'/>") && live.contains("portid='" + ports.get(0)),
                live);
        List<TypedParameter> got = tuning.interfaceParameters(ref, "macvtap0", 0);
        assertTrue(got.contains(TypedParameter.ofUInt(Domain.BANDWIDTH_IN_AVERAGE, 300)), got.toString());

        VirtException e = assertThrows(VirtException.class, () -> tuning.setInterfaceParameters(ref, MAC_POOL,
                List.of(TypedParameter.ofUInt(Domain.BANDWIDTH_IN_FLOOR, 100)), ModificationFlag.LIVE.bit()));
        assertEquals(ErrorCode.OPERATION_UNSUPPORTED, e.code());
        assertTrue(e.getMessage().contains("'floor' is only supported for interface type 'network'"), e.getMessage());
        assertFalse(nets.portXmlDesc(pool, ports.get(0), 0).contains("floor"), "the refused floor is not on the port");

        // cleared: the port has no bandwidth left, the macvtap no class
        tuning.setInterfaceParameters(ref, MAC_POOL, List.of(
                TypedParameter.ofUInt(Domain.BANDWIDTH_OUT_AVERAGE, 0),
                TypedParameter.ofUInt(Domain.BANDWIDTH_IN_AVERAGE, 0)), ModificationFlag.LIVE.bit());
        assertFalse(nets.portXmlDesc(pool, ports.get(0), 0).contains("<bandwidth>"),
                nets.portXmlDesc(pool, ports.get(0), 0));
        assertFalse(ns.check("tc", "class", "show", "dev", "macvtap0").contains("htb"));
        bed.conn.destroy(ref, 0);
        assertNotEquals(0, ns.exec("ip", "link", "show", "dev", "macvtap0").exit());
        assertEquals(List.of(), nets.listAllPorts(pool, 0));
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    }

    private String link(String dev) throws Exception {
        return ns.check("ip", "-d", "-o", "link", "show", "dev", dev);
    }

    private boolean exists(String dev) throws Exception {
        return ns.exec("ip", "link", "show", "dev", dev).exit() == 0;
    }

    private static String hmp(QemuDomainObj dom, String command) throws Exception {
        return dom.qmp().execute("human-monitor-command", QmpClient.args().put("command-line", command)).asText();
    }

    private void awaitPing(String address) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        Netns.Result r = null;
        while (System.nanoTime() < deadline) {
            r = ns.exec("/bin/busybox", "ping", "-c", "1", "-W", "1", address);
            if (r.exit() == 0) {
                return;
            }
        }
        throw new AssertionError("no answer from " + address + ": " + r);
    }

    private static void await(Check check, String what) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (check.holds()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(what + ": not within 60 s");
    }

    @FunctionalInterface
    private interface Check {
        boolean holds() throws Exception;
    }

    /** The {@code <interface>} element of {@code xml} that contains {@code marker}. */
    private static String element(String xml, String marker) {
        int at = xml.indexOf(marker);
        assertTrue(at >= 0, marker + " in " + xml);
        return xml.substring(xml.lastIndexOf("<interface ", at), xml.indexOf("</interface>", at));
    }

    private static String plainGuest(String name) {
        return TestBed.xml(name, UUID.randomUUID(), 1, "").replaceFirst("(?s)  <devices>.*</devices>\n",
                "  <devices>\n    <emulator>" + TestBed.QEMU + "</emulator>\n  </devices>\n");
    }

    private String linuxGuest(Path serial) throws Exception {
        NetworkedLinuxGuest guest = NetworkedLinuxGuest.prepare(bed.dir);
        // QEMU may run as another user: the kernel and initramfs must be reachable by it
        Files.setPosixFilePermissions(bed.dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        return "<domain type='qemu'><name>direct1</name><uuid>" + UUID.randomUUID() + "</uuid>"
                + "<memory unit='MiB'>256</memory><vcpu>1</vcpu>" + guest.osAndFeaturesXml()
                + "<devices><emulator>" + TestBed.QEMU + "</emulator>"
                + "<serial type='file'><source path='" + serial + "'/><target port='0'/></serial>"
                + "<memballoon model='none'/></devices></domain>";
    }
}
