package org.jvirt.driver.qemu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

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
import org.jvirt.testing.Initramfs;
import org.jvirt.testing.LinuxGuest;
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
    private static final List<String> MODULES = List.of("virtio/virtio_ring", "virtio/virtio",
            "virtio/virtio_pci_modern_dev", "virtio/virtio_pci_legacy_dev", "virtio/virtio_pci",
            "../net/core/failover", "net/net_failover", "net/virtio_net");
    /** Every new ethN is brought up with 192.168.<mac byte 5>.<mac byte 6>/24; the list goes to the serial port. */
    private static final String INIT = """
            #!/bin/busybox sh
            /bin/busybox --install -s /bin
            mkdir -p /proc /sys /dev
            mount -t proc proc /proc
            mount -t sysfs sys /sys
            for m in %s; do insmod /lib/$m.ko; done
            prev=none
            while true; do
              l=$(ls /sys/class/net | grep eth | tr '\\n' ' ')
              for e in $l; do
                # a subshell: a NIC unplugged meanwhile fails it, not init
                ( ip -4 addr show dev $e | grep -q inet && exit 0
                  mac=$(cat /sys/class/net/$e/address) || exit 0
                  a=$(echo $mac | cut -d: -f5); b=$(echo $mac | cut -d: -f6)
                  ip link set $e up && ip addr add 192.168.$((0x$a)).$((0x$b))/24 dev $e ) 2>/dev/null
              done
              if [ "$l" != "$prev" ]; then echo "JVIRT-NET: [$l]"; prev="$l"; fi
              sleep 0.3
            done
            """;

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
        awaitSerial(serial, "JVIRT-NET: []");
        NetworkRef isol = nets.lookupByName("isol");

        bed.conn.attachDevice(ref, nic("network", "network='isol'", MAC_NET));
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
        awaitSerial(serial, "JVIRT-NET: [eth0 ]");
        awaitPing("192.168.252.10");

        bed.conn.attachDevice(ref, nic("bridge", "bridge='" + PLAIN_BRIDGE + "'", MAC_BRIDGE));
        assertTrue(QmpJson.hasPeripheral(dom.qmp(), "net1"));
        assertTrue(ns.exec("ip", "-o", "link", "show", "master", PLAIN_BRIDGE).out().contains("vnet1"));
        assertEquals(2, tunDescriptors(pid));
        assertTrue(element(bed.conn.xmlDesc(ref, 0), MAC_BRIDGE).contains("<alias name='net1'/>"));
        awaitSerial(serial, "JVIRT-NET: [eth0 eth1 ]");
        awaitPing("192.168.253.11");

        // refused as libvirt refuses, leaving nothing behind
        VirtException e = assertThrows(VirtException.class,
                () -> bed.conn.attachDevice(ref, nic("network", "network='idle'", "52:54:00:00:fe:0c")));
        assertEquals(ErrorCode.OPERATION_INVALID, e.code());
        assertTrue(e.getMessage().endsWith("network 'idle' is not active"), e.getMessage());
        e = assertThrows(VirtException.class, () -> bed.conn.detachDevice(ref, nic("network", "network='isol'",
                "52:54:00:00:fe:0d")));
        assertEquals(ErrorCode.DEVICE_MISSING, e.code());
        assertTrue(e.getMessage().endsWith("no device matching MAC address 52:54:00:00:fe:0d found"), e.getMessage());
        assertFalse(QmpJson.hasPeripheral(dom.qmp(), "net2"));
        assertEquals(2, tunDescriptors(pid));

        // a new driver instance (an update) unplugs what the old one plugged
        bed.newDriver();
        bed.conn.detachDevice(ref, nic("network", "network='isol'", MAC_NET));
        QemuDomainObj again = bed.host().byUuid(ref.uuid());
        await(() -> !bed.conn.xmlDesc(ref, 0).contains(MAC_NET), "the NIC leaves the live XML");
        assertFalse(QmpJson.hasPeripheral(again.qmp(), "net0"));
        assertFalse(hmp(again, "info network").contains("hostnet0"));
        assertNotEquals(0, ns.exec("ip", "link", "show", "dev", "vnet0").exit(), "tap deleted");
        assertEquals(List.of(), nets.listAllPorts(isol, 0), "port released");
        assertEquals(1, tunDescriptors(pid));
        awaitSerial(serial, "JVIRT-NET: [eth1 ]");
        awaitPing("192.168.253.11");

        bed.conn.detachDevice(ref, nic("bridge", "bridge='" + PLAIN_BRIDGE + "'", MAC_BRIDGE));
        await(() -> !bed.conn.xmlDesc(ref, 0).contains(MAC_BRIDGE), "the NIC leaves the live XML");
        assertNotEquals(0, ns.exec("ip", "link", "show", "dev", "vnet1").exit(), "tap gone");
        assertEquals(0, tunDescriptors(pid));
        awaitSerial(serial, "JVIRT-NET: []", "JVIRT-NET: [eth1 ]");

        // the next NIC takes the lowest free alias and tap again
        bed.conn.attachDevice(ref, nic("network", "network='isol'", MAC_NET));
        assertTrue(element(bed.conn.xmlDesc(ref, 0), MAC_NET).contains("<alias name='net0'/>"));
        assertTrue(ns.exec("ip", "-o", "link", "show", "master", NET_BRIDGE).out().contains("vnet0"));
        bed.conn.destroy(ref, 0);
        assertNotEquals(0, ns.exec("ip", "link", "show", "dev", "vnet0").exit(), "tap deleted at stop");
        assertEquals(List.of(), nets.listAllPorts(isol, 0), "port released at stop");
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

    /** Waits until the guest's last interface line is {@code line} (and {@code after} was seen, if given). */
    private static void awaitSerial(Path serial, String line, String... after) throws Exception {
        long deadline = System.nanoTime() + 180_000_000_000L;
        String out = "";
        while (System.nanoTime() < deadline) {
            out = Files.exists(serial) ? Files.readString(serial) : "";
            List<String> lines = out.lines().filter(l -> l.contains("JVIRT-NET:")).map(String::strip).toList();
            if (!lines.isEmpty() && lines.get(lines.size() - 1).endsWith(line)
                    && (after.length == 0 || lines.stream().anyMatch(l -> l.endsWith(after[0])))) {
                return;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("the guest never reported " + line + "; its serial output:\n" + out);
    }

    private String guestXml(Path serial) throws Exception {
        Path kernel = LinuxGuest.findKernel().orElseThrow(() -> new AssertionError(
                "no /boot/vmlinuz-*: install linux-image-amd64 (.ci/run does) or name one with -Djvirt.test.kernel"));
        Path modules = LinuxGuest.modules(kernel).orElseThrow(() -> new AssertionError("no modules for " + kernel));
        Map<String, byte[]> extras = new LinkedHashMap<>();
        for (String m : MODULES) {
            Path ko = modules.resolve("kernel/drivers").resolve(m + ".ko").normalize();
            assertTrue(Files.isReadable(ko), "no " + ko + " for the test guest");
            extras.put("lib/" + ko.getFileName(), Files.readAllBytes(ko));
        }
        String names = String.join(" ", MODULES.stream().map(m -> m.substring(m.lastIndexOf('/') + 1)).toList());
        Path initrd = bed.dir.resolve("initrd.gz");
        Initramfs.write(Path.of("/bin/busybox"), INIT.formatted(names), extras, initrd);
        // QEMU may run as another user: the kernel and initramfs must be readable by it
        Path copy = Files.copy(kernel, bed.dir.resolve("vmlinuz"));
        Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(bed.dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        return "<domain type='qemu'><name>nethp1</name><uuid>" + UUID.randomUUID() + "</uuid>"
                + "<memory unit='MiB'>256</memory><vcpu>1</vcpu>"
                + "<os><type arch='x86_64' machine='pc'>hvm</type><kernel>" + copy + "</kernel>"
                + "<initrd>" + initrd + "</initrd><cmdline>console=ttyS0 panic=-1 quiet</cmdline></os>"
                + "<features><acpi/></features><devices><emulator>" + TestBed.QEMU + "</emulator>"
                + "<serial type='file'><source path='" + serial + "'/><target port='0'/></serial>"
                + "<memballoon model='none'/></devices></domain>";
    }
}
