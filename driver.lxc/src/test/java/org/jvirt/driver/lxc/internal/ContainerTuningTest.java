package org.jvirt.driver.lxc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.MemoryFlag;
import org.jvirt.api.MemoryStat;
import org.jvirt.api.MemoryStatTag;
import org.jvirt.api.ModificationFlag;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;

/**
 * The tuning calls on a real container: setmem and memtune change the limits in its memory cgroup
 * and its definitions, schedinfo its cpu cgroup, dommemstat reads its group; libvirt's errors for
 * the max memory of a running container, a value above it, unknown or mistyped parameters.
 */
class ContainerTuningTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final int LIVE = ModificationFlag.LIVE.bit();
    private static final int CONFIG = ModificationFlag.CONFIG.bit();

    @TempDir
    Path tmp;
    private LxcTestBed bed;
    private DomainRef ref;
    private ContainerCgroup cgroup;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(LxcTestBed.canRunContainers(), "needs root, lxc-start and busybox-static");
        bed = new LxcTestBed(tmp);
        Path root = bed.rootfs("root");
        Path out = Files.createDirectories(tmp.resolve("out"));
        Path ro = Files.createDirectories(tmp.resolve("ro"));
        String tune = "  <cputune>\n    <shares>512</shares>\n  </cputune>\n";
        ref = bed.conn.defineXml(ContainerLifecycleTest.xml(LxcTestBed.RUN + "tune", root, out, ro, tune), 0);
        bed.conn.create(ref, 0);
        ContainerProcess proc = bed.process(ref);
        assertNotNull(proc);
        LxcTestBed.await("the init to write /out/ready", WAIT, () -> Files.exists(out.resolve("ready")));
        cgroup = new ContainerCgroup(CgroupLayout.detect(), proc.initPid());
    }

    @AfterEach
    void tearDown() throws Exception {
        if (bed != null) {
            bed.close();
        }
    }

    /** The message is libvirt's prefix for the code, then the detail. */
    private static void assertDetail(String detail, VirtException e) {
        assertTrue(e.getMessage().endsWith(": " + detail), e.getMessage());
    }

    private static Map<String, Object> byName(List<TypedParameter> params) {
        return params.stream().collect(Collectors.toMap(TypedParameter::field, TypedParameter::value));
    }

    @Test
    void setmemChangesTheLiveLimitAndCurrentMemory() throws Exception {
        bed.conn.setMemory(ref, 98304, 0);
        assertEquals(98304L * 1024, cgroup.readLong("memory", "memory.limit_in_bytes"));
        assertTrue(bed.conn.xmlDesc(ref, 0).contains("<currentMemory unit='KiB'>98304</currentMemory>"));
        assertTrue(bed.conn.xmlDesc(ref, 2).contains("<currentMemory unit='KiB'>131072</currentMemory>"),
                "the persistent definition is unchanged");

        VirtException above = assertThrows(VirtException.class, () -> bed.conn.setMemory(ref, 262144, 0));
        assertEquals(ErrorCode.INVALID_ARG, above.code());
        assertDetail("Cannot set memory higher than max memory", above);
        VirtException max = assertThrows(VirtException.class,
                () -> bed.conn.setMemory(ref, 65536, MemoryFlag.MAXIMUM.bit()));
        assertEquals(ErrorCode.OPERATION_INVALID, max.code());
        assertDetail("Cannot resize the max memory on an active domain", max);

        bed.conn.setMemory(ref, 262144, MemoryFlag.MAXIMUM.bit() | CONFIG);
        assertTrue(bed.conn.xmlDesc(ref, 2).contains("<memory unit='KiB'>262144</memory>"),
                "setmaxmem --config changes the definition");
        assertEquals(131072, bed.conn.info(ref).maxMemKiB(), "but not the running container");
    }

    @Test
    void memtuneWritesTheCgroupAndTheDefinitions() throws Exception {
        Map<String, Object> live = byName(bed.conn.memoryParameters(ref, 0));
        assertEquals(65536L, live.get("hard_limit"), "the limit the container started with");
        assertEquals(TuneContext.UNLIMITED, live.get("soft_limit"));

        bed.conn.setMemoryParameters(ref, List.of(TypedParameter.ofULong("hard_limit", 49152),
                TypedParameter.ofULong("soft_limit", 32768)), LIVE | CONFIG);
        assertEquals(49152L * 1024, cgroup.readLong("memory", "memory.limit_in_bytes"));
        assertEquals(32768L * 1024, cgroup.readLong("memory", "memory.soft_limit_in_bytes"));
        assertEquals(49152L, byName(bed.conn.memoryParameters(ref, 0)).get("hard_limit"));
        assertEquals(32768L, byName(bed.conn.memoryParameters(ref, CONFIG)).get("soft_limit"));
        assertTrue(bed.conn.xmlDesc(ref, 2).contains("<soft_limit unit='KiB'>32768</soft_limit>"));

        VirtException swap = assertThrows(VirtException.class, () -> bed.conn.setMemoryParameters(ref,
                List.of(TypedParameter.ofULong("swap_hard_limit", 16384)), 0));
        assertDetail("memory hard_limit tunable value must be lower than or equal to swap_hard_limit", swap);
        VirtException unknown = assertThrows(VirtException.class, () -> bed.conn.setMemoryParameters(ref,
                List.of(TypedParameter.ofULong("min_guarantee", 1)), 0));
        assertEquals(ErrorCode.ARGUMENT_UNSUPPORTED, unknown.code());
        VirtException type = assertThrows(VirtException.class, () -> bed.conn.setMemoryParameters(ref,
                List.of(TypedParameter.ofInt("hard_limit", 1)), 0));
        assertDetail("invalid type 'int' for parameter 'hard_limit', expected 'ullong'", type);
    }

    @Test
    void schedinfoWritesTheCpuGroup() throws Exception {
        Map<String, Object> before = byName(bed.conn.schedulerParameters(ref, 0));
        assertEquals(512L, before.get("cpu_shares"), "the shares the container started with");
        assertEquals("posix", bed.conn.schedulerType(ref).type());

        bed.conn.setSchedulerParameters(ref, List.of(TypedParameter.ofULong("cpu_shares", 2048),
                TypedParameter.ofULong("vcpu_period", 50000), TypedParameter.ofLong("vcpu_quota", 25000)), 0);
        assertEquals(2048, cgroup.readLong("cpu", "cpu.shares"));
        assertEquals(50000, cgroup.readLong("cpu", "cpu.cfs_period_us"));
        assertEquals("25000", cgroup.read("cpu", "cpu.cfs_quota_us"));
        Map<String, Object> after = byName(bed.conn.schedulerParameters(ref, 0));
        assertEquals(2048L, after.get("cpu_shares"));
        assertEquals(25000L, after.get("vcpu_quota"));
        assertEquals(512L, byName(bed.conn.schedulerParameters(ref, CONFIG)).get("cpu_shares"),
                "a live change leaves the definition");

        VirtException range = assertThrows(VirtException.class, () -> bed.conn.setSchedulerParameters(ref,
                List.of(TypedParameter.ofULong("vcpu_period", 10)), 0));
        assertDetail("cfs_period '10' must be in range (1000, 1000000)", range);
    }

    @Test
    void dommemstatReadsTheMemoryGroup() throws Exception {
        Map<MemoryStatTag, Long> stats = bed.conn.memoryStats(ref, 0).stream()
                .collect(Collectors.toMap(MemoryStat::tag, MemoryStat::value));
        assertEquals(131072L, stats.get(MemoryStatTag.ACTUAL_BALLOON));
        long rss = stats.get(MemoryStatTag.RSS);
        assertTrue(rss > 0 && rss < 65536, "memory use of the container's group: " + rss);
        assertEquals(List.of(MemoryStatTag.ACTUAL_BALLOON, MemoryStatTag.SWAP_IN, MemoryStatTag.RSS),
                bed.conn.memoryStats(ref, 0).stream().map(MemoryStat::tag).toList());
        bed.conn.destroy(ref, 0);
        VirtException stopped = assertThrows(VirtException.class, () -> bed.conn.memoryStats(ref, 0));
        assertDetail("domain is not running", stopped);
        VirtException live = assertThrows(VirtException.class, () -> bed.conn.setMemory(ref, 1024, LIVE));
        assertEquals(ErrorCode.OPERATION_INVALID, live.code());
        bed.conn.setMemory(ref, 65536, 0);
        assertTrue(bed.conn.xmlDesc(ref, 0).contains("<currentMemory unit='KiB'>65536</currentMemory>"),
                "setmem of a stopped domain changes its definition");
    }

    @Test
    void blkioWeightGoesToTheDefinitionAndTheHostDecidesLive() throws Exception {
        bed.conn.setBlkioParameters(ref, List.of(TypedParameter.ofUInt("weight", 300)), CONFIG);
        assertTrue(bed.conn.xmlDesc(ref, 2).contains("<weight>300</weight>"), bed.conn.xmlDesc(ref, 2));
        assertEquals(300L, byName(bed.conn.blkioParameters(ref, CONFIG)).get("weight"));
        boolean hostHasWeight = cgroup.hasFile("blkio", "blkio.bfq.weight") || cgroup.hasFile("blkio", "blkio.weight");
        if (hostHasWeight) {
            bed.conn.setBlkioParameters(ref, List.of(TypedParameter.ofUInt("weight", 200)), 0);
            assertEquals(200L, byName(bed.conn.blkioParameters(ref, 0)).get("weight"));
        } else {
            VirtException e = assertThrows(VirtException.class, () -> bed.conn.blkioParameters(ref, 0));
            assertDetail(ContainerBlkio.NO_WEIGHT, e);
        }
        VirtException dev = assertThrows(VirtException.class, () -> bed.conn.setBlkioParameters(ref,
                List.of(TypedParameter.ofString("device_weight", "/dev/sda,100")), CONFIG));
        assertEquals(ErrorCode.ARGUMENT_UNSUPPORTED, dev.code());
    }
}
