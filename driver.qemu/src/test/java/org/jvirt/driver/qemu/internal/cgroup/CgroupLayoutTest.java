package org.jvirt.driver.qemu.internal.cgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mount detection, libvirt's names, and the v1 and v2 layouts over folders of plain files. */
class CgroupLayoutTest {
    private static final String V1 = """
            30 22 0:27 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755
            31 30 0:28 / /sys/fs/cgroup/cpu,cpuacct rw,relatime - cgroup cgroup rw,cpu,cpuacct
            33 30 0:30 / /sys/fs/cgroup/cpuset rw,relatime - cgroup cgroup rw,cpuset
            34 30 0:31 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory
            37 30 0:34 / /sys/fs/cgroup/blkio rw,relatime - cgroup cgroup rw,blkio
            39 30 0:36 / /sys/fs/cgroup/systemd rw,relatime - cgroup cgroup rw,name=systemd
            40 30 0:37 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw
            """;
    private static final String V2 = "28 22 0:26 / /sys/fs/cgroup rw,nosuid - cgroup2 cgroup2 rw,nsdelegate\n";

    @TempDir
    Path root;

    @Test
    void v1ControllersWinAndAUnifiedHierarchyWithoutOursIsIgnored() {
        CgroupMounts m = CgroupMounts.parse(V1.lines().toList(), p -> "hugetlb\n");
        assertEquals(Path.of("/sys/fs/cgroup/cpu,cpuacct"), m.v1(Controller.CPU).orElseThrow());
        assertEquals(Path.of("/sys/fs/cgroup/cpu,cpuacct"), m.v1(Controller.CPUACCT).orElseThrow());
        assertEquals(Path.of("/sys/fs/cgroup/blkio"), m.v1(Controller.BLKIO).orElseThrow());
        assertFalse(m.has(Controller.DEVICES));
        assertFalse(m.inV2(Controller.DEVICES));
        assertFalse(Controller.stream().anyMatch(m::inV2));
    }

    @Test
    void aPureV2HostUsesTheControllersItsRootOffers() {
        CgroupMounts m = CgroupMounts.parse(List.of(V2.strip()), p -> "cpuset cpu io memory hugetlb pids\n");
        assertTrue(m.inV2(Controller.CPU) && m.inV2(Controller.CPUACCT) && m.inV2(Controller.BLKIO));
        assertFalse(m.has(Controller.DEVICES));
        assertEquals(Path.of("/sys/fs/cgroup"), m.v2Mount());
    }

    @Test
    void machineNamesAreLibvirts() {
        assertEquals("qemu-1-web", MachineName.of("qemu", null, 1, "web"));
        assertEquals("qemu-7-a.b-c", MachineName.of("qemu", null, 7, "a..b--c."));
        assertEquals("qemu-3-weird", MachineName.of("qemu", null, 3, "we ird_"));
        assertEquals("qemu-root-2-x", MachineName.of("qemu", "root", 2, "x"));
        assertEquals(64, MachineName.of("qemu", null, 1, "n".repeat(100)).length());
        List<String> ctl = List.of("cpu", "memory");
        assertEquals("qemu-1-web.libvirt-qemu", MachineName.group("qemu-1-web", "qemu", ctl));
        assertEquals("_cpu.x", MachineName.escape("cpu.x", ctl));
        assertEquals("_cgroup.procs", MachineName.escape("cgroup.procs", ctl));
        assertEquals("_.hidden", MachineName.escape(".hidden", ctl));
    }

    @Test
    void partitionsGetLibvirtsSuffixAndEscaping() {
        List<String> ctl = List.of("cpu", "memory");
        assertEquals("machine", Partition.folders("/machine", ctl));
        assertEquals("jvirttest.partition/sub.partition", Partition.folders("/jvirttest/sub", ctl));
        assertEquals("machine/web.partition", Partition.folders("/machine/web", ctl));
        assertEquals("sub.partition/machine.partition", Partition.folders("/sub/machine", ctl));
        assertEquals("a.b/_cpu.partition", Partition.folders("/a.b/cpu", ctl));
        assertEquals("__x.partition", Partition.folders("/_x", ctl));
    }

    @Test
    void v1GroupsHoldTheProcessInEmulatorAndVcpusInTheirChildren() throws Exception {
        for (String c : List.of("cpu", "cpuset", "memory")) {
            Files.createDirectories(root.resolve(c));
        }
        Files.writeString(root.resolve("cpuset/cpuset.cpus"), "0-3\n");
        Files.writeString(root.resolve("cpuset/cpuset.mems"), "0\n");
        CgroupMounts m = new CgroupMounts(Map.of(Controller.CPU, root.resolve("cpu"), Controller.CPUSET,
                root.resolve("cpuset"), Controller.MEMORY, root.resolve("memory")), null, Set.of());
        GuestCgroup g = new GuestCgroup(m, "machine", "qemu-1-web.libvirt-qemu");
        g.create(42);
        Path group = root.resolve("cpu/machine/qemu-1-web.libvirt-qemu");
        assertEquals("42", Files.readString(group.resolve("emulator/cgroup.procs")));
        assertEquals("42", Files.readString(root.resolve("memory/machine/qemu-1-web.libvirt-qemu/cgroup.procs")));
        assertEquals("0-3", Files.readString(root.resolve("cpuset/machine/cpuset.cpus")));
        assertFalse(Files.exists(root.resolve("memory/machine/qemu-1-web.libvirt-qemu/emulator")));
        g.createThreadGroup("vcpu0");
        g.addThread("vcpu0", 43);
        assertEquals("43", Files.readString(group.resolve("vcpu0/tasks")));
        assertEquals("0", Files.readString(root.resolve("cpuset/machine/qemu-1-web.libvirt-qemu/vcpu0/cpuset.mems")));
        BitSet cpus = new BitSet();
        cpus.set(1);
        cpus.set(3);
        new CgroupTunables(g).setCpus("vcpu0", cpus);
        assertEquals("1,3", Files.readString(root.resolve("cpuset/machine/qemu-1-web.libvirt-qemu/vcpu0/cpuset.cpus")));
        CgroupTunables t = new CgroupTunables(g);
        Files.writeString(group.resolve("cpu.cfs_period_us"), "100000");
        t.setPeriodQuota("vcpu0", 20000, 5000);
        assertEquals("20000", Files.readString(group.resolve("vcpu0/cpu.cfs_period_us")));
        assertEquals("5000", Files.readString(group.resolve("vcpu0/cpu.cfs_quota_us")));
        VirtException shares = assertThrows(VirtException.class, () -> t.setShares(1));
        assertEquals("shares '1' must be in range [2, 262144]", shares.getMessage().replaceFirst("^.*?: ", ""));
        t.setMemoryLimit(CgroupTunables.MemoryLimit.HARD, CgroupTunables.MEMORY_UNLIMITED);
        assertEquals("-1", Files.readString(root.resolve("memory/machine/qemu-1-web.libvirt-qemu/memory.limit_in_bytes")));
        VirtException weight = assertThrows(VirtException.class, t::blkioWeight);
        assertEquals(ErrorCode.OPERATION_INVALID, weight.code());
    }

    @Test
    void v2GroupsAreAThreadedDomainWithThreadedChildren() throws Exception {
        Path v2 = root.resolve("unified");
        Files.createDirectories(v2);
        CgroupMounts m = CgroupMounts.parse(List.of("28 22 0:26 / " + v2 + " rw - cgroup2 cgroup2 rw"),
                p -> "cpuset cpu io memory pids");
        GuestCgroup g = new GuestCgroup(m, "machine", "qemu-2-db.libvirt-qemu");
        g.create(77);
        Path group = v2.resolve("machine/qemu-2-db.libvirt-qemu");
        assertEquals("+cpu +cpuset +memory +io", Files.readString(v2.resolve("cgroup.subtree_control")));
        assertEquals("+cpu +cpuset +memory +io", Files.readString(v2.resolve("machine/cgroup.subtree_control")));
        assertEquals("+cpu +cpuset", Files.readString(group.resolve("cgroup.subtree_control")));
        assertEquals("threaded", Files.readString(group.resolve("emulator/cgroup.type")));
        assertEquals("77", Files.readString(group.resolve("cgroup.procs")));
        assertEquals("77", Files.readString(group.resolve("emulator/cgroup.threads")));
        g.createThreadGroup("vcpu1");
        g.addThread("vcpu1", 78);
        assertEquals("78", Files.readString(group.resolve("vcpu1/cgroup.threads")));
        CgroupTunables t = new CgroupTunables(g);
        Files.writeString(group.resolve("vcpu1/cpu.max"), "max 100000");
        t.setPeriodQuota("vcpu1", 0, 50000);
        assertEquals("50000 100000", Files.readString(group.resolve("vcpu1/cpu.max")));
        assertEquals(50000, t.quota("vcpu1"));
        t.setShares(300);
        assertEquals("300", Files.readString(group.resolve("cpu.weight")));
        t.setMemoryLimit(CgroupTunables.MemoryLimit.SOFT, 1024);
        assertEquals("1048576", Files.readString(group.resolve("memory.high")));
        Files.writeString(group.resolve("io.weight"), "default 100\n");
        t.setBlkioWeight(500);
        assertEquals("default 500", Files.readString(group.resolve("io.weight")));
        assertTrue(g.exists());
    }

    @Test
    void removalTakesChildrenAndGroup() throws IOException {
        Files.createDirectories(root.resolve("cpu"));
        CgroupMounts m = new CgroupMounts(Map.of(Controller.CPU, root.resolve("cpu")), null, Set.of());
        GuestCgroup g = new GuestCgroup(m, "machine", "qemu-3-x.libvirt-qemu");
        g.create(1);
        g.createThreadGroup("vcpu0");
        // a plain folder with files cannot be removed like a cgroup: only empty ones are
        Files.delete(root.resolve("cpu/machine/qemu-3-x.libvirt-qemu/emulator/cgroup.procs"));
        assertTrue(g.remove());
        assertFalse(g.exists());
    }
}
