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

    /**
     * libvirt's rule for devices: a v1 hierarchy keeps it; else the unified hierarchy has it when it
     * offers some controller and BPF device programs attach there; it is never a controller to
     * enable in {@code cgroup.subtree_control}.
     */
    @Test
    void devicesIsV2sWhenNoV1HierarchyHasItAndBpfDeviceProgramsAttach() throws IOException {
        List<String> hybrid = V1.lines().toList();
        CgroupMounts noBpf = CgroupMounts.parse(hybrid, p -> "hugetlb\n", p -> false, Set.of());
        assertFalse(noBpf.has(Controller.DEVICES));
        CgroupMounts bpf = CgroupMounts.parse(hybrid, p -> "hugetlb\n", p -> true, Set.of());
        assertTrue(bpf.inV2(Controller.DEVICES) && bpf.has(Controller.DEVICES));
        assertFalse(bpf.inV2(Controller.CPU), "v1 keeps the others");
        CgroupMounts systemdOnly = CgroupMounts.parse(hybrid, p -> "\n", p -> true, Set.of());
        assertFalse(systemdOnly.has(Controller.DEVICES), "a unified hierarchy offering nothing is not used");

        List<String> withV1Devices = new java.util.ArrayList<>(hybrid);
        withV1Devices.add("36 30 0:33 / /sys/fs/cgroup/devices rw,relatime - cgroup cgroup rw,devices");
        CgroupMounts v1 = CgroupMounts.parse(withV1Devices, p -> "hugetlb\n", p -> true, Set.of());
        assertEquals(Path.of("/sys/fs/cgroup/devices"), v1.v1(Controller.DEVICES).orElseThrow());
        assertFalse(v1.inV2(Controller.DEVICES));
        CgroupMounts ignored = CgroupMounts.parse(withV1Devices, p -> "hugetlb\n", p -> true,
                Set.of(Controller.DEVICES));
        assertTrue(ignored.inV2(Controller.DEVICES) && ignored.v1(Controller.DEVICES).isEmpty());

        CgroupMounts pure = CgroupMounts.parse(List.of(V2.strip()), p -> "cpuset cpu io memory\n", p -> true, Set.of());
        assertTrue(pure.inV2(Controller.DEVICES) && pure.inV2(Controller.MEMORY));
        // the guest's group is created without "+devices" in any subtree_control
        Path v2 = root.resolve("v2");
        Files.createDirectories(v2);
        CgroupMounts folder = CgroupMounts.parse(List.of("28 22 0:26 / " + v2 + " rw - cgroup2 cgroup2 rw"),
                p -> "memory\n", p -> true, Set.of());
        GuestCgroup g = new GuestCgroup(folder, "machine", "qemu-1-x");
        g.create(77);
        assertEquals("+memory", Files.readString(v2.resolve("cgroup.subtree_control")));
        assertEquals("+memory", Files.readString(v2.resolve("machine/cgroup.subtree_control")));
        assertEquals(v2.resolve("machine/qemu-1-x"), g.dir(Controller.DEVICES));
        assertEquals("77", Files.readString(g.dir(Controller.DEVICES).resolve("cgroup.procs")));

        // a hybrid host's v1 elsewhere, devices alone in v2: the guest's v2 group holds the process
        Path hybridV2 = root.resolve("unified");
        Files.createDirectories(hybridV2);
        Files.createDirectories(root.resolve("memory"));
        CgroupMounts onlyDevices = new CgroupMounts(Map.of(Controller.MEMORY, root.resolve("memory")), hybridV2,
                Set.of(Controller.DEVICES));
        GuestCgroup h = new GuestCgroup(onlyDevices, "machine", "qemu-2-y");
        h.create(78);
        assertEquals("78", Files.readString(hybridV2.resolve("machine/qemu-2-y/cgroup.procs")));
        assertFalse(Files.exists(hybridV2.resolve("cgroup.subtree_control")), "nothing to enable");
        assertFalse(Files.exists(hybridV2.resolve("machine/qemu-2-y/emulator")), "no v2 thread controller");
    }

    @Test
    void deviceRulesAreLibvirtsMapKeysAndValues() throws VirtException {
        DeviceRule pty = DeviceRule.parse("c 136:* rw");
        assertEquals(136L << 32 | 0xffffffffL, pty.key());
        assertEquals((2 | 4) << 16 | 2, pty.value(), "BPF_DEVCG_ACC_READ|WRITE << 16 | BPF_DEVCG_DEV_CHAR");
        DeviceRule disk = DeviceRule.parse("b 7:0 r");
        assertEquals(7L << 32, disk.key());
        assertEquals(2 << 16 | 1, disk.value());
        assertEquals(-1L, DeviceRule.parse("a *:* rwm").key());
        assertEquals((1 | 2 | 4) << 16 | 3, DeviceRule.parse("a *:* rwm").value());
        assertEquals(0xffffffff00000003L, DeviceRule.parse("c *:3 r").key());
        for (String line : List.of("c 136:* rw", "b 7:0 r", "a *:* rwm", "c 1:3 m")) {
            DeviceRule r = DeviceRule.parse(line);
            assertEquals(line, r.toString());
            assertEquals(r, DeviceRule.ofEntry(r.key(), r.value()));
        }
        for (String bad : List.of("x 1:3 rw", "c 1 rw", "c 1:3 rx", "c a:3 r", "c 1:3")) {
            VirtException e = assertThrows(VirtException.class, () -> DeviceRule.parse(bad));
            assertEquals(ErrorCode.INTERNAL_ERROR, e.code());
            assertTrue(e.getMessage().endsWith("invalid device access entry '" + bad + "'"), e.getMessage());
        }
        // the program: libvirt's four lookups, one exit per verdict
        byte[] insns = DeviceFilterProgram.instructions(42);
        assertEquals(0, insns.length % BpfAssembler.INSN_SIZE);
        int maps = 0;
        for (int i = 0; i < insns.length; i += BpfAssembler.INSN_SIZE) {
            if ((insns[i] & 0xff) == 0x18 && (insns[i + 1] >> 4) == 1 && insns[i + 4] == 42) {
                maps++;
            }
        }
        assertEquals(4, maps, "four map lookups");
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
