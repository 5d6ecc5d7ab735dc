package org.jvirt.rpc.internal.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

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
 * Resizing a real Linux guest with real virsh over the wire: Debian's kernel with a busybox
 * initramfs that loads the virtio balloon driver. {@code setmem} shrinks the guest through its
 * balloon (dominfo and dommemstat follow what the guest gave back), {@code dommemstat --period}
 * turns on the guest's own statistics, {@code setvcpus --live} hot-plugs a vCPU and unplugs it
 * again (the guest ejects it), and {@code domstats} reports the counters.
 */
class VirshResizeLinuxTest {
    private static final Path BUSYBOX = Path.of("/bin/busybox");
    private static final List<String> MODULES = List.of("drivers/virtio/virtio_ring", "drivers/virtio/virtio",
            "drivers/virtio/virtio_pci_modern_dev", "drivers/virtio/virtio_pci_legacy_dev", "drivers/virtio/virtio_pci",
            "drivers/virtio/virtio_balloon");
    private static final String INIT = """
            #!/bin/busybox sh
            /bin/busybox --install -s /bin
            mkdir -p /proc /sys /dev
            mount -t proc proc /proc
            mount -t sysfs sys /sys
            for m in %s; do insmod /lib/$m.ko; done
            echo JVIRT-RESIZE-READY
            while true; do sleep 1000; done
            """.formatted(LinuxGuest.moduleNames(MODULES));

    @Test
    void setmemSetvcpusDommemstatAndDomstatsOnALinuxGuest(@TempDir Path dir) throws Exception {
        // a missing kernel fails, as in the other Linux guest tests: .ci/run installs linux-image-amd64
        Optional<Path> kernel = LinuxGuest.findKernel();
        assertTrue(kernel.isPresent(), "no /boot/vmlinuz-*: install linux-image-amd64 (.ci/run does)"
                + " or name one with -Djvirt.test.kernel");
        Optional<Path> modules = LinuxGuest.modules(kernel.get(), MODULES);
        assertTrue(modules.isPresent(), "no virtio modules for " + kernel.get());
        assumeTrue(QemuHosts.qemuInstalled() && Proc.available("virsh") && Files.isExecutable(BUSYBOX),
                "qemu, virsh and busybox-static are needed");
        Path initrd = dir.resolve("initrd.gz");
        Initramfs.write(BUSYBOX, INIT, LinuxGuest.moduleFiles(modules.get(), MODULES), initrd);
        try (QemuHosts q = new QemuHosts(dir); Jvirtd d = new Jvirtd(q.factory);
                Connection c = q.factory.open("qemu:///system", 0)) {
            Domain dom = c.defineXml(guestXml("resize1", kernel.get(), initrd), 0);
            dom.create(0);
            try {
                String uri = "qemu+unix:///system?socket=" + d.rw;
                // the balloon driver is up once the guest answers a balloon request
                ok(Proc.virsh(uri, "setmem", "resize1", "200M", "--live"));
                String info = await(uri, List.of("dominfo", "resize1"), o -> o.contains("Used memory:    204800 KiB"));
                assertTrue(info.contains("Max memory:     262144 KiB"), info);
                assertTrue(ok(Proc.virsh(uri, "dommemstat", "resize1")).out().contains("actual 204800\n"));
                // the persistent definition did not change (--live only)
                assertTrue(ok(Proc.virsh(uri, "dumpxml", "--inactive", "resize1")).out()
                        .contains("<currentMemory unit='KiB'>262144</currentMemory>"));

                ok(Proc.virsh(uri, "dommemstat", "resize1", "--period", "1", "--live"));
                String stats = await(uri, List.of("dommemstat", "resize1"), o -> o.contains("\nunused ")
                        && o.contains("\navailable "));
                long available = value(stats, "available");
                assertTrue(available > 100_000 && available <= 204_800, stats);
                assertTrue(value(stats, "rss") > 10_000, stats);
                assertTrue(value(stats, "last_update") > 0, stats);

                ok(Proc.virsh(uri, "setvcpus", "resize1", "2", "--live"));
                String count = ok(Proc.virsh(uri, "vcpucount", "resize1")).out();
                assertTrue(count.contains("current      live           2"), count);
                assertTrue(count.contains("current      config         1"), count);
                assertEquals(2, ok(Proc.virsh(uri, "vcpuinfo", "resize1")).out().lines()
                        .filter(l -> l.startsWith("VCPU:")).count());
                assertTrue(ok(Proc.virsh(uri, "dominfo", "resize1")).out().contains("CPU(s):         2\n"));

                String all = ok(Proc.virsh(uri, "domstats", "resize1")).out();
                for (String field : List.of("state.state=1", "balloon.current=204800", "balloon.maximum=262144",
                        "vcpu.current=2", "vcpu.maximum=2", "vcpu.1.state=1", "net.count=0", "block.count=0")) {
                    assertTrue(all.contains("  " + field + "\n"), field + " in " + all);
                }
                assertTrue(value(all, "  cpu.time=") > 0 && value(all, "  vcpu.1.time=") >= 0, all);
                assertTrue(value(all, "  balloon.available=") > 0, all);

                // the guest ejects the vCPU it was given, and its cgroup goes (libvirt's qemuDomainRemoveVcpu)
                List<Path> vcpu1Groups = vcpuGroups("resize1", "vcpu1");
                // as root the driver gives every guest its cgroups: then the vCPU group must be there to go
                assertTrue(!HostDirectories.isRoot() || !vcpu1Groups.isEmpty(), "no vcpu1 cgroup of resize1 as root");
                ok(Proc.virsh(uri, "setvcpus", "resize1", "1", "--live"));
                assertTrue(ok(Proc.virsh(uri, "vcpucount", "resize1", "--live")).out().startsWith("1\n"));
                for (Path g : vcpu1Groups) {
                    assertFalse(Files.exists(g), "cgroup of the unplugged vCPU left: " + g);
                }
                assertTrue(vcpu1Groups.isEmpty() || !vcpuGroups("resize1", "vcpu0").isEmpty(),
                        "the online vCPU's group went too");
                assertTrue(Proc.virsh(uri, "setmaxmem", "resize1", "300M").err()
                        .contains("cannot resize the maximum memory on an active domain"));
                if (Boolean.getBoolean("jvirt.verbose")) {
                    System.out.println(stats + all);
                }
                System.out.println("virsh resize (Linux guest): balloon to 204800 KiB, guest stats "
                        + stats.lines().count() + " lines, vCPU plugged and unplugged, domstats "
                        + all.lines().filter(l -> l.contains("=")).count() + " fields");
            } finally {
                if (dom.isActive()) {
                    dom.destroy(0);
                }
                dom.undefine(0);
            }
        }
    }

    private static Proc.Result ok(Proc.Result r) {
        assertEquals(0, r.exit(), r.toString());
        return r;
    }

    /** Runs the virsh command until its output satisfies {@code done} (the guest works at TCG speed). */
    private static String await(String uri, List<String> command, Predicate<String> done) throws Exception {
        long deadline = System.nanoTime() + 180_000_000_000L;
        String last = "";
        while (System.nanoTime() < deadline) {
            last = ok(Proc.virsh(uri, command.toArray(String[]::new))).out();
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(500);
        }
        throw new AssertionError(command + " never satisfied; last output:\n" + last);
    }

    /** The number after {@code key} ({@code "rss "} or {@code "  cpu.time="}) in virsh's output. */
    private static long value(String out, String key) {
        String k = key.endsWith("=") ? key : key + " ";
        return out.lines().filter(l -> l.startsWith(k)).map(l -> Long.parseLong(l.substring(k.length()).trim()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + key + " in " + out));
    }

    private static String guestXml(String name, Path kernel, Path initrd) {
        return "<domain type='qemu'><name>" + name + "</name><memory unit='MiB'>256</memory>"
                + "<vcpu current='1'>2</vcpu>"
                + "<os><type arch='x86_64' machine='pc'>hvm</type><kernel>" + kernel + "</kernel>"
                + "<initrd>" + initrd + "</initrd><cmdline>console=ttyS0 panic=-1 quiet</cmdline></os>"
                + "<features><acpi/></features>"
                + "<devices><serial type='pty'/><console type='pty'/><memballoon model='virtio'/></devices></domain>";
    }

    /** The {@code child} groups of the guest {@code name} in the host's cgroup file system, if it has any. */
    private static List<Path> vcpuGroups(String name, String child) throws IOException {
        Path root = Path.of("/sys/fs/cgroup");
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(root, 4)) {
            return s.filter(p -> p.getFileName() != null && p.getFileName().toString().equals(child)
                    && p.getParent().getFileName().toString().contains("-" + name + ".libvirt-qemu")).toList();
        }
    }
}
