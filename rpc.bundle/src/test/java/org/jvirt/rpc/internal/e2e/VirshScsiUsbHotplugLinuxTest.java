package org.jvirt.rpc.internal.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

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
 * SCSI and USB disk hot-plug with real virsh against jvirtd and a real Linux guest (Debian's
 * kernel, a busybox initramfs with the host's virtio-scsi, sd and usb-storage modules, TCG):
 * {@code attach-disk --targetbus scsi} puts a disk on the guest's virtio-scsi controller and
 * {@code --targetbus usb} one on its USB controller, the guest sees both appear (by their sizes in
 * {@code /sys/block}) and go again on {@code detach-disk}, the live XML shows libvirt's addresses
 * and aliases (also of the disks the start made), and {@code virsh event --all} prints libvirt's
 * device-removed event with each disk's alias once it is gone.
 */
class VirshScsiUsbHotplugLinuxTest {
    private static final Path BUSYBOX = Path.of("/bin/busybox");
    /** Under the kernel's module folder, in load order (each after what it needs). */
    private static final List<String> MODULES = List.of("drivers/virtio/virtio_ring", "drivers/virtio/virtio",
            "drivers/virtio/virtio_pci_modern_dev", "drivers/virtio/virtio_pci_legacy_dev",
            "drivers/virtio/virtio_pci", "drivers/block/virtio_blk", "crypto/crct10dif_common",
            "crypto/crct10dif_generic", "lib/crc-t10dif", "lib/crc64", "crypto/crc64_rocksoft_generic",
            "lib/crc64-rocksoft", "block/t10-pi", "drivers/scsi/scsi_common", "drivers/scsi/scsi_mod",
            "drivers/scsi/sd_mod", "drivers/scsi/virtio_scsi", "drivers/usb/common/usb-common",
            "drivers/usb/core/usbcore", "drivers/usb/host/uhci-hcd", "drivers/usb/storage/usb-storage");
    /** The guest prints its disks as name:sectors whenever the list changes. */
    private static final String INIT = """
            #!/bin/busybox sh
            /bin/busybox --install -s /bin
            mkdir -p /proc /sys /dev
            mount -t proc proc /proc
            mount -t sysfs sys /sys
            for m in %s; do insmod /lib/$m.ko; done
            prev=none
            while true; do
              l=""
              for b in /sys/block/vd* /sys/block/sd*; do
                [ -e "$b/size" ] && l="$l ${b##*/}:$(cat $b/size)"
              done
              if [ "$l" != "$prev" ]; then echo "JVIRT-BLOCK: [$l ]"; prev="$l"; fi
              sleep 0.3
            done
            """.formatted(String.join(" ", MODULES.stream().map(m -> m.substring(m.lastIndexOf('/') + 1)).toList()));
    /** Sizes in 512-byte sectors, by which the test tells the guest's disks apart. */
    private static final String VDA = ":2048 ";
    private static final String SCSI = ":6144 ";
    private static final String USB = ":8192 ";

    @Test
    void scsiAndUsbDisksComeAndGoInALinuxGuestWithDeviceRemovedEvents(@TempDir Path dir) throws Exception {
        Optional<Path> kernel = LinuxGuest.findKernel();
        assertTrue(kernel.isPresent(), "no /boot/vmlinuz-*: install linux-image-amd64 (.ci/run does)"
                + " or name one with -Djvirt.test.kernel");
        Optional<Path> modules = modules(kernel.get());
        assumeTrue(modules.isPresent(), "the kernel " + kernel.get() + " has no virtio-scsi, sd or usb-storage modules");
        assumeTrue(QemuHosts.qemuInstalled() && Proc.available("virsh") && Files.isExecutable(BUSYBOX),
                "qemu, virsh and busybox-static are needed");
        Map<String, byte[]> extras = new LinkedHashMap<>();
        for (String m : MODULES) {
            extras.put("lib/" + m.substring(m.lastIndexOf('/') + 1) + ".ko",
                    Files.readAllBytes(modules.get().resolve("kernel/" + m + ".ko")));
        }
        Path initrd = dir.resolve("initrd.gz");
        Initramfs.write(BUSYBOX, INIT, extras, initrd);
        Path vda = image(dir.resolve("a.img"), 1 << 20);
        Path scsi = image(dir.resolve("scsi.img"), 3 << 20);
        Path usb = image(dir.resolve("usb.img"), 4 << 20);
        Path serial = dir.resolve("serial.log");
        Path events = dir.resolve("events.out");
        boolean root = HostDirectories.isRoot();
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        boolean named = Proc.run(List.of("getent", "passwd", "libvirt-qemu"), Map.of(), 10).exit() == 0;
        Map<String, Object> dac = named ? Map.of() : Map.of("user", "+64055");
        try (QemuHosts q = root ? new QemuHosts(dir, dac) : new QemuHosts(dir); Jvirtd d = new Jvirtd(q.factory);
                Connection c = q.factory.open("qemu:///system", 0)) {
            Domain dom = c.defineXml(guestXml("hotplug2", kernel.get(), initrd, vda, serial), 0);
            dom.create(0);
            String uri = "qemu+unix:///system?socket=" + d.rw;
            Process watcher = null;
            try {
                awaitSerial(serial, l -> l.contains(VDA));
                String xml = ok(Proc.virsh(uri, "dumpxml", "hotplug2")).out();
                // the start's aliases, as libvirt's qemuAssignDeviceAliases
                assertTrue(element(xml, "<target dev='vda'").contains("<alias name='virtio-disk0'/>"), xml);
                assertTrue(element(xml, "<target dev='hdc'").contains("<alias name='ide0-1-0'/>"), xml);
                assertTrue(xml.contains("<alias name='scsi0'/>"), xml);

                watcher = new ProcessBuilder("virsh", "-c", uri, "event", "--all", "--loop", "--domain", "hotplug2",
                        "--timeout", "600").redirectOutput(events.toFile()).redirectErrorStream(true).start();
                awaitRegistered(uri, events);

                ok(Proc.virsh(uri, "attach-disk", "hotplug2", scsi.toString(), "sda", "--targetbus", "scsi"));
                awaitSerial(serial, l -> l.contains(SCSI));
                ok(Proc.virsh(uri, "attach-disk", "hotplug2", usb.toString(), "sdb", "--targetbus", "usb"));
                awaitSerial(serial, l -> l.contains(USB) && l.contains(SCSI) && l.contains(VDA));
                xml = ok(Proc.virsh(uri, "dumpxml", "hotplug2")).out();
                String sda = element(xml, "<target dev='sda' bus='scsi'/>");
                assertTrue(sda.contains("<alias name='scsi0-0-0-0'/>"), sda);
                assertTrue(sda.contains("<address type='drive' controller='0' bus='0' target='0' unit='0'/>"), sda);
                String sdb = element(xml, "<target dev='sdb' bus='usb'/>");
                assertTrue(sdb.contains("<alias name='usb-disk1'/>"), sdb);
                assertTrue(sdb.contains("<address type='usb' bus='0' port='1'/>"), sdb);

                ok(Proc.virsh(uri, "detach-disk", "hotplug2", "sda"));
                awaitSerial(serial, l -> !l.contains(SCSI) && l.contains(USB));
                awaitEvent(events, "event 'device-removed' for domain 'hotplug2': scsi0-0-0-0");
                ok(Proc.virsh(uri, "detach-disk", "hotplug2", "sdb"));
                awaitSerial(serial, l -> !l.contains(USB) && !l.contains(SCSI) && l.contains(VDA));
                awaitEvent(events, "event 'device-removed' for domain 'hotplug2': usb-disk1");
                xml = ok(Proc.virsh(uri, "dumpxml", "hotplug2")).out();
                assertFalse(xml.contains(scsi.toString()) || xml.contains(usb.toString()), xml);
                // one event per removal, nothing for the devices that stayed
                assertEquals(2, Files.readString(events).lines().filter(l -> l.contains("device-removed")).count(),
                        Files.readString(events));
                System.out.println("virsh hot-plug (Linux guest): a virtio-scsi and a USB disk plugged, seen by "
                        + "the guest, unplugged, device-removed events " + Files.readString(events).lines()
                        .filter(l -> l.contains("device-removed")).toList());
            } finally {
                if (watcher != null) {
                    watcher.destroy();
                    watcher.waitFor(5, TimeUnit.SECONDS);
                }
                if (dom.isActive()) {
                    dom.destroy(0);
                }
            }
            dom.undefine(0);
        }
    }

    /** virsh registers its callbacks after it started: a suspend and resume show when they are in place. */
    private static void awaitRegistered(String uri, Path events) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.readString(events).contains("Suspended")) {
            assertTrue(System.nanoTime() < deadline, "virsh event printed nothing: " + Files.readString(events));
            ok(Proc.virsh(uri, "suspend", "hotplug2"));
            ok(Proc.virsh(uri, "resume", "hotplug2"));
            Thread.sleep(200);
        }
    }

    private static void awaitEvent(Path events, String line) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.readString(events).contains(line)) {
            assertTrue(System.nanoTime() < deadline, "no " + line + " in:\n" + Files.readString(events));
            Thread.sleep(100);
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
        return xml.substring(xml.lastIndexOf("<disk ", at), xml.indexOf("</disk>", at));
    }

    /** Waits until the guest's last block-device line satisfies {@code test}. */
    private static void awaitSerial(Path serial, Predicate<String> test) throws Exception {
        long deadline = System.nanoTime() + 180_000_000_000L;
        String out = "";
        while (System.nanoTime() < deadline) {
            out = Files.exists(serial) ? Files.readString(serial) : "";
            List<String> lines = out.lines().filter(l -> l.contains("JVIRT-BLOCK:")).map(String::strip).toList();
            if (!lines.isEmpty() && test.test(lines.get(lines.size() - 1))) {
                return;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("the guest never reported the disks awaited; its serial output:\n" + out);
    }

    private static Proc.Result ok(Proc.Result r) {
        assertEquals(0, r.exit(), r.toString());
        return r;
    }

    private static Optional<Path> modules(Path kernel) {
        String version = kernel.getFileName().toString().replaceFirst("^vmlinuz-", "");
        Path boot = kernel.toAbsolutePath().getParent();
        List<Path> candidates = boot.getParent() == null ? List.of(Path.of("/lib/modules", version))
                : List.of(boot.getParent().resolve("lib/modules").resolve(version), Path.of("/lib/modules", version));
        return candidates.stream().filter(p -> MODULES.stream()
                .allMatch(m -> Files.isReadable(p.resolve("kernel/" + m + ".ko")))).findFirst();
    }

    private static String guestXml(String name, Path kernel, Path initrd, Path vda, Path serial) {
        return "<domain type='qemu'><name>" + name + "</name><memory unit='MiB'>256</memory><vcpu>1</vcpu>"
                + "<os><type arch='x86_64' machine='pc'>hvm</type><kernel>" + kernel + "</kernel>"
                + "<initrd>" + initrd + "</initrd><cmdline>console=ttyS0 panic=-1 quiet</cmdline></os>"
                + "<features><acpi/></features><devices>"
                + "<disk type='file' device='disk'><driver name='qemu' type='raw'/><source file='" + vda + "'/>"
                + "<target dev='vda' bus='virtio'/></disk>"
                + "<disk type='file' device='cdrom'><driver name='qemu' type='raw'/><target dev='hdc' bus='ide'/>"
                + "<readonly/></disk><controller type='scsi' index='0' model='virtio-scsi'/>"
                + "<serial type='file'><source path='" + serial + "'/><target port='0'/></serial>"
                + "<memballoon model='none'/></devices></domain>";
    }
}
