package org.jvirt.rpc.internal.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.BlockStats;
import org.jvirt.api.Connection;
import org.jvirt.api.Domain;
import org.jvirt.api.TypedParameter;
import org.jvirt.rpc.internal.testkit.Jvirtd;
import org.jvirt.rpc.internal.testkit.Proc;
import org.jvirt.rpc.internal.testkit.QemuHosts;
import org.jvirt.testing.Initramfs;
import org.jvirt.testing.LinuxGuest;

/**
 * {@code virsh domblkstat} over the wire against the QEMU driver and a real Linux guest (TCG) with two
 * virtio disks, which reads 1 MiB of a new part of its first disk every few seconds and says so on its
 * console. Between two reads the counters stand still: then domblkstat's must be domstats' {@code block.*},
 * the totals ({@code domblkstat} without a disk) the sum of both disks, and the flagless
 * {@code virDomainBlockStats} the same with {@code errs} -1 (QEMU counts no errors). After the next read
 * the first disk's read counters have grown by at least what the guest read.
 */
class VirshDomblkstatLinuxTest {
    private static final Path BUSYBOX = Path.of("/bin/busybox");
    private static final List<String> MODULES = List.of("drivers/virtio/virtio_ring", "drivers/virtio/virtio",
            "drivers/virtio/virtio_pci_modern_dev", "drivers/virtio/virtio_pci_legacy_dev", "drivers/virtio/virtio_pci",
            "drivers/block/virtio_blk");
    /** Each read takes 1 MiB at a new 4 MiB offset, so neither the page cache nor read-ahead has it yet. */
    private static final String INIT = """
            #!/bin/busybox sh
            /bin/busybox --install -s /bin
            mkdir -p /proc /sys /dev
            mount -t proc proc /proc
            mount -t sysfs sys /sys
            mount -t devtmpfs dev /dev
            for m in %s; do insmod /lib/$m.ko; done
            i=0
            while true; do
              dd if=/dev/vda of=/dev/null bs=4096 count=256 skip=$((i * 1024)) 2>/dev/null
              echo JVIRT-READ-$i
              i=$((i + 1))
              sleep 8
            done
            """.formatted(LinuxGuest.moduleNames(MODULES));
    /** virsh's domblkstat names (virDomainBlockStatsFlags' fields) and domstats' for the same counter. */
    private static final Map<String, String> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put("rd_req", "rd.reqs");
        NAMES.put("rd_bytes", "rd.bytes");
        NAMES.put("wr_req", "wr.reqs");
        NAMES.put("wr_bytes", "wr.bytes");
        NAMES.put("flush_operations", "fl.reqs");
        NAMES.put("rd_total_times", "rd.times");
        NAMES.put("wr_total_times", "wr.times");
        NAMES.put("flush_total_times", "fl.times");
    }

    @Test
    void domblkstatFollowsTheGuestsReadsAndAgreesWithDomstats(@TempDir Path dir) throws Exception {
        Optional<Path> kernel = LinuxGuest.findKernel();
        assertTrue(kernel.isPresent(), "no /boot/vmlinuz-*: install linux-image-amd64 (.ci/run does)");
        Optional<Path> modules = LinuxGuest.modules(kernel.get(), MODULES);
        assertTrue(modules.isPresent(), "no " + MODULES + " for " + kernel.get());
        assumeTrue(QemuHosts.qemuInstalled() && Proc.available("virsh") && Files.isExecutable(BUSYBOX),
                "qemu, virsh and busybox-static are needed");
        Path initrd = dir.resolve("initrd.gz");
        Initramfs.write(BUSYBOX, INIT, LinuxGuest.moduleFiles(modules.get(), MODULES), initrd);
        Path vda = sparse(dir.resolve("a.raw"), 64 << 20);
        Path vdb = sparse(dir.resolve("b.raw"), 4 << 20);
        Path serial = dir.resolve("serial.log");
        try (QemuHosts q = new QemuHosts(dir); Jvirtd d = new Jvirtd(q.factory);
                Connection c = q.factory.open("qemu:///system", 0)) {
            Domain dom = c.defineXml(guestXml(kernel.get(), initrd, vda, vdb, serial), 0);
            String uri = "qemu+unix:///system?socket=" + d.rw;
            String inactive = Proc.virsh(uri, "domblkstat", "blk1", "vda").err();
            assertTrue(inactive.contains("error: Requested operation is not valid: domain is not running"), inactive);
            dom.create(0);
            try {
                int reads = awaitRead(serial, 0);
                // a window in which the guest read nothing: its console shows no new read around the calls
                Map<String, Long> still;
                Map<String, Long> total;
                Map<String, Long> second;
                String stats;
                BlockStats old;
                while (true) {
                    still = domblkstat(uri, "vda");
                    stats = ok(Proc.virsh(uri, "domstats", "--block", "blk1")).out();
                    second = domblkstat(uri, "vdb");
                    total = domblkstat(uri, "");
                    old = dom.blockStats("vda");
                    Map<String, Long> again = domblkstat(uri, vda.toString());
                    int now = readsSoFar(serial);
                    if (now == reads && again.equals(still)) {
                        break;
                    }
                    reads = awaitRead(serial, now);
                }
                assertEquals(List.copyOf(NAMES.keySet()), List.copyOf(still.keySet()), still.toString());
                for (Map.Entry<String, String> n : NAMES.entrySet()) {
                    assertEquals(value(stats, "block.0." + n.getValue()), still.get(n.getKey()), n + "\n" + stats);
                    assertEquals(value(stats, "block.1." + n.getValue()), second.get(n.getKey()), n + "\n" + stats);
                    assertEquals(still.get(n.getKey()) + second.get(n.getKey()), total.get(n.getKey()), n.getKey());
                }
                assertTrue(still.get("rd_bytes") >= (reads + 1) * 256 * 4096L, still + " after " + (reads + 1) + " reads");
                assertEquals(new BlockStats(still.get("rd_req"), still.get("rd_bytes"), still.get("wr_req"),
                        still.get("wr_bytes"), -1), old);
                assertEquals(0, still.get("wr_req"), still.toString());
                // the next read counts
                awaitRead(serial, reads + 1);
                Map<String, Long> after = domblkstat(uri, "vda");
                assertTrue(after.get("rd_req") > still.get("rd_req"), still + " -> " + after);
                assertTrue(after.get("rd_bytes") >= still.get("rd_bytes") + 256 * 4096L, still + " -> " + after);
                assertTrue(after.get("rd_total_times") > still.get("rd_total_times"), still + " -> " + after);
                List<TypedParameter> params = dom.blockStatsParameters("vda", 0);
                assertEquals("wr_bytes", params.get(0).field(), params.toString());
                String bad = Proc.virsh(uri, "domblkstat", "blk1", "hdz").err();
                assertTrue(bad.contains("error: invalid argument: invalid path: hdz"), bad);
                System.out.println("virsh domblkstat (Linux guest): vda " + still + " -> rd_req " + after.get("rd_req")
                        + ", rd_bytes " + after.get("rd_bytes") + "; equal to domstats block.*, totals of 2 disks");
            } finally {
                if (dom.isActive()) {
                    dom.destroy(0);
                }
                dom.undefine(0);
            }
        }
    }

    private static Path sparse(Path file, long size) throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(size);
        }
        return file;
    }

    /** {@code virsh domblkstat blk1 <disk>}: its lines "{@code <disk> <name> <value>}" by name. */
    private static Map<String, Long> domblkstat(String uri, String disk) throws Exception {
        String out = ok(Proc.virsh(uri, "domblkstat", "blk1", disk)).out();
        Map<String, Long> values = new LinkedHashMap<>();
        for (String line : out.lines().filter(l -> !l.isBlank()).toList()) {
            String[] f = line.trim().split("\\s+");
            values.put(f[f.length - 2], Long.parseLong(f[f.length - 1]));
        }
        return values;
    }

    private static int readsSoFar(Path serial) throws Exception {
        if (!Files.exists(serial)) {
            return -1;
        }
        return (int) Files.readString(serial).lines().filter(l -> l.startsWith("JVIRT-READ-")).count() - 1;
    }

    /** Waits until the guest has finished read {@code n} (counting from 0); returns the last finished. */
    private static int awaitRead(Path serial, int n) throws Exception {
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (System.nanoTime() < deadline) {
            int done = readsSoFar(serial);
            if (done >= n) {
                return done;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the guest did not read; its console:\n"
                + (Files.exists(serial) ? Files.readString(serial) : ""));
    }

    private static Proc.Result ok(Proc.Result r) {
        assertEquals(0, r.exit(), r.toString());
        return r;
    }

    private static long value(String out, String field) {
        String k = "  " + field + "=";
        return out.lines().filter(l -> l.startsWith(k)).map(l -> Long.parseLong(l.substring(k.length()).trim()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + field + " in " + out));
    }

    private static String guestXml(Path kernel, Path initrd, Path vda, Path vdb, Path serial) {
        return "<domain type='qemu'><name>blk1</name><memory unit='MiB'>256</memory><vcpu>1</vcpu>"
                + "<os><type arch='x86_64' machine='pc'>hvm</type><kernel>" + kernel + "</kernel>"
                + "<initrd>" + initrd + "</initrd><cmdline>console=ttyS0 panic=-1 quiet</cmdline></os>"
                + "<devices><disk type='file' device='disk'><driver name='qemu' type='raw'/><source file='" + vda
                + "'/><target dev='vda' bus='virtio'/></disk>"
                + "<disk type='file' device='disk'><driver name='qemu' type='raw'/><source file='" + vdb
                + "'/><target dev='vdb' bus='virtio'/></disk>"
                + "<serial type='file'><source path='" + serial + "'/><target port='0'/></serial>"
                + "<memballoon model='none'/></devices></domain>";
    }
}
