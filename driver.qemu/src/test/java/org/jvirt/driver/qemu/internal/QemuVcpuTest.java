package org.jvirt.driver.qemu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.ModificationFlag;
import org.jvirt.api.VcpuInfo;
import org.jvirt.api.VcpuState;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.driver.qemu.internal.domain.QemuDomainObj;
import org.jvirt.driver.qemu.internal.process.QemuProcesses;
import org.jvirt.driver.qemu.internal.cgroup.Controller;
import org.jvirt.driver.qemu.internal.vcpu.DefaultVcpuThreadResolver;
import org.jvirt.driver.qemu.spi.VcpuThreadResolution;
import org.jvirt.driver.qemu.spi.VcpuThreadResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** vCPU thread ids with real QEMU: multi-threaded TCG (usable) and single-threaded TCG (rejected). */
class QemuVcpuTest {
    @TempDir
    Path dir;
    private TestBed bed;

    @BeforeEach
    void setUp() throws Exception {
        bed = TestBed.openIfQemuInstalled(dir);
    }

    @AfterEach
    void tearDown() {
        if (bed != null) {
            bed.closeAndAssertNoGuestLeft();
        }
    }

    private QemuDomainObj domain(DomainRef ref) {
        return bed.driver.hosts().get(0).byUuid(ref.uuid());
    }

    @Test
    void multiThreadedTcgIdsAreUsableAndPinningReachesTheKernel() throws Exception {
        DomainRef ref = bed.conn.createXml(TestBed.xml("mttcg", UUID.randomUUID(), 2, ""), 0);
        long pid = bed.pid(ref);
        List<VcpuInfo> info = bed.conn.vcpuInfo(ref);
        assertEquals(2, info.size());
        Map<Integer, Long> ids = domain(ref).vcpuThreads();
        assertEquals(2, ids.size());
        assertNotEquals(ids.get(0), ids.get(1));
        for (int v = 0; v < 2; v++) {
            long tid = ids.get(v);
            assertNotEquals(pid, tid);
            assertEquals("CPU " + v + "/TCG", Files.readString(Path.of("/proc/" + pid + "/task/" + tid + "/comm")).strip());
            assertEquals(v, info.get(v).number());
            assertEquals(VcpuState.RUNNING, info.get(v).state());
            assertTrue(info.get(v).cpu() >= 0);
            assertEquals(Runtime.getRuntime().availableProcessors(), info.get(v).affinity().cardinality());
        }

        BitSet cpu0 = new BitSet();
        cpu0.set(0);
        bed.conn.pinVcpu(ref, 1, cpu0, 0);
        assertEquals("1", QemuLifecycleTest.status(pid, ids.get(1), "Cpus_allowed").orElseThrow().replaceFirst("^0+(?=.)", ""));
        assertEquals("0", QemuLifecycleTest.status(pid, ids.get(1), "Cpus_allowed_list").orElseThrow());
        assertEquals(cpu0, bed.conn.vcpuInfo(ref).get(1).affinity());
        assertEquals(cpu0, bed.conn.vcpuPinInfo(ref, 0).get(1));
        // where a cpuset cgroup exists, the vCPU thread is in its own group of the guest's cgroup
        var cgroups = bed.host().context().cgroups();
        var group = cgroups.of(ref.uuid().toString()).filter(g -> g.has(Controller.CPUSET))
                .map(g -> g.dir(Controller.CPUSET, "vcpu1"));
        if (group.isPresent()) {
            String cg = Files.readString(Path.of("/proc/" + pid + "/task/" + ids.get(1) + "/cgroup"));
            assertTrue(cg.contains("/machine/qemu-" + ref.id() + "-mttcg.libvirt-qemu/vcpu1"), cg);
            assertEquals("0", Files.readString(group.get().resolve("cpuset.cpus")).strip());
        }
        // vCPU 0 is untouched
        assertNotEquals("0", QemuLifecycleTest.status(pid, ids.get(0), "Cpus_allowed_list").orElseThrow());

        VirtException range = assertThrows(VirtException.class, () -> bed.conn.pinVcpu(ref, 5, cpu0, 0));
        assertEquals(ErrorCode.INVALID_ARG, range.code());
        bed.conn.destroy(ref, 0);
        group.ifPresent(g -> assertFalse(Files.exists(g.getParent()), "cgroup of the destroyed guest remains"));
    }

    @Test
    void aShutOffGuestAnswersPinningFromItsDefinitionAndPinsIt() throws Exception {
        int hostCpus = Runtime.getRuntime().availableProcessors();
        String tune = "  <cputune>\n    <vcpupin vcpu='1' cpuset='0'/>\n  </cputune>\n";
        DomainRef ref = bed.conn.defineXml(TestBed.xml("offpin", UUID.randomUUID(), 3, tune), 0);
        int config = ModificationFlag.CONFIG.bit();
        int live = ModificationFlag.LIVE.bit();
        BitSet all = new BitSet();
        all.set(0, hostCpus);
        BitSet cpu0 = new BitSet();
        cpu0.set(0);
        // virsh vcpuinfo of a shut-off guest asks with VIR_DOMAIN_AFFECT_CONFIG; no flag means the same
        assertEquals(List.of(all, cpu0, all), bed.conn.vcpuPinInfo(ref, config));
        assertEquals(List.of(all, cpu0, all), bed.conn.vcpuPinInfo(ref, 0));
        VirtException notRunning = assertThrows(VirtException.class, () -> bed.conn.vcpuPinInfo(ref, live));
        assertEquals(ErrorCode.OPERATION_INVALID, notRunning.code());
        assertEquals("domain is not running", notRunning.getMessage().replaceFirst("^.*: ", ""));

        bed.conn.pinVcpu(ref, 2, cpu0, config);
        assertEquals(List.of(all, cpu0, cpu0), bed.conn.vcpuPinInfo(ref, config));
        String inactive = bed.conn.xmlDesc(ref, 0);
        assertTrue(inactive.contains("<vcpupin vcpu='1' cpuset='0'/>\n    <vcpupin vcpu='2' cpuset='0'/>"), inactive);
        // pinning back to every CPU is a pin like any other; no flag on a shut-off guest is the definition
        bed.conn.pinVcpu(ref, 1, all, 0);
        assertEquals(List.of(all, all, cpu0), bed.conn.vcpuPinInfo(ref, config));

        VirtException range = assertThrows(VirtException.class, () -> bed.conn.pinVcpu(ref, 3, cpu0, config));
        assertEquals(ErrorCode.INVALID_ARG, range.code());
        assertTrue(range.getMessage().endsWith("vcpu 3 is out of range of persistent cpu count 3"), range.getMessage());
        VirtException empty = assertThrows(VirtException.class, () -> bed.conn.pinVcpu(ref, 0, new BitSet(), config));
        assertTrue(empty.getMessage().endsWith("Empty cpu list for pinning"), empty.getMessage());
        VirtException liveOff = assertThrows(VirtException.class, () -> bed.conn.pinVcpu(ref, 0, cpu0, live));
        assertTrue(liveOff.getMessage().endsWith("domain is not running"), liveOff.getMessage());
        // virsh vcpupin without --config/--live/--current calls virDomainPinVcpu, which libvirt's
        // QEMU driver runs with VIR_DOMAIN_AFFECT_LIVE: a shut-off guest is refused, nothing changes
        VirtException legacy = assertThrows(VirtException.class, () -> bed.conn.pinVcpu(ref, 0, cpu0));
        assertEquals(ErrorCode.OPERATION_INVALID, legacy.code());
        assertEquals(ErrorDomain.DOMAIN, legacy.domain());
        assertEquals("Requested operation is not valid: domain is not running", legacy.getMessage());
        assertEquals(List.of(all, all, cpu0), bed.conn.vcpuPinInfo(ref, config));
        VirtException flags = assertThrows(VirtException.class, () -> bed.conn.vcpuPinInfo(ref, 4));
        assertTrue(flags.getMessage().endsWith("unsupported flags (0x4) in function qemuDomainGetVcpuPinInfo"),
                flags.getMessage());

        // the pinning is stored with the definition: a new driver instance reads it back
        bed.newDriver();
        DomainRef again = bed.conn.lookupByName("offpin");
        assertEquals(List.of(all, all, cpu0), bed.conn.vcpuPinInfo(again, config));
        bed.conn.undefine(again, 0);
    }

    @Test
    void aRunningGuestPinsLiveAndConfigTogether() throws Exception {
        DomainRef ref = bed.conn.defineXml(TestBed.xml("bothpin", UUID.randomUUID(), 2, ""), 0);
        bed.conn.create(ref, 0);
        long pid = bed.pid(ref);
        int config = ModificationFlag.CONFIG.bit();
        int live = ModificationFlag.LIVE.bit();
        BitSet cpu0 = new BitSet();
        cpu0.set(0);
        BitSet all = new BitSet();
        all.set(0, Runtime.getRuntime().availableProcessors());
        bed.conn.pinVcpu(ref, 1, cpu0, live | config);
        long tid = domain(ref).vcpuThreads().get(1);
        assertEquals("0", QemuLifecycleTest.status(pid, tid, "Cpus_allowed_list").orElseThrow());
        assertEquals(List.of(all, cpu0), bed.conn.vcpuPinInfo(ref, config));
        assertEquals(cpu0, bed.conn.vcpuPinInfo(ref, 0).get(1), "no flag on a running guest: the live pinning");
        // virDomainPinVcpu pins the running guest only (qemuDomainPinVcpu: VIR_DOMAIN_AFFECT_LIVE)
        bed.conn.pinVcpu(ref, 0, cpu0);
        assertEquals(List.of(cpu0, cpu0), bed.conn.vcpuPinInfo(ref, live));
        assertEquals(List.of(all, cpu0), bed.conn.vcpuPinInfo(ref, config));
        VirtException both = assertThrows(VirtException.class, () -> bed.conn.vcpuPinInfo(ref, live | config));
        assertEquals(ErrorCode.INVALID_ARG, both.code());
        bed.conn.destroy(ref, 0);
        assertTrue(QemuProcesses.waitGone(pid, Duration.ofSeconds(5)));
        assertTrue(bed.conn.xmlDesc(ref, 0).contains("<vcpupin vcpu='1' cpuset='0'/>"));
        bed.conn.undefine(ref, 0);
    }

    @Test
    void vcpupinInTheDefinitionIsAppliedAtStart() throws Exception {
        DomainRef ref = bed.conn.createXml(TestBed.xml("pinned", UUID.randomUUID(), 2,
                "  <cputune>\n    <vcpupin vcpu='0' cpuset='0'/>\n  </cputune>\n"), 0);
        long pid = bed.pid(ref);
        long tid0 = domain(ref).vcpuThreads().get(0);
        assertEquals("0", QemuLifecycleTest.status(pid, tid0, "Cpus_allowed_list").orElseThrow());
        bed.conn.destroy(ref, 0);
    }

    /** An emulator wrapper that turns {@code -accel tcg} into single-threaded TCG. */
    private Path singleThreadWrapper() throws Exception {
        Path script = dir.resolve("qemu-single");
        Files.writeString(script, "#!/bin/sh\n"
                + "# rewrite -accel tcg into -accel tcg,thread=single, then become the real QEMU\n"
                + "n=$#; i=0; prev=\n"
                + "for a in \"$@\"; do\n"
                + "  i=$((i+1))\n"
                + "  if [ \"$prev\" = -accel ] && [ \"$a\" = tcg ]; then a=tcg,thread=single; fi\n"
                + "  set -- \"$@\" \"$a\"; prev=$a\n"
                + "done\n"
                + "shift $n\n"
                + "exec " + TestBed.QEMU + " \"$@\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    @Test
    void singleThreadedTcgIdsAreRejected() throws Exception {
        Path wrapper = singleThreadWrapper();
        String xml = TestBed.xml("sttcg", UUID.randomUUID(), 2, "").replace(TestBed.QEMU.toString(), wrapper.toString());
        DomainRef ref = bed.conn.createXml(xml, 0);
        long pid = bed.pid(ref);
        assertTrue(QemuProcesses.cmdline(pid).orElseThrow().contains("tcg,thread=single"));
        Set<String> names = new HashSet<>();
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            tasks.forEach(t -> names.add(readQuietly(t.resolve("comm"))));
        }
        assertTrue(names.contains("ALL CPUs/TCG"), names.toString());

        VirtException info = assertThrows(VirtException.class, () -> bed.conn.vcpuInfo(ref));
        assertEquals(ErrorCode.OPERATION_INVALID, info.code());
        assertEquals("Requested operation is not valid: cpu affinity is not supported", info.getMessage());
        BitSet cpu0 = new BitSet();
        cpu0.set(0);
        VirtException pin = assertThrows(VirtException.class, () -> bed.conn.pinVcpu(ref, 0, cpu0, 0));
        assertEquals(ErrorCode.OPERATION_INVALID, pin.code());
        // pinning info still answers, from the definition: every host CPU
        List<BitSet> pins = bed.conn.vcpuPinInfo(ref, 0);
        assertEquals(2, pins.size());
        assertEquals(Runtime.getRuntime().availableProcessors(), pins.get(1).cardinality());
        VcpuThreadResolution r = domain(ref).resolution();
        assertFalse(r.usable());
        assertEquals(1, r.offendingVcpu());
        assertTrue(r.reason().contains("vCPU 1") && r.reason().contains("vCPU 0"), r.reason());
        // the guest itself is fine
        bed.conn.suspend(ref);
        bed.conn.resume(ref);
        bed.conn.destroy(ref, 0);
    }

    @Test
    void singleThreadedTcgWithPinningRequestedFailsToStart() throws Exception {
        Path wrapper = singleThreadWrapper();
        String xml = TestBed.xml("stpin", UUID.randomUUID(), 2, "  <cputune>\n    <vcpupin vcpu='0' cpuset='0'/>\n"
                + "  </cputune>\n").replace(TestBed.QEMU.toString(), wrapper.toString());
        VirtException e = assertThrows(VirtException.class, () -> bed.conn.createXml(xml, 0));
        assertEquals(ErrorCode.OPERATION_INVALID, e.code());
        assertTrue(bed.conn.listAllDomains(0).isEmpty());
    }

    @Test
    void aHigherRankedResolverTakesOverAndTheDefaultComesBack() throws Exception {
        DomainRef ref = bed.conn.createXml(TestBed.xml("swap", UUID.randomUUID(), 2, ""), 0);
        bed.pid(ref);
        assertEquals(2, bed.conn.vcpuInfo(ref).size());
        VcpuThreadResolver strict = q -> VcpuThreadResolution.unusable(0, q.vcpus().get(0).threadId(),
                "test policy rejects every id");
        bed.driver.bindResolver(strict, Map.of("service.ranking", 10, "service.id", 2L));
        assertTrue(bed.driver.resolverDescription().contains("ranking=10"), bed.driver.resolverDescription());
        assertEquals(ErrorCode.OPERATION_INVALID, assertThrows(VirtException.class, () -> bed.conn.vcpuInfo(ref)).code());
        assertEquals("test policy rejects every id", domain(ref).resolution().reason());
        bed.driver.unbindResolver(strict);
        bed.driver.bindResolver(new DefaultVcpuThreadResolver(),
                Map.of("service.ranking", 0, "service.id", 1L));
        assertEquals(2, bed.conn.vcpuInfo(ref).size());
        bed.conn.destroy(ref, 0);
    }

    private static String readQuietly(Path p) {
        try {
            return Files.readString(p).strip();
        } catch (Exception e) {
            return "";
        }
    }
}
