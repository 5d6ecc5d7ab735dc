package org.jvirt.rpc.internal.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.Connection;
import org.jvirt.api.Domain;
import org.jvirt.driver.qemu.internal.cgroup.CgroupMounts;
import org.jvirt.driver.qemu.internal.cgroup.Controller;
import org.jvirt.rpc.internal.testkit.Jvirtd;
import org.jvirt.rpc.internal.testkit.Proc;
import org.jvirt.rpc.internal.testkit.QemuHosts;

/**
 * Real {@code virsh schedinfo}, {@code memtune}, {@code blkiotune} and {@code emulatorpin} over
 * the wire against jvirtd serving the QEMU driver: what virsh prints, and what the guest's cgroup
 * files hold after each change (live and persistent), up to the group's removal.
 */
class VirshTuningTest {
    @Test
    void virshTunesARunningGuestsCgroup(@TempDir Path dir) throws Exception {
        assumeTrue(QemuHosts.qemuInstalled(), "no qemu-system-x86_64 on the PATH");
        assumeTrue(Proc.available("virsh"), "virsh (libvirt-clients) is not installed");
        CgroupMounts mounts = CgroupMounts.detect();
        Path cpuMount = mounts.v1(Controller.CPU).orElse(null);
        Path memMount = mounts.v1(Controller.MEMORY).orElse(null);
        assumeTrue(cpuMount != null && memMount != null && Files.isWritable(cpuMount),
                "needs writable cgroup v1 cpu and memory controllers");
        try (QemuHosts q = new QemuHosts(dir); Jvirtd d = new Jvirtd(q.factory);
                Connection c = q.factory.open("qemu:///system", 0)) {
            Domain dom = c.defineXml("<domain type='qemu'><name>tune1</name><memory unit='MiB'>32</memory>"
                    + "<vcpu>2</vcpu><cputune><shares>1500</shares></cputune>"
                    + "<os><type arch='x86_64' machine='pc'>hvm</type></os><devices/></domain>", 0);
            dom.create(0);
            String group = "machine/qemu-" + dom.id() + "-tune1.libvirt-qemu";
            Path cpu = cpuMount.resolve(group);
            Path mem = memMount.resolve(group);
            String uri = "qemu+unix:///system?socket=" + d.rw;
            try {
                assertEquals("1500", Files.readString(cpu.resolve("cpu.shares")).strip());
                String info = ok(uri, "schedinfo", "tune1");
                assertTrue(info.contains("Scheduler      : posix"), info);
                assertTrue(info.contains("cpu_shares     : 1500"), info);
                assertTrue(info.contains("vcpu_quota     : -1"), info);

                ok(uri, "schedinfo", "tune1", "--live", "--set", "cpu_shares=700");
                ok(uri, "schedinfo", "tune1", "--live", "--set", "vcpu_quota=20000");
                assertEquals("700", Files.readString(cpu.resolve("cpu.shares")).strip());
                assertEquals("20000", Files.readString(cpu.resolve("vcpu0/cpu.cfs_quota_us")).strip());
                assertEquals("20000", Files.readString(cpu.resolve("vcpu1/cpu.cfs_quota_us")).strip());
                assertTrue(ok(uri, "schedinfo", "tune1", "--config").contains("cpu_shares     : 1500"));
                ok(uri, "schedinfo", "tune1", "--config", "--set", "cpu_shares=900");
                assertTrue(ok(uri, "schedinfo", "tune1", "--config").contains("cpu_shares     : 900"));
                assertEquals("700", Files.readString(cpu.resolve("cpu.shares")).strip());
                Proc.Result bad = Proc.virsh(uri, "schedinfo", "tune1", "--set", "cpu_shares=1");
                assertEquals(1, bad.exit(), bad.toString());
                assertTrue(bad.err().contains("shares '1' must be in range [2, 262144]"), bad.err());

                ok(uri, "memtune", "tune1", "--hard-limit", "800000", "--live");
                assertEquals(Long.toString(800000L << 10), Files.readString(mem.resolve("memory.limit_in_bytes")).strip());
                String memtune = ok(uri, "memtune", "tune1");
                assertTrue(memtune.contains("hard_limit     : 800000"), memtune);
                assertTrue(memtune.contains("soft_limit     : unlimited"), memtune);

                ok(uri, "blkiotune", "tune1", "--config", "--weight", "300");
                assertTrue(ok(uri, "blkiotune", "tune1", "--config").contains("weight         : 300"));

                ok(uri, "emulatorpin", "tune1", "0", "--live");
                assertTrue(ok(uri, "emulatorpin", "tune1").contains("*: 0"));
                mounts.v1(Controller.CPUSET).ifPresent(cs -> assertEquals("0", read(cs.resolve(group)
                        .resolve("emulator/cpuset.cpus"))));
                List<String> procs = Files.readAllLines(cpu.resolve("emulator/cgroup.procs"));
                assertEquals(1, procs.size(), procs.toString());
                String cmdline = Files.readString(Path.of("/proc", procs.get(0), "cmdline"));
                assertTrue(cmdline.contains("qemu-system") && cmdline.contains("tune1"), cmdline);
            } finally {
                if (dom.isActive()) {
                    dom.destroy(0);
                }
            }
            assertFalse(Files.exists(cpu), "cgroup left: " + cpu);
            assertFalse(Files.exists(mem), "cgroup left: " + mem);
            assertTrue(ok(uri, "schedinfo", "tune1").contains("cpu_shares     : 900"));
            dom.undefine(0);
        }
    }

    private static String ok(String uri, String... args) throws Exception {
        Proc.Result r = Proc.virsh(uri, args);
        assertEquals(0, r.exit(), r.toString());
        return r.out();
    }

    private static String read(Path p) {
        try {
            return Files.readString(p).strip();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
