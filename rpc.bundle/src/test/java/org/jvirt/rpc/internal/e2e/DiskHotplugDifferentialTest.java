package org.jvirt.rpc.internal.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.spi.HostDirectories;
import org.jvirt.rpc.internal.testkit.Jvirtd;
import org.jvirt.rpc.internal.testkit.Proc;
import org.jvirt.rpc.internal.testkit.QemuHosts;
import org.jvirt.rpc.internal.testkit.QemuLibvirtd;

/**
 * Disk hot-plug through real virsh against jvirtd's QEMU driver and against libvirtd 9.0's, on
 * the same BIOS-only guest (TCG): the aliases a start gives, a SCSI disk on a guest without SCSI
 * controller (the plugged controller's model and alias, the disk's whole live element: source and
 * node index, drive address, alias), a USB disk's (port, alias), the refusals (floppy, IDE, virtio cdrom, unplugging an IDE disk or
 * cdrom), and {@code virsh event}'s device-removed lines once the SCSI and USB buses let the
 * disks go. What each daemon shows must be the same.
 */
class DiskHotplugDifferentialTest {
    private static final Pattern ALIAS_OR_ADDRESS = Pattern.compile("<(alias|address) [^>]*/>");

    @TempDir
    Path dir;

    @Test
    void jvirtdPlugsAndUnplugsAsLibvirtd() throws Exception {
        assumeTrue(QemuHosts.qemuInstalled(), "no qemu-system-x86_64 on the PATH");
        assumeTrue(Proc.available("virsh"), "virsh (libvirt-clients) is not installed");
        assumeTrue(QemuLibvirtd.available(), "needs root, libvirtd with its QEMU driver module and unshare");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path images = Files.createDirectories(dir.resolve("images"));
        Files.setPosixFilePermissions(images, PosixFilePermissions.fromString("rwxr-xr-x"));
        boolean named = Proc.run(List.of("getent", "passwd", "libvirt-qemu"), Map.of(), 10).exit() == 0;
        Map<String, Object> dac = named ? Map.of() : Map.of("user", "+64055");
        Map<String, String> jvirt;
        Map<String, String> libvirt;
        try (QemuHosts q = HostDirectories.isRoot() ? new QemuHosts(dir.resolve("jvirt"), dac)
                : new QemuHosts(dir.resolve("jvirt")); Jvirtd d = new Jvirtd(q.factory)) {
            jvirt = observe("qemu+unix:///system?socket=" + d.rw, images.resolve("j"));
        }
        try (QemuLibvirtd l = new QemuLibvirtd()) {
            libvirt = observe(l.uri(), images.resolve("l"));
        }
        List<String> differ = new ArrayList<>();
        for (String k : libvirt.keySet()) {
            if (!libvirt.get(k).equals(jvirt.get(k))) {
                differ.add(k + "\n  libvirtd: " + libvirt.get(k) + "\n  jvirtd:   " + jvirt.get(k));
            }
        }
        System.out.println("disk hot-plug differential: " + (libvirt.size() - differ.size()) + " agree, "
                + differ.size() + " differ");
        assertEquals(libvirt.keySet(), jvirt.keySet());
        assertEquals(List.of(), differ, String.join("\n", differ));
        assertTrue(libvirt.get("events").contains("scsi0-0-1") && libvirt.get("events").contains("usb-disk2"),
                libvirt.get("events"));
    }

    /** What virsh shows of one daemon, step by step; images named {@code prefix*}. */
    private Map<String, String> observe(String uri, Path prefix) throws Exception {
        Map<String, String> seen = new LinkedHashMap<>();
        Path vda = image(Path.of(prefix + "-vda.img"));
        Path hda = image(Path.of(prefix + "-hda.img"));
        Path scsi = image(Path.of(prefix + "-scsi.img"));
        Path usb = image(Path.of(prefix + "-usb.img"));
        Path xml = Files.writeString(Path.of(prefix + "-guest.xml"), guestXml(vda, hda));
        Path events = Path.of(prefix + "-events.out");
        ok(Proc.virsh(uri, "define", xml.toString()));
        ok(Proc.virsh(uri, "start", "dhp1"));
        Process watcher = null;
        try {
            String live = ok(Proc.virsh(uri, "dumpxml", "dhp1")).out();
            seen.put("start vda", infoOf(disk(live, "vda")));
            seen.put("start hda", infoOf(disk(live, "hda")));
            seen.put("start hdc", infoOf(disk(live, "hdc")));
            seen.put("start controllers", controllers(live));

            watcher = new ProcessBuilder("virsh", "-c", uri, "event", "--all", "--loop", "--domain", "dhp1",
                    "--timeout", "300").redirectOutput(events.toFile()).redirectErrorStream(true).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!Files.readString(events).contains("Suspended") && System.nanoTime() < deadline) {
                ok(Proc.virsh(uri, "suspend", "dhp1"));
                ok(Proc.virsh(uri, "resume", "dhp1"));
                Thread.sleep(200);
            }

            seen.put("attach scsi", outcome(Proc.virsh(uri, "attach-disk", "dhp1", scsi.toString(), "sdb",
                    "--targetbus", "scsi")));
            seen.put("attach usb", outcome(Proc.virsh(uri, "attach-disk", "dhp1", usb.toString(), "sdc",
                    "--targetbus", "usb")));
            live = ok(Proc.virsh(uri, "dumpxml", "dhp1")).out();
            seen.put("plugged sdb", plugged(live, "sdb", prefix));
            seen.put("plugged sdc", plugged(live, "sdc", prefix));
            seen.put("plugged controllers", controllers(live));
            seen.put("attach ide disk", outcome(Proc.virsh(uri, "attach-disk", "dhp1", scsi.toString(), "hdb",
                    "--targetbus", "ide")));
            seen.put("attach floppy", outcome(Proc.virsh(uri, "attach-disk", "dhp1", scsi.toString(), "fda",
                    "--targetbus", "fdc", "--type", "floppy")));
            seen.put("attach virtio cdrom", outcome(Proc.virsh(uri, "attach-disk", "dhp1", scsi.toString(), "vdc",
                    "--targetbus", "virtio", "--type", "cdrom")));
            seen.put("attach scsi taken address", outcome(Proc.virsh(uri, "attach-disk", "dhp1", usb.toString(),
                    "sdd", "--targetbus", "scsi", "--address", "scsi:0.0.1")));
            seen.put("detach ide disk", outcome(Proc.virsh(uri, "detach-disk", "dhp1", "hda")));
            seen.put("detach ide cdrom", outcome(Proc.virsh(uri, "detach-disk", "dhp1", "hdc")));

            seen.put("detach scsi", outcome(Proc.virsh(uri, "detach-disk", "dhp1", "sdb")));
            seen.put("detach usb", outcome(Proc.virsh(uri, "detach-disk", "dhp1", "sdc")));
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (Files.readString(events).lines().filter(l -> l.contains("device-removed")).count() < 2
                    && System.nanoTime() < until) {
                Thread.sleep(100);
            }
            live = ok(Proc.virsh(uri, "dumpxml", "dhp1")).out();
            seen.put("after controllers", controllers(live));
            seen.put("after disks", String.valueOf(live.contains("dev='sdb'") || live.contains("dev='sdc'")));
        } finally {
            if (watcher != null) {
                watcher.destroy();
                watcher.waitFor(5, TimeUnit.SECONDS);
            }
            Proc.virsh(uri, "destroy", "dhp1");
            Proc.virsh(uri, "undefine", "dhp1");
        }
        seen.put("events", String.join("\n", Files.readString(events).lines()
                .filter(l -> l.contains("device-removed")).toList()));
        return seen;
    }

    private static String outcome(Proc.Result r) {
        return r.exit() == 0 ? "ok" : r.err().strip();
    }

    private static Proc.Result ok(Proc.Result r) {
        assertEquals(0, r.exit(), r.toString());
        return r;
    }

    /** The {@code <disk>} element of target {@code dev}, or "" when there is none. */
    private static String disk(String xml, String dev) {
        int at = xml.indexOf("<target dev='" + dev + "'");
        if (at < 0) {
            return "";
        }
        return xml.substring(xml.lastIndexOf("<disk ", at), xml.indexOf("</disk>", at));
    }

    /**
     * A plugged disk's whole element, its image folder named alike, without libvirt's empty
     * {@code <backingStore/>} (the probed backing chain: jvirt's live XML shows none for any disk,
     * cold- or hot-plugged, which is no matter of hot-plug).
     */
    private static String plugged(String xml, String dev, Path prefix) {
        return disk(xml, dev).replace(prefix.toString(), "IMAGES").replaceAll("\\s*<backingStore/>", "");
    }

    /** The alias and address lines of an element. */
    private static String infoOf(String element) {
        List<String> out = new ArrayList<>();
        Matcher m = ALIAS_OR_ADDRESS.matcher(element);
        while (m.find()) {
            out.add(m.group());
        }
        return String.join(" ", out);
    }

    /** Each controller's opening tag with its alias (addresses aside: the PCI slots follow other devices). */
    private static String controllers(String xml) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("(<controller [^>]*>)(.*?)</controller>", Pattern.DOTALL).matcher(xml);
        while (m.find()) {
            Matcher a = Pattern.compile("<alias [^>]*/>").matcher(m.group(2));
            out.add(m.group(1) + (a.find() ? a.group() : ""));
        }
        return String.join(" ", out);
    }

    private static Path image(Path p) throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.setLength(1 << 20);
        }
        return p;
    }

    private static String guestXml(Path vda, Path hda) {
        return "<domain type='qemu'><name>dhp1</name><memory unit='MiB'>64</memory><vcpu>1</vcpu>"
                + "<os><type arch='x86_64' machine='pc'>hvm</type></os><features><acpi/></features><devices>"
                + "<emulator>/usr/bin/qemu-system-x86_64</emulator>"
                + "<disk type='file' device='disk'><driver name='qemu' type='raw'/><source file='" + vda + "'/>"
                + "<target dev='vda' bus='virtio'/></disk>"
                + "<disk type='file' device='disk'><driver name='qemu' type='raw'/><source file='" + hda + "'/>"
                + "<target dev='hda' bus='ide'/></disk>"
                + "<disk type='file' device='cdrom'><driver name='qemu' type='raw'/><target dev='hdc' bus='ide'/>"
                + "<readonly/></disk><memballoon model='none'/></devices></domain>";
    }
}
