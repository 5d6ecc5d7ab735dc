package org.jvirt.rpc.internal.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.Connection;
import org.jvirt.api.Domain;
import org.jvirt.api.spi.HostDirectories;
import org.jvirt.rpc.internal.testkit.Jvirtd;
import org.jvirt.rpc.internal.testkit.Proc;
import org.jvirt.rpc.internal.testkit.QemuHosts;
import org.jvirt.testing.Initramfs;
import org.jvirt.testing.LinuxGuest;

/**
 * Disk hot-plug with real virsh against jvirtd and a real Linux guest (Debian's kernel, a busybox
 * initramfs with the virtio block driver, TCG): {@code attach-disk} plugs a virtio disk the guest
 * sees as {@code vdb} next to its cold-plugged {@code vda}, {@code detach-disk} takes it away again
 * (the guest releases it), {@code change-media} inserts and ejects a cdrom's medium; the guest
 * reports its block devices on its serial port (a file the test reads). Errors as libvirt's: a
 * duplicate target, a disk that is not there, a read-only connection, {@code --live} on a shut-off
 * guest.
 */
class VirshHotplugLinuxTest {
    private static final Path BUSYBOX = Path.of("/bin/busybox");
    private static final List<String> MODULES = List.of("drivers/virtio/virtio_ring", "drivers/virtio/virtio",
            "drivers/virtio/virtio_pci_modern_dev", "drivers/virtio/virtio_pci_legacy_dev", "drivers/virtio/virtio_pci",
            "drivers/block/virtio_blk");
    private static final String INIT = """
            #!/bin/busybox sh
            /bin/busybox --install -s /bin
            mkdir -p /proc /sys /dev
            mount -t proc proc /proc
            mount -t sysfs sys /sys
            for m in %s; do insmod /lib/$m.ko; done
            prev=none
            while true; do
              l=$(ls /sys/block | grep vd | tr '\\n' ' ')
              if [ "$l" != "$prev" ]; then echo "JVIRT-BLOCK: [$l]"; prev="$l"; fi
              sleep 0.3
            done
            """.formatted(LinuxGuest.moduleNames(MODULES));

    @Test
    void attachDetachDiskAndChangeMediaOnALinuxGuest(@TempDir Path dir) throws Exception {
        Optional<Path> kernel = LinuxGuest.findKernel();
        assertTrue(kernel.isPresent(), "no /boot/vmlinuz-*: install linux-image-amd64 (.ci/run does)"
                + " or name one with -Djvirt.test.kernel");
        Optional<Path> modules = LinuxGuest.modules(kernel.get(), MODULES);
        assertTrue(modules.isPresent(), "no virtio block modules for " + kernel.get());
        assumeTrue(QemuHosts.qemuInstalled() && Proc.available("virsh") && Files.isExecutable(BUSYBOX),
                "qemu, virsh and busybox-static are needed");
        Path initrd = dir.resolve("initrd.gz");
        Initramfs.write(BUSYBOX, INIT, LinuxGuest.moduleFiles(modules.get(), MODULES), initrd);
        Path vda = image(dir.resolve("a.img"), 1 << 20);
        Path vdb = image(dir.resolve("b.img"), 2 << 20);
        Path iso = image(dir.resolve("cd.iso"), 2048 * 64);
        Path serial = dir.resolve("serial.log");
        Path vdbXml = Files.writeString(dir.resolve("vdb.xml"), "<disk type='file' device='disk'><source file='"
                + vdb + "'/><target dev='vdb' bus='virtio'/></disk>");
        // as root the guest runs as the DAC driver's user (libvirt-qemu, or Debian's number for it),
        // which must reach the guest's files, and its images are relabelled
        boolean root = HostDirectories.isRoot();
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        boolean named = Proc.run(List.of("getent", "passwd", "libvirt-qemu"), Map.of(), 10).exit() == 0;
        Map<String, Object> dac = named ? Map.of() : Map.of("user", "+64055");
        try (QemuHosts q = root ? new QemuHosts(dir, dac) : new QemuHosts(dir); Jvirtd d = new Jvirtd(q.factory);
                Connection c = q.factory.open("qemu:///system", 0)) {
            Domain dom = c.defineXml(guestXml("hotplug1", kernel.get(), initrd, vda, serial), 0);
            dom.create(0);
            String uri = "qemu+unix:///system?socket=" + d.rw;
            try {
                awaitSerial(serial, "JVIRT-BLOCK: [vda ]");
                PosixFileAttributes before = Files.readAttributes(vdb, PosixFileAttributes.class);
                PosixFileAttributes coldLabel = Files.readAttributes(vda, PosixFileAttributes.class);

                ok(Proc.virsh(uri, "attach-disk", "hotplug1", vdb.toString(), "vdb", "--targetbus", "virtio"));
                awaitSerial(serial, "JVIRT-BLOCK: [vda vdb ]");
                String xml = ok(Proc.virsh(uri, "dumpxml", "hotplug1")).out();
                String disk = element(xml, "<target dev='vdb' bus='virtio'/>");
                assertTrue(disk.contains("<source file='" + vdb + "' index='"), disk);
                assertTrue(disk.contains("<alias name='virtio-disk1'/>"), disk);
                assertTrue(disk.contains("<address type='pci' domain='0x0000' bus='0x00'"), disk);
                assertFalse(ok(Proc.virsh(uri, "dumpxml", "--inactive", "hotplug1")).out().contains("vdb"),
                        "a live attach changed the persistent definition");
                // the image is the guest's as its cold-plugged disk is (DAC), given back on detach
                PosixFileAttributes during = Files.readAttributes(vdb, PosixFileAttributes.class);
                assertEquals(coldLabel.owner(), during.owner());
                assertTrue(!root || !during.owner().getName().equals("root"), "the hot-plugged image stayed root's");

                Proc.Result dup = Proc.virsh(uri, "attach-disk", "hotplug1", vdb.toString(), "vdb");
                assertNotEquals(0, dup.exit());
                assertTrue(dup.err().contains("operation failed: target vdb already exists"), dup.err());
                Proc.Result ro = Proc.virsh("qemu+unix:///system?socket=" + d.ro, "detach-disk", "hotplug1", "vdb");
                assertTrue(ro.err().contains("read only access prevents virDomainDetachDevice"), ro.err());

                ok(Proc.virsh(uri, "detach-disk", "hotplug1", "vdb"));
                awaitSerial(serial, "JVIRT-BLOCK: [vda ]", "JVIRT-BLOCK: [vda vdb ]");
                assertFalse(ok(Proc.virsh(uri, "dumpxml", "hotplug1")).out().contains("vdb"));
                assertEquals(before.owner(), Files.readAttributes(vdb, PosixFileAttributes.class).owner());
                // virsh's detach-disk looks in the XML itself; detach-device asks the driver
                Proc.Result gone = Proc.virsh(uri, "detach-disk", "hotplug1", "vdb");
                assertTrue(gone.err().contains("No disk found whose source path or target is vdb"), gone.err());
                gone = Proc.virsh(uri, "detach-device", "hotplug1", vdbXml.toString());
                assertTrue(gone.err().contains("device not found: disk vdb not found"), gone.err());

                // attach-device --persistent: the running guest and its definition (LIVE|CONFIG), and back
                ok(Proc.virsh(uri, "attach-device", "hotplug1", vdbXml.toString(), "--persistent"));
                awaitSerial(serial, "JVIRT-BLOCK: [vda vdb ]");
                assertTrue(ok(Proc.virsh(uri, "dumpxml", "--inactive", "hotplug1")).out().contains("<target dev='vdb'"));
                ok(Proc.virsh(uri, "detach-device", "hotplug1", vdbXml.toString(), "--persistent"));
                awaitSerial(serial, "JVIRT-BLOCK: [vda ]");
                assertFalse(ok(Proc.virsh(uri, "dumpxml", "--inactive", "hotplug1")).out().contains("vdb"));
                assertFalse(ok(Proc.virsh(uri, "dumpxml", "hotplug1")).out().contains("vdb"));

                ok(Proc.virsh(uri, "change-media", "hotplug1", "hdc", iso.toString(), "--insert"));
                String cd = element(ok(Proc.virsh(uri, "dumpxml", "hotplug1")).out(), "<target dev='hdc'");
                assertTrue(cd.contains("<source file='" + iso + "'"), cd);
                ok(Proc.virsh(uri, "change-media", "hotplug1", "hdc", "--eject"));
                cd = element(ok(Proc.virsh(uri, "dumpxml", "hotplug1")).out(), "<target dev='hdc'");
                assertFalse(cd.contains("<source"), cd);
                // the same medium goes in again: the ejected one's nodes are gone
                ok(Proc.virsh(uri, "change-media", "hotplug1", "hdc", iso.toString(), "--insert"));
                assertTrue(element(ok(Proc.virsh(uri, "dumpxml", "hotplug1")).out(), "<target dev='hdc'")
                        .contains("<source file='" + iso + "'"));
                System.out.println("virsh hot-plug (Linux guest): vdb plugged and unplugged twice in the guest "
                        + "(live, then live and persistent), cdrom medium inserted, ejected, inserted");
            } finally {
                if (dom.isActive()) {
                    dom.destroy(0);
                }
            }
            // shut off: --live is refused, --config changes the definition
            Proc.Result live = Proc.virsh(uri, "attach-disk", "hotplug1", vdb.toString(), "vdc", "--live");
            assertTrue(live.err().contains("domain is not running"), live.err());
            ok(Proc.virsh(uri, "attach-disk", "hotplug1", vdb.toString(), "vdc", "--config"));
            assertTrue(ok(Proc.virsh(uri, "dumpxml", "hotplug1")).out().contains("<target dev='vdc'"));
            Proc.Result dupConfig = Proc.virsh(uri, "attach-disk", "hotplug1", vdb.toString(), "vdc", "--config");
            assertTrue(dupConfig.err().contains("Requested operation is not valid: target vdc already exists"),
                    dupConfig.err());
            ok(Proc.virsh(uri, "detach-disk", "hotplug1", "vdc", "--config"));
            Path vdcXml = Files.writeString(dir.resolve("vdc.xml"), "<disk type='file' device='disk'><source file='"
                    + vdb + "'/><target dev='vdc' bus='virtio'/></disk>");
            Proc.Result absent = Proc.virsh(uri, "detach-device", "hotplug1", vdcXml.toString(), "--config");
            assertTrue(absent.err().contains("no target device vdc"), absent.err());
            dom.undefine(0);
        }
    }

    private static Path image(Path p, long size) throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.setLength(size);
        }
        return p;
    }

    /** The {@code <disk>} element of {@code xml} that contains {@code marker}. */
    private static String element(String xml, String marker) {
        int at = xml.indexOf(marker);
        assertTrue(at >= 0, marker + " in " + xml);
        int start = xml.lastIndexOf("<disk ", at);
        int end = xml.indexOf("</disk>", at);
        return xml.substring(start, end);
    }

    /** Waits until the guest's serial output's last block-device line is {@code line} (after {@code after}, if given). */
    private static void awaitSerial(Path serial, String line, String... after) throws Exception {
        long deadline = System.nanoTime() + 180_000_000_000L;
        String out = "";
        while (System.nanoTime() < deadline) {
            out = Files.exists(serial) ? Files.readString(serial) : "";
            List<String> lines = out.lines().filter(l -> l.contains("JVIRT-BLOCK:")).map(String::strip).toList();
            if (!lines.isEmpty() && lines.get(lines.size() - 1).endsWith(line)
                    && (after.length == 0 || lines.stream().anyMatch(l -> l.endsWith(after[0])))) {
                return;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("the guest never reported " + line + "; its serial output:\n" + out);
    }

    private static Proc.Result ok(Proc.Result r) {
        assertEquals(0, r.exit(), r.toString());
        return r;
    }

    private static String guestXml(String name, Path kernel, Path initrd, Path vda, Path serial) {
        return "<domain type='qemu'><name>" + name + "</name><memory unit='MiB'>256</memory><vcpu>1</vcpu>"
                + "<os><type arch='x86_64' machine='pc'>hvm</type><kernel>" + kernel + "</kernel>"
                + "<initrd>" + initrd + "</initrd><cmdline>console=ttyS0 panic=-1 quiet</cmdline></os>"
                + "<features><acpi/></features><devices>"
                + "<disk type='file' device='disk'><driver name='qemu' type='raw'/><source file='" + vda + "'/>"
                + "<target dev='vda' bus='virtio'/></disk>"
                + "<disk type='file' device='cdrom'><driver name='qemu' type='raw'/><target dev='hdc' bus='ide'/>"
                + "<readonly/></disk>"
                + "<serial type='file'><source path='" + serial + "'/><target port='0'/></serial>"
                + "<memballoon model='none'/></devices></domain>";
    }
}
