package org.jvirt.driver.qemu.internal.vcpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files the per-vCPU cpuset groups write, over plain folders standing in for the cgroup
 * mounts (the real v1 hierarchy is exercised by QemuVcpuTest; this host has no v2 cpuset).
 */
class CpusetCgroupsTest {
    @TempDir
    Path root;

    private static BitSet cpus(int... ids) {
        BitSet b = new BitSet();
        for (int i : ids) {
            b.set(i);
        }
        return b;
    }

    @Test
    void cpuListsUseTheKernelsFormat() {
        assertEquals("0-2,5", CpusetCgroups.list(cpus(0, 1, 2, 5)));
        assertEquals("3", CpusetCgroups.list(cpus(3)));
        assertEquals("0,2,4-5", CpusetCgroups.list(cpus(0, 2, 4, 5)));
    }

    @Test
    void v1GroupsInheritMemsAndTakeTheThread() throws Exception {
        Files.writeString(root.resolve("cpuset.cpus"), "0-3\n");
        Files.writeString(root.resolve("cpuset.mems"), "0\n");
        CpusetCgroups cg = CpusetCgroups.at(CpusetCgroups.Layout.V1, root);
        cg.pin("dom", 1, 4242, cpus(2));
        Path group = root.resolve("jvirt/dom/vcpu1");
        assertEquals("0", Files.readString(root.resolve("jvirt/cpuset.mems")));
        assertEquals("0-3", Files.readString(root.resolve("jvirt/dom/cpuset.cpus")));
        assertEquals("2", Files.readString(group.resolve("cpuset.cpus")));
        assertEquals("4242", Files.readString(group.resolve("tasks")));
        assertEquals(group, cg.vcpuGroup("dom", 1).orElseThrow());
    }

    @Test
    void v2GroupsAreThreadedAndTakeTheThread() throws Exception {
        CpusetCgroups cg = CpusetCgroups.at(CpusetCgroups.Layout.V2, root);
        cg.pin("dom", 0, 77, cpus(0, 1));
        Path group = root.resolve("jvirt/dom/vcpu0");
        assertEquals("+cpuset", Files.readString(root.resolve("cgroup.subtree_control")));
        assertEquals("+cpuset", Files.readString(root.resolve("jvirt/cgroup.subtree_control")));
        assertEquals("threaded", Files.readString(group.resolve("cgroup.type")));
        assertEquals("0-1", Files.readString(group.resolve("cpuset.cpus")));
        assertEquals("77", Files.readString(group.resolve("cgroup.threads")));
    }

    @Test
    void noLayoutDoesNothing() {
        CpusetCgroups cg = CpusetCgroups.none();
        cg.pin("dom", 0, 1, cpus(0));
        assertTrue(cg.vcpuGroup("dom", 0).isEmpty());
        assertFalse(Files.exists(root.resolve("jvirt")));
    }
}
