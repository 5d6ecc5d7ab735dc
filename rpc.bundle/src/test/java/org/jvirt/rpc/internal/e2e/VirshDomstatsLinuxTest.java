package org.jvirt.rpc.internal.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
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
 * {@code virsh domstats} with each group libvirt's QEMU driver collects here ({@code --state
 * --cpu-total --balloon --vcpu --interface --block}) over the wire, against a real Linux guest
 * that reads its virtio disk and sends packets on its virtio NIC (an ethernet interface: its tap's counters
 * unswapped, as libvirt's). The guest's tap lives in a
 * network namespace the test makes (the driver's command prefix), so the host's networking is not
 * touched. The counters must be the guest's: the block reads at least what the guest read, the
 * received packets (the tap's own receive) between the tap's receive counter (sysfs, in the namespace)
 * read before and after, the CPU times non-zero.
 */
class VirshDomstatsLinuxTest {
    private static final Path BUSYBOX = Path.of("/bin/busybox");
    private static final List<String> MODULES = List.of("drivers/virtio/virtio_ring", "drivers/virtio/virtio",
            "drivers/virtio/virtio_pci_modern_dev", "drivers/virtio/virtio_pci_legacy_dev", "drivers/virtio/virtio_pci",
            "net/core/failover", "drivers/net/net_failover", "drivers/net/virtio_net", "drivers/block/virtio_blk");
    private static final String TAP = "jvds0";
    private static final String INIT = """
            #!/bin/busybox sh
            /bin/busybox --install -s /bin
            mkdir -p /proc /sys /dev
            mount -t proc proc /proc
            mount -t sysfs sys /sys
            mount -t devtmpfs dev /dev
            for m in %s; do insmod /lib/$m.ko; done
            dd if=/dev/vda of=/dev/null bs=4096 count=64
            ip link set eth0 up
            ip addr add 10.99.0.2/24 dev eth0
            echo JVIRT-STATS-READY
            while true; do ping -c 1 -W 1 10.99.0.1 >/dev/null; done
            """;

    @Test
    void domstatsOfEachGroupReportTheGuestsOwnCounters(@TempDir Path dir) throws Exception {
        Optional<Path> kernel = LinuxGuest.findKernel();
        assertTrue(kernel.isPresent(), "no /boot/vmlinuz-*: install linux-image-amd64 (.ci/run does)");
        assumeTrue(QemuHosts.qemuInstalled() && Proc.available("virsh") && Files.isExecutable(BUSYBOX),
                "qemu, virsh and busybox-static are needed");
        assumeTrue(HostDirectories.isRoot(), "a network namespace needs root");
        Optional<Path> modules = LinuxGuest.modules(kernel.get(), MODULES);
        assertTrue(modules.isPresent(), "no " + MODULES + " for " + kernel.get());
        Path initrd = dir.resolve("initrd.gz");
        Initramfs.write(BUSYBOX, INIT.formatted(LinuxGuest.moduleNames(MODULES)),
                LinuxGuest.moduleFiles(modules.get(), MODULES), initrd);
        Path disk = dir.resolve("disk.raw");
        Files.write(disk, new byte[4 << 20]);
        Path serial = dir.resolve("serial.log");
        String ns = "jvds" + ProcessHandle.current().pid();
        assertEquals(0, Proc.run(List.of("ip", "netns", "add", ns), Map.of(), 30).exit());
        try (QemuHosts q = new QemuHosts(dir, Map.of("user", "root", "group", "root",
                "command_prefix", new String[] {"ip", "netns", "exec", ns}));
             Jvirtd d = new Jvirtd(q.factory); Connection c = q.factory.open("qemu:///system", 0)) {
            Domain dom = c.defineXml(guestXml(kernel.get(), initrd, disk, serial), 0);
            dom.create(0);
            try {
                String uri = "qemu+unix:///system?socket=" + d.rw;
                await(() -> Files.exists(serial) && Files.readString(serial).contains("JVIRT-STATS-READY"), serial);
                // the guest keeps sending; its packets count once the tap is up
                ok(Proc.run(List.of("ip", "netns", "exec", ns, "ip", "link", "set", TAP, "up"), Map.of(), 30));
                await(() -> tapRxPackets(ns) > 0, serial);
                long before = tapRxPackets(ns);
                String out = ok(Proc.virsh(uri, "domstats", "--state", "--cpu-total", "--balloon", "--vcpu",
                        "--interface", "--block", "stats1")).out();
                long after = tapRxPackets(ns);
                assertTrue(out.startsWith("Domain: 'stats1'\n"), out);
                for (String field : List.of("state.state=1", "state.reason=1", "balloon.current=262144",
                        "balloon.maximum=262144", "vcpu.current=1", "vcpu.maximum=1", "vcpu.0.state=1", "net.count=1",
                        "net.0.name=" + TAP, "block.count=1", "block.0.name=vda", "block.0.path=" + disk,
                        "block.0.capacity=" + (4 << 20))) {
                    assertTrue(out.contains("\n  " + field + "\n"), field + " in " + out);
                }
                assertTrue(value(out, "cpu.time") > 0 && value(out, "cpu.user") + value(out, "cpu.system") > 0, out);
                assertTrue(value(out, "vcpu.0.time") > 0, out);
                // an ethernet interface's tap is counted unswapped, as libvirt's virDomainNetTypeSharesHostView:
                // the guest's pings are the tap's receive, and domstats shows them as rx
                long rx = value(out, "net.0.rx.pkts");
                assertTrue(rx >= before && rx <= after, before + " <= " + rx + " <= " + after + "\n" + out);
                assertTrue(value(out, "net.0.rx.bytes") >= 42 * rx, out);
                assertTrue(value(out, "block.0.rd.reqs") > 0, out);
                assertTrue(value(out, "block.0.rd.bytes") >= 64 * 4096, out);
                assertEquals(0, value(out, "block.0.wr.reqs"), out);
                // only the groups asked for
                String state = ok(Proc.virsh(uri, "domstats", "--state", "stats1")).out();
                assertEquals("Domain: 'stats1'\n  state.state=1\n  state.reason=1\n\n", state);
                System.out.println("virsh domstats (Linux guest): " + out.lines().filter(l -> l.contains("=")).count()
                        + " fields, net.0.rx.pkts=" + rx + ", block.0.rd.reqs=" + value(out, "block.0.rd.reqs"));
            } finally {
                if (dom.isActive()) {
                    dom.destroy(0);
                }
                dom.undefine(0);
            }
        } finally {
            Proc.run(List.of("ip", "netns", "del", ns), Map.of(), 30);
        }
    }

    private static String guestXml(Path kernel, Path initrd, Path disk, Path serial) {
        return "<domain type='qemu'><name>stats1</name><memory unit='MiB'>256</memory><vcpu>1</vcpu>"
                + "<os><type arch='x86_64' machine='pc'>hvm</type><kernel>" + kernel + "</kernel>"
                + "<initrd>" + initrd + "</initrd><cmdline>console=ttyS0 panic=-1 quiet</cmdline></os>"
                + "<devices><disk type='file' device='disk'><driver name='qemu' type='raw'/><source file='" + disk
                + "'/><target dev='vda' bus='virtio'/></disk>"
                + "<interface type='ethernet'><mac address='52:54:00:99:00:02'/><target dev='" + TAP + "'/>"
                + "<model type='virtio'/></interface>"
                + "<serial type='file'><source path='" + serial + "'/><target port='0'/></serial>"
                + "<memballoon model='none'/></devices></domain>";
    }

    private static long tapRxPackets(String ns) throws Exception {
        Proc.Result r = Proc.run(List.of("ip", "netns", "exec", ns, "cat", "/sys/class/net/" + TAP + "/statistics/rx_packets"),
                Map.of(), 30);
        return r.exit() == 0 ? Long.parseLong(r.out().strip()) : -1;
    }

    private interface Check {
        boolean ok() throws Exception;
    }

    private static void await(Check check, Path serial) throws Exception {
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (check.ok()) {
                return;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("the guest did not get there; its console:\n"
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
}
