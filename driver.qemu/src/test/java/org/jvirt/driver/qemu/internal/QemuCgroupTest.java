package org.jvirt.driver.qemu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ModificationFlag;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.VirtException;
import org.jvirt.api.XmlFlag;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.driver.qemu.internal.cgroup.CgroupTunables;
import org.jvirt.driver.qemu.internal.cgroup.Controller;
import org.jvirt.driver.qemu.internal.cgroup.GuestCgroup;
import org.jvirt.driver.qemu.internal.cgroup.GuestCgroups;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real QEMU guests in their own cgroups on this host's hierarchy: the tuning of the definition in
 * the group's files at start, the process and its threads in the right groups, live and persistent
 * changes through the tuning calls, and the group gone when the guest stops.
 */
class QemuCgroupTest {
    private static final int LIVE = ModificationFlag.LIVE.bit();
    private static final int CONFIG = ModificationFlag.CONFIG.bit();
    private static final String TUNE = """
              <cputune>
                <shares>2048</shares>
                <period>20000</period>
                <quota>10000</quota>
                <global_period>100000</global_period>
                <global_quota>200000</global_quota>
                <emulatorpin cpuset='0'/>
                <emulator_period>50000</emulator_period>
                <emulator_quota>25000</emulator_quota>
              </cputune>
              <memtune>
                <hard_limit unit='KiB'>1048576</hard_limit>
                <soft_limit unit='KiB'>524288</soft_limit>
                <swap_hard_limit unit='KiB'>2097152</swap_hard_limit>
              </memtune>
            """;

    @TempDir
    Path dir;
    private TestBed bed;

    @BeforeEach
    void setUp() throws Exception {
        bed = TestBed.openIfQemuInstalled(dir);
        GuestCgroups cgroups = bed.host().context().cgroups();
        assumeTrue(cgroups.groupOf(1, "probe").has(Controller.CPU) && cgroups.groupOf(1, "probe").has(Controller.MEMORY),
                "no writable cpu and memory cgroup controllers: " + cgroups.describe());
    }

    @AfterEach
    void tearDown() {
        if (bed != null) {
            bed.closeAndAssertNoGuestLeft();
        }
    }

    @Test
    void tuningIsInTheGroupsFilesAndThreadsInTheirGroups() throws Exception {
        DomainRef ref = bed.conn.defineXml(TestBed.xml("cgtune", UUID.randomUUID(), 2, TUNE), 0);
        bed.conn.create(ref, 0);
        ref = bed.conn.lookupByUuid(ref.uuid());
        long pid = bed.pid(ref);
        GuestCgroup g = bed.host().context().cgroups().of(ref.uuid().toString()).orElseThrow();
        assertEquals("qemu-" + ref.id() + "-cgtune.libvirt-qemu", g.name());
        Path cpu = g.dir(Controller.CPU);
        assertEquals(Path.of("/machine", g.name()).toString(), g.path());
        assertEquals("2048", read(cpu.resolve("cpu.shares")));
        assertEquals("100000", read(cpu.resolve("cpu.cfs_period_us")));
        assertEquals("200000", read(cpu.resolve("cpu.cfs_quota_us")));
        assertEquals("50000", read(cpu.resolve("emulator/cpu.cfs_period_us")));
        assertEquals("25000", read(cpu.resolve("emulator/cpu.cfs_quota_us")));
        Path mem = g.dir(Controller.MEMORY);
        assertEquals(Long.toString(1048576L << 10), read(mem.resolve("memory.limit_in_bytes")));
        assertEquals(Long.toString(524288L << 10), read(mem.resolve("memory.soft_limit_in_bytes")));
        if (Files.exists(mem.resolve("memory.memsw.limit_in_bytes"))) {
            assertEquals(Long.toString(2097152L << 10), read(mem.resolve("memory.memsw.limit_in_bytes")));
        }
        String procCgroup = Files.readString(Path.of("/proc/" + pid + "/cgroup"));
        assertTrue(procCgroup.contains(":cpu:" + g.path() + "/emulator\n"), procCgroup);
        assertTrue(procCgroup.contains(":memory:" + g.path() + "\n"), procCgroup);
        if (g.has(Controller.CPUSET)) {
            assertEquals("0", read(g.dir(Controller.CPUSET).resolve("emulator/cpuset.cpus")));
        }
        Map<Integer, Long> threads = bed.host().byUuid(ref.uuid()).vcpuThreads();
        assertEquals(2, threads.size());
        for (Map.Entry<Integer, Long> t : threads.entrySet()) {
            String vcpu = "vcpu" + t.getKey();
            assertEquals("20000", read(cpu.resolve(vcpu + "/cpu.cfs_period_us")));
            assertEquals("10000", read(cpu.resolve(vcpu + "/cpu.cfs_quota_us")));
            assertTrue(read(cpu.resolve(vcpu + "/tasks")).lines().toList().contains(t.getValue().toString()));
            String taskCgroup = Files.readString(Path.of("/proc/" + pid + "/task/" + t.getValue() + "/cgroup"));
            assertTrue(taskCgroup.contains(":cpu:" + g.path() + "/" + vcpu + "\n"), taskCgroup);
        }
        assertFalse(read(cpu.resolve("emulator/tasks")).lines().anyMatch(threads.values().stream()
                .map(String::valueOf).toList()::contains), "vCPU threads left in emulator/");

        assertEquals("posix", bed.conn.schedulerType(ref).type());
        assertEquals(9, bed.conn.schedulerType(ref).nparams());
        Map<String, Object> sched = asMap(bed.conn.schedulerParameters(ref, 0));
        assertEquals(List.of("cpu_shares", "vcpu_period", "vcpu_quota", "emulator_period", "emulator_quota",
                "global_period", "global_quota", "iothread_period", "iothread_quota"), List.copyOf(sched.keySet()));
        assertEquals(2048L, sched.get("cpu_shares"));
        assertEquals(20000L, sched.get("vcpu_period"));
        assertEquals(10000L, sched.get("vcpu_quota"));
        assertEquals(25000L, sched.get("emulator_quota"));
        assertEquals(200000L, sched.get("global_quota"));

        // live change: the files and the live definition; the persistent one keeps its values
        bed.conn.setSchedulerParameters(ref, List.of(TypedParameter.ofULong("cpu_shares", 512),
                TypedParameter.ofLong("vcpu_quota", 5000)), LIVE);
        assertEquals("512", read(cpu.resolve("cpu.shares")));
        assertEquals("5000", read(cpu.resolve("vcpu0/cpu.cfs_quota_us")));
        assertEquals("5000", read(cpu.resolve("vcpu1/cpu.cfs_quota_us")));
        assertEquals(512L, asMap(bed.conn.schedulerParameters(ref, LIVE)).get("cpu_shares"));
        assertEquals(2048L, asMap(bed.conn.schedulerParameters(ref, CONFIG)).get("cpu_shares"));
        assertTrue(bed.conn.xmlDesc(ref, 0).contains("<shares>512</shares>"));
        bed.conn.setSchedulerParameters(ref, List.of(TypedParameter.ofULong("cpu_shares", 300)), CONFIG);
        assertEquals("512", read(cpu.resolve("cpu.shares")));
        assertEquals(300L, asMap(bed.conn.schedulerParameters(ref, CONFIG)).get("cpu_shares"));

        VirtException range = assertThrows(VirtException.class, () -> bed.conn.setSchedulerParameters(bed.conn
                .lookupByName("cgtune"), List.of(TypedParameter.ofULong("vcpu_period", 10)), LIVE));
        assertEquals(ErrorCode.INVALID_ARG, range.code());
        assertTrue(range.getMessage().endsWith("value of 'vcpu_period' is out of range [1000, 1000000]"),
                range.getMessage());
        VirtException unknown = assertThrows(VirtException.class, () -> bed.conn.setSchedulerParameters(bed.conn
                .lookupByName("cgtune"), List.of(TypedParameter.ofULong("weight", 10)), 0));
        assertTrue(unknown.getMessage().endsWith("parameter 'weight' not supported"), unknown.getMessage());

        // memory: raising the hard limit with the swap limit, both live and persistent
        bed.conn.setMemoryParameters(ref, List.of(TypedParameter.ofULong("hard_limit", 1500000),
                TypedParameter.ofULong("swap_hard_limit", 3000000)), LIVE | CONFIG);
        assertEquals(Long.toString(1500000L << 10), read(mem.resolve("memory.limit_in_bytes")));
        Map<String, Object> memLive = asMap(bed.conn.memoryParameters(ref, LIVE));
        assertEquals(1500000L, memLive.get("hard_limit"));
        assertEquals(524288L, memLive.get("soft_limit"));
        assertEquals(1500000L, asMap(bed.conn.memoryParameters(ref, CONFIG)).get("hard_limit"));
        VirtException swap = assertThrows(VirtException.class, () -> bed.conn.setMemoryParameters(bed.conn
                .lookupByName("cgtune"), List.of(TypedParameter.ofULong("hard_limit", 4000000)), LIVE));
        assertTrue(swap.getMessage().endsWith("memory hard_limit tunable value must be lower than or equal to "
                + "swap_hard_limit"), swap.getMessage());
        bed.conn.setMemoryParameters(ref, List.of(TypedParameter.ofULong("soft_limit",
                CgroupTunables.MEMORY_UNLIMITED)), LIVE);
        assertEquals(CgroupTunables.MEMORY_UNLIMITED, asMap(bed.conn.memoryParameters(ref, LIVE)).get("soft_limit"));

        // block I/O: the weight needs the bfq or cfq weight file, which not every kernel has
        Path blkio = g.dir(Controller.BLKIO);
        boolean weightFile = Files.exists(blkio.resolve("blkio.bfq.weight")) || Files.exists(blkio.resolve("blkio.weight"));
        if (!weightFile) {
            VirtException noWeight = assertThrows(VirtException.class, () -> bed.conn.blkioParameters(bed.conn
                    .lookupByName("cgtune"), LIVE));
            assertEquals(ErrorCode.OPERATION_INVALID, noWeight.code());
            assertTrue(noWeight.getMessage().endsWith("blkio device weight is valid only for bfq or cfq scheduler"));
        }
        bed.conn.setBlkioParameters(ref, List.of(TypedParameter.ofUInt("weight", 700)), CONFIG);
        Map<String, Object> blk = asMap(bed.conn.blkioParameters(ref, CONFIG));
        assertEquals(700L, blk.get("weight"));
        assertEquals("", blk.get("device_weight"));

        // emulator pinning
        assertEquals(bits(0), bed.conn.emulatorPinInfo(ref, 0));
        if (Runtime.getRuntime().availableProcessors() > 1) {
            bed.conn.pinEmulator(ref, bits(1), LIVE);
            assertEquals(bits(1), bed.conn.emulatorPinInfo(ref, LIVE));
            assertEquals(bits(0), bed.conn.emulatorPinInfo(ref, CONFIG));
            if (g.has(Controller.CPUSET)) {
                assertEquals("1", read(g.dir(Controller.CPUSET).resolve("emulator/cpuset.cpus")));
            }
            assertEquals("1", QemuLifecycleTest.status(pid, pid, "Cpus_allowed_list").orElseThrow());
        }

        bed.conn.destroy(ref, 0);
        for (Controller c : Controller.values()) {
            if (g.has(c)) {
                assertFalse(Files.exists(g.dir(c)), "group left in " + c + ": " + g.dir(c));
            }
        }
        // the persistent changes stay
        assertEquals(300L, asMap(bed.conn.schedulerParameters(ref, 0)).get("cpu_shares"));
        assertEquals(9, bed.conn.schedulerType(ref).nparams());
    }

    @Test
    void aRestartedDriverFindsTheGroupAgainAndRemovesItWhenTheGuestStops() throws Exception {
        DomainRef ref = bed.conn.createXml(TestBed.xml("cgre", UUID.randomUUID(), 1, ""), 0);
        long pid = bed.pid(ref);
        GuestCgroup g = bed.host().context().cgroups().of(ref.uuid().toString()).orElseThrow();
        bed.newDriver();
        GuestCgroup again = bed.host().context().cgroups().of(ref.uuid().toString()).orElseThrow();
        assertEquals(g.path(), again.path());
        bed.conn.setSchedulerParameters(ref, List.of(TypedParameter.ofULong("cpu_shares", 4096)), 0);
        assertEquals("4096", read(g.dir(Controller.CPU).resolve("cpu.shares")));
        assertTrue(Files.readString(Path.of("/proc/" + pid + "/cgroup")).contains(g.path()));
        bed.conn.destroy(ref, 0);
        assertFalse(Files.exists(g.dir(Controller.CPU)));
    }

    @Test
    void aResourcePartitionHoldsTheGroupWithLibvirtsSuffixes() throws Exception {
        String xml = TestBed.xml("cgpart", UUID.randomUUID(), 1,
                "  <resource>\n    <partition>/jvirttest/sub</partition>\n  </resource>\n");
        DomainRef ref = bed.conn.createXml(xml, 0);
        long pid = bed.pid(ref);
        GuestCgroup g = bed.host().context().cgroups().of(ref.uuid().toString()).orElseThrow();
        String expected = "/jvirttest.partition/sub.partition/qemu-" + ref.id() + "-cgpart.libvirt-qemu";
        assertEquals(expected, g.path());
        Path cpuRoot = g.dir(Controller.CPU).getParent().getParent().getParent();
        try {
            assertTrue(Files.isDirectory(cpuRoot.resolve("jvirttest.partition/sub.partition/qemu-" + ref.id()
                    + "-cgpart.libvirt-qemu")));
            String cpuLine = Files.readAllLines(Path.of("/proc/" + pid + "/cgroup")).stream()
                    .filter(l -> l.matches("\\d+:[^:]*\\bcpu\\b[^:]*:.*")).findFirst().orElseThrow();
            assertTrue(cpuLine.endsWith(":" + expected + "/emulator"), cpuLine);
            assertTrue(bed.conn.xmlDesc(ref, 0).contains("<partition>/jvirttest/sub</partition>"));
            bed.newDriver();
            assertEquals(expected, bed.host().context().cgroups().of(ref.uuid().toString()).orElseThrow().path());
            bed.conn.destroy(ref, 0);
            assertFalse(Files.exists(g.dir(Controller.CPU)));
            // libvirt leaves the partition it created
            assertTrue(Files.isDirectory(cpuRoot.resolve("jvirttest.partition/sub.partition")));
        } finally {
            removePartition(g);
        }
    }

    @Test
    void theLiveDefinitionNamesTheDefaultPartitionAndARelativeOneIsRefused() throws Exception {
        DomainRef ref = bed.conn.defineXml(TestBed.xml("cgdef", UUID.randomUUID(), 1, ""), 0);
        bed.conn.create(ref, 0);
        bed.pid(ref);
        assertTrue(bed.conn.xmlDesc(ref, 0).contains("<partition>/machine</partition>"));
        assertFalse(bed.conn.xmlDesc(ref, XmlFlag.INACTIVE.bit()).contains("<partition>"));
        bed.conn.destroy(ref, 0);
        String bad = TestBed.xml("cgbad", UUID.randomUUID(), 1,
                "  <resource>\n    <partition>jvirttest</partition>\n  </resource>\n");
        VirtException e = assertThrows(VirtException.class, () -> bed.conn.createXml(bad, 0));
        assertEquals(ErrorCode.CONFIG_UNSUPPORTED, e.code());
        assertEquals("unsupported configuration: Resource partition 'jvirttest' must start with '/'", e.getMessage());
    }

    /** The partition folders the test made, innermost first, in every hierarchy. */
    private static void removePartition(GuestCgroup g) throws IOException {
        for (Controller c : Controller.values()) {
            if (!g.has(c)) {
                continue;
            }
            Path sub = g.dir(c).getParent();
            for (Path p : List.of(sub, sub.getParent())) {
                if (Files.isDirectory(p) && p.getFileName().toString().endsWith(".partition")) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static Map<String, Object> asMap(List<TypedParameter> params) {
        Map<String, Object> out = new LinkedHashMap<>();
        params.forEach(p -> out.put(p.field(), p.value()));
        return out;
    }

    private static BitSet bits(int... cpus) {
        BitSet b = new BitSet();
        for (int c : cpus) {
            b.set(c);
        }
        return b;
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p).strip();
    }
}
