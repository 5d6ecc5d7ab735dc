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
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.NetworkDriverConnection;
import org.jvirt.api.spi.NetworkRef;
import org.jvirt.core.store.FileStateStore;
import org.jvirt.driver.qemu.internal.domain.QemuDomainObj;
import org.jvirt.network.internal.Netns;
import org.jvirt.network.internal.NetworkDriverComponent;
import org.jvirt.network.internal.host.CommandRunner;
import org.jvirt.testing.NetworkedLinuxGuest;
import org.jvirt.xml.internal.DomainXmlCodecImpl;

/**
 * Network interfaces plugged into and out of a real Linux guest (Debian's kernel, a busybox
 * initramfs with virtio_net, TCG) by the QEMU driver, with the real network driver, all inside a
 * test network namespace: a NIC on a virtual network and one on a plain bridge get taps the driver
 * opened and passed to QEMU with {@code getfd}, QEMU has the netdev and the device, the guest sees
 * {@code ethN} appear and answers pings over the bridges; unplugged, the guest loses the NIC, the
 * tap and the network's port are gone. A driver that replaced the first one unplugs what the first
 * plugged (aliases in the status). Errors as libvirt's.
 */
class QemuNetHotplugTest {
    private static final String NET_BRIDGE = "jvhbr0";
    private static final String PLAIN_BRIDGE = "jvhbr1";
    private static final String MAC_NET = "52:54:00:00:fc:0a";
    private static final String MAC_BRIDGE = "52:54:00:00:fd:0b";

    private TestBed bed;
    private Netns ns;
    private NetworkDriverConnection nets;

    @BeforeEach
    void start() throws Exception {
        bed = TestBed.openInTempDirIfQemuInstalled("jqnh");
        ns = Netns.create("jvnh");
        NetworkDriverComponent networks = new NetworkDriverComponent(new FileStateStore(bed.dir.resolve("netstate")),
                new DomainXmlCodecImpl(), bed.dir.resolve("netrun"), new CommandRunner(ns.prefix()), "dnsmasq");
        nets = networks.open(0);
        bed.commandPrefix = ns.prefix();
        bed.networkDriver = networks;
        bed.newDriver();
        nets.createXml("<network><name>isol</name><bridge name='" + NET_BRIDGE + "'/>"
                + "<ip address='192.168.252.1' netmask='255.255.255.0'/></network>", 0);
        nets.defineXml("<network><name>idle</name><bridge name='jvhbr2'/></network>", 0);
        ns.check("ip", "link", "add", PLAIN_BRIDGE, "type", "bridge");
        ns.check("ip", "addr", "add", "192.168.253.1/24", "dev", PLAIN_BRIDGE);
        ns.check("ip", "link", "set", PLAIN_BRIDGE, "up");
    }

    @AfterEach
    void stop() throws Exception {
        try {
            if (nets != null) {
                nets.close();
            }
            if (bed != null) {
                bed.closeAndDeleteDir();
            }
        } finally {
            if (ns != null) {
                ns.close();
            }
        }
    }

    @Test
    void nicsOnANetworkAndABridgeComeAndGoInALinuxGuest() throws Exception {
        Path serial = bed.dir.resolve("serial.log");
        DomainRef ref = bed.conn.defineXml(guestXml(serial), 0);
        bed.conn.create(ref, 0);
        long pid = bed.pid(ref);
        NetworkedLinuxGuest.awaitInterfaces(serial, "[]");
        NetworkRef isol = nets.lookupByName("isol");

        bed.conn.ownDevices().orElseThrow().attachDevice(ref, nic("network", "network='isol'", MAC_NET));
        QemuDomainObj dom = bed.host().byUuid(ref.uuid());
        assertTrue(QmpJson.hasPeripheral(dom.qmp(), "net0"));
        String network = hmp(dom, "info network");
        assertTrue(network.contains("hostnet0") && network.contains(MAC_NET), network);
        assertTrue(ns.exec("ip", "-o", "link", "show", "master", NET_BRIDGE).out().contains("vnet0"));
        assertTrue(ns.check("ip", "-o", "link", "show", "dev", "vnet0").contains("fe:54:00:00:fc:0a"));
        // the tap is QEMU's descriptor (getfd), not one QEMU opened by name: the driver holds none
        assertEquals(1, tunDescriptors(pid), "QEMU holds the tap");
        List<UUID> ports = nets.listAllPorts(isol, 0);
        assertEquals(1, ports.size());
        String live = bed.conn.xmlDesc(ref, 0);
        String iface = element(live, MAC_NET);
        assertTrue(iface.contains("<target dev='vnet0'/>") && iface.contains("<alias name='net0'/>")
                && iface.contains("portid='" + ports.get(0) + "'") && iface.contains("bridge='" + NET_BRIDGE + "'")
                && iface.contains("<address type='pci'"), iface);
        assertFalse(bed.conn.xmlDesc(ref, 2).contains(MAC_NET), "a live attach changed the persistent definition");
        NetworkedLinuxGuest.awaitInterfaces(serial, "[eth0 ]");
        awaitPing("192.168.252.10");

        bed.conn.ownDevices().orElseThrow().attachDevice(ref, nic("bridge", "bridge='" + PLAIN_BRIDGE + "'", MAC_BRIDGE));
        assertTrue(QmpJson.hasPeripheral(dom.qmp(), "net1"));
        assertTrue(ns.exec("ip", "-o", "link", "show", "master", PLAIN_BRIDGE).out().contains("vnet1"));
        assertEquals(2, tunDescriptors(pid));
        assertTrue(element(bed.conn.xmlDesc(ref, 0), MAC_BRIDGE).contains("<alias name='net1'/>"));
        NetworkedLinuxGuest.awaitInterfaces(serial, "[eth0 eth1 ]");
        awaitPing("192.168.253.11");

        // refused as libvirt refuses, leaving nothing behind
        VirtException e = assertThrows(VirtException.class,
                () -> bed.conn.ownDevices().orElseThrow().attachDevice(ref, nic("network", "network='idle'", "52:54:00:00:fe:0c")));
        assertEquals(ErrorCode.OPERATION_INVALID, e.code());
        assertTrue(e.getMessage().endsWith("network 'idle' is not active"), e.getMessage());
        e = assertThrows(VirtException.class, () -> bed.conn.ownDevices().orElseThrow().detachDevice(ref, nic("network", "network='isol'",
                "52:54:00:00:fe:0d")));
        assertEquals(ErrorCode.DEVICE_MISSING, e.code());
        assertTrue(e.getMessage().endsWith("no device matching MAC address 52:54:00:00:fe:0d found"), e.getMessage());
        assertFalse(QmpJson.hasPeripheral(dom.qmp(), "net2"));
        assertEquals(2, tunDescriptors(pid));
        // QEMU refuses the device: the netdev, the tap and the port made for it go again
        e = assertThrows(VirtException.class, () -> bed.conn.ownDevices().orElseThrow().attachDevice(ref, "<interface type='network'>"
                + "<mac address='52:54:00:00:fc:0e'/><source network='isol'/><model type='nosuchnic'/></interface>"));
        assertEquals(ErrorCode.INTERNAL_ERROR, e.code());
        assertTrue(e.getMessage().contains("unable to execute QEMU command 'device_add'"), e.getMessage());
        assertFalse(hmp(dom, "info network").contains("hostnet2"));
        assertNotEquals(0, ns.exec("ip", "link", "show", "dev", "vnet2").exit(), "tap deleted");
        assertEquals(1, nets.listAllPorts(isol, 0).size(), "port released");
        assertEquals(2, tunDescriptors(pid));

        // a new driver instance (an update) unplugs what the old one plugged
        bed.newDriver();
        bed.conn.ownDevices().orElseThrow().detachDevice(ref, nic("network", "network='isol'", MAC_NET));
        QemuDomainObj again = bed.host().byUuid(ref.uuid());
        await(() -> !bed.conn.xmlDesc(ref, 0).contains(MAC_NET), "the NIC leaves the live XML");
        assertFalse(QmpJson.hasPeripheral(again.qmp(), "net0"));
        assertFalse(hmp(again, "info network").contains("hostnet0"));
        assertNotEquals(0, ns.exec("ip", "link", "show", "dev", "vnet0").exit(), "tap deleted");
        assertEquals(List.of(), nets.listAllPorts(isol, 0), "port released");
        assertEquals(1, tunDescriptors(pid));
        NetworkedLinuxGuest.awaitInterfaces(serial, "[eth1 ]");
        awaitPing("192.168.253.11");

        bed.conn.ownDevices().orElseThrow().detachDevice(ref, nic("bridge", "bridge='" + PLAIN_BRIDGE + "'", MAC_BRIDGE));
        await(() -> !bed.conn.xmlDesc(ref, 0).contains(MAC_BRIDGE), "the NIC leaves the live XML");
        // libvirt's device-removed event, with the alias (the first NIC's went to the replaced driver's sink)
        await(() -> bed.removals.contains("nethp1 net1"), "device-removed for net1: " + bed.removals);
        assertNotEquals(0, ns.exec("ip", "link", "show", "dev", "vnet1").exit(), "tap gone");
        assertEquals(0, tunDescriptors(pid));
        NetworkedLinuxGuest.awaitInterfaces(serial, "[]", "[eth1 ]");

        // the next NIC takes the lowest free alias and tap again
        bed.conn.ownDevices().orElseThrow().attachDevice(ref, nic("network", "network='isol'", MAC_NET));
        assertTrue(element(bed.conn.xmlDesc(ref, 0), MAC_NET).contains("<alias name='net0'/>"));
        assertTrue(ns.exec("ip", "-o", "link", "show", "master", NET_BRIDGE).out().contains("vnet0"));
        bed.conn.destroy(ref, 0);
        assertNotEquals(0, ns.exec("ip", "link", "show", "dev", "vnet0").exit(), "tap deleted at stop");
        assertEquals(List.of(), nets.listAllPorts(isol, 0), "port released at stop");
        bed.conn.undefine(ref, 0);
    }

    /**
     * A NIC unplugged while the guest is paused: the detach returns after libvirt's 5 s with the NIC
     * still there (QEMU's device, the tap, the port, the XML); once the guest runs again and releases
     * it, the {@code DEVICE_DELETED} event finishes the removal. A {@code user} and an {@code ethernet}
     * NIC come and go too.
     */
    @Test
    void aNicReleasedAfterTheWaitIsRemovedByTheGuestsEvent() throws Exception {
        Path serial = bed.dir.resolve("serial.log");
        DomainRef ref = bed.conn.defineXml(guestXml(serial), 0);
        bed.conn.create(ref, 0);
        bed.pid(ref);
        NetworkedLinuxGuest.awaitInterfaces(serial, "[]");
        NetworkRef isol = nets.lookupByName("isol");
        // a user alias is the NIC's id, as libvirt's; a second NIC may not take it
        String user = "<interface type='user'><mac address='52:54:00:00:fc:0c'/><model type='virtio'/>"
                + "<alias name='ua-slirp'/></interface>";
        bed.conn.ownDevices().orElseThrow().attachDevice(ref, user);
        QemuDomainObj dom = bed.host().byUuid(ref.uuid());
        assertTrue(QmpJson.hasPeripheral(dom.qmp(), "ua-slirp"));
        assertTrue(hmp(dom, "info network").matches("(?s).*hostua-slirp: .*type=user.*"), hmp(dom, "info network"));
        VirtException e = assertThrows(VirtException.class, () -> bed.conn.ownDevices().orElseThrow().attachDevice(ref,
                user.replace("52:54:00:00:fc:0c", "52:54:00:00:fc:0f")));
        assertEquals(ErrorCode.OPERATION_INVALID, e.code());
        assertTrue(e.getMessage().endsWith("non unique alias detected: ua-slirp"), e.getMessage());
        bed.conn.ownDevices().orElseThrow().attachDevice(ref, nic("network", "network='isol'", MAC_NET));
        assertTrue(element(bed.conn.xmlDesc(ref, 0), MAC_NET).contains("<alias name='net0'/>"));
        NetworkedLinuxGuest.awaitInterfaces(serial, "[eth0 eth1 ]");

        bed.conn.suspend(ref);
        long start = System.nanoTime();
        bed.conn.ownDevices().orElseThrow().detachDevice(ref, nic("network", "network='isol'", MAC_NET));
        long waitedMs = (System.nanoTime() - start) / 1_000_000;
        assertTrue(waitedMs >= 4_900, "returned after " + waitedMs + " ms");
        assertTrue(bed.conn.xmlDesc(ref, 0).contains(MAC_NET));
        assertTrue(QmpJson.hasPeripheral(dom.qmp(), "net0"));
        assertEquals(0, ns.exec("ip", "link", "show", "dev", "vnet0").exit(), "the tap stays while QEMU has the NIC");
        assertEquals(1, nets.listAllPorts(isol, 0).size());

        bed.conn.resume(ref);
        await(() -> !bed.conn.xmlDesc(ref, 0).contains(MAC_NET), "the event removes the NIC");
        assertFalse(QmpJson.hasPeripheral(dom.qmp(), "net0"));
        assertFalse(hmp(dom, "info network").contains("hostnet0"));
        assertNotEquals(0, ns.exec("ip", "link", "show", "dev", "vnet0").exit(), "tap deleted");
        assertEquals(List.of(), nets.listAllPorts(isol, 0), "port released");
        NetworkedLinuxGuest.awaitInterfaces(serial, "[eth0 ]", "[eth0 eth1 ]");

        bed.conn.ownDevices().orElseThrow().detachDevice(ref, user);
        await(() -> !bed.conn.xmlDesc(ref, 0).contains("52:54:00:00:fc:0c"), "the user NIC leaves");
        await(() -> bed.removals.contains("nethp1 ua-slirp"), "device-removed for ua-slirp: " + bed.removals);
        assertFalse(hmp(dom, "info network").contains("hostua-slirp"));
        NetworkedLinuxGuest.awaitInterfaces(serial, "[]", "[eth0 ]");

        // an ethernet NIC: a tap of its own, on no bridge, gone when QEMU lets go of it
        String eth = "<interface type='ethernet'><mac address='52:54:00:00:fc:0d'/><model type='virtio'/></interface>";
        bed.conn.ownDevices().orElseThrow().attachDevice(ref, eth);
        assertTrue(element(bed.conn.xmlDesc(ref, 0), "52:54:00:00:fc:0d").contains("<target dev='vnet0'/>"));
        String tap = ns.check("ip", "-o", "link", "show", "dev", "vnet0");
        assertFalse(tap.contains("master"), tap);
        NetworkedLinuxGuest.awaitInterfaces(serial, "[eth0 ]", "[]");
        bed.conn.ownDevices().orElseThrow().detachDevice(ref, eth);
        await(() -> !bed.conn.xmlDesc(ref, 0).contains("52:54:00:00:fc:0d"), "the ethernet NIC leaves");
        await(() -> ns.exec("ip", "link", "show", "dev", "vnet0").exit() != 0, "its tap goes");
        bed.conn.destroy(ref, 0);
        bed.conn.undefine(ref, 0);
    }

    private static String nic(String type, String source, String mac) {
        return "<interface type='" + type + "'><mac address='" + mac + "'/><source " + source + "/>"
                + "<model type='virtio'/></interface>";
    }

    private static String hmp(QemuDomainObj dom, String command) throws Exception {
        return dom.qmp().execute("human-monitor-command", org.jvirt.driver.qemu.internal.qmp.QmpClient.args()
                .put("command-line", command)).asText();
    }

    /** How many of QEMU's descriptors are on /dev/net/tun: its taps. */
    private static long tunDescriptors(long pid) throws Exception {
        try (var fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return fds.filter(l -> {
                try {
                    return Files.readSymbolicLink(l).equals(Path.of("/dev/net/tun"));
                } catch (java.io.IOException e) {
                    return false;
                }
            }).count();
        }
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

    private String guestXml(Path serial) throws Exception {
        NetworkedLinuxGuest guest = NetworkedLinuxGuest.prepare(bed.dir);
        // QEMU may run as another user: the kernel and initramfs must be reachable by it
        Files.setPosixFilePermissions(bed.dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        return "<domain type='qemu'><name>nethp1</name><uuid>" + UUID.randomUUID() + "</uuid>"
                + "<memory unit='MiB'>256</memory><vcpu>1</vcpu>" + guest.osAndFeaturesXml()
                + "<devices><emulator>" + TestBed.QEMU + "</emulator>"
                + "<serial type='file'><source path='" + serial + "'/><target port='0'/></serial>"
                + "<memballoon model='none'/></devices></domain>";
    }
}
