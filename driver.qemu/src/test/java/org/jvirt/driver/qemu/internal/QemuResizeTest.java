package org.jvirt.driver.qemu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.MemoryFlag;
import org.jvirt.api.MemoryStat;
import org.jvirt.api.MemoryStatTag;
import org.jvirt.api.ModificationFlag;
import org.jvirt.api.StatsGroup;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.VcpuFlag;
import org.jvirt.api.VirtException;
import org.jvirt.api.XmlFlag;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.DomainStatsRecord;
import org.jvirt.driver.qemu.internal.domain.QemuDomainObj;
import org.jvirt.driver.qemu.internal.qmp.QmpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory and vCPU resizing and statistics with real QEMU guests (TCG, no guest OS): definitions
 * change as libvirt's qemuDomainSetMemoryFlags / qemuDomainSetVcpusFlags change them, vCPUs are
 * hot-plugged for real, and an unplug the guest never answers times out as in libvirt.
 */
class QemuResizeTest {
    private static final int LIVE = ModificationFlag.LIVE.bit();
    private static final int CONFIG = ModificationFlag.CONFIG.bit();

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

    private String xml(String name, String devices) {
        return "<domain type='qemu'><name>" + name + "</name><uuid>" + UUID.randomUUID() + "</uuid>"
                + "<memory unit='KiB'>65536</memory><vcpu placement='static' current='1'>2</vcpu>"
                + "<os><type arch='x86_64' machine='pc'>hvm</type></os><devices><emulator>" + TestBed.QEMU
                + "</emulator>" + devices + "</devices></domain>";
    }

    private static VirtException fails(ErrorCode code, String message, Executable call) {
        VirtException e = assertThrows(VirtException.class, call::run);
        assertEquals(code, e.code(), e.getMessage());
        assertEquals(message, e.getMessage());
        return e;
    }

    @FunctionalInterface
    interface Executable {
        void run() throws Exception;
    }

    @Test
    void definitionOfAnInactiveGuest() throws Exception {
        DomainRef ref = bed.conn.defineXml(xml("resize-def", ""), 0);
        bed.conn.setMemory(ref, 32768, 0);
        assertTrue(bed.conn.xmlDesc(ref, 0).contains("<currentMemory unit='KiB'>32768</currentMemory>"));
        bed.conn.setMemory(ref, 131072, MemoryFlag.MAXIMUM.bit());
        String x = bed.conn.xmlDesc(ref, 0);
        assertTrue(x.contains("<memory unit='KiB'>131072</memory>"), x);
        assertTrue(x.contains("<currentMemory unit='KiB'>32768</currentMemory>"), x);
        bed.conn.setMemory(ref, 16384, MemoryFlag.MAXIMUM.bit());
        assertTrue(bed.conn.xmlDesc(ref, 0).contains("<currentMemory unit='KiB'>16384</currentMemory>"));
        fails(ErrorCode.INVALID_ARG, "invalid argument: cannot set memory higher than max memory",
                () -> bed.conn.setMemory(ref, 32768, 0));
        fails(ErrorCode.OPERATION_INVALID, "Requested operation is not valid: domain is not running",
                () -> bed.conn.setMemory(ref, 8192, LIVE));

        assertEquals(1, bed.conn.vcpusCount(ref, 0));
        assertEquals(2, bed.conn.vcpusCount(ref, CONFIG | VcpuFlag.MAXIMUM.bit()));
        bed.conn.setVcpus(ref, 4, CONFIG | VcpuFlag.MAXIMUM.bit());
        bed.conn.setVcpus(ref, 3, CONFIG);
        assertEquals(4, bed.conn.vcpusCount(ref, VcpuFlag.MAXIMUM.bit()));
        assertEquals(3, bed.conn.vcpusCount(ref, CONFIG));
        assertTrue(bed.conn.xmlDesc(ref, 0).contains("<vcpu placement='static' current='3'>4</vcpu>"));
        fails(ErrorCode.INVALID_ARG, "invalid argument: requested vcpus is greater than max allowable vcpus for the "
                + "persistent domain: 5 > 4", () -> bed.conn.setVcpus(ref, 5, CONFIG));
        fails(ErrorCode.OPERATION_INVALID, "Requested operation is not valid: domain is not running",
                () -> bed.conn.vcpusCount(ref, LIVE));
        fails(ErrorCode.OPERATION_INVALID, "Requested operation is not valid: domain is not running",
                () -> bed.conn.memoryStats(ref, 0));
        bed.conn.setMemoryStatsPeriod(ref, 5, 0);
        assertTrue(bed.conn.xmlDesc(ref, XmlFlag.INACTIVE.bit()).contains("<stats period='5'/>"));
        // the definition survives a new driver instance
        bed.conn.undefine(ref, 0);
    }

    @Test
    void runningGuestHotplugsVcpusAndBalloons() throws Exception {
        Path disk = dir.resolve("disk.img");
        Files.write(disk, new byte[1 << 20]);
        DomainRef ref = bed.conn.defineXml(xml("resize-live", "<disk type='file' device='disk'><source file='"
                + disk + "'/><target dev='vda' bus='virtio'/></disk>"), 0);
        bed.conn.create(ref, 0);
        bed.pid(ref);
        QemuDomainObj dom = bed.driver.hosts().get(0).byUuid(ref.uuid());
        assertEquals(1, bed.conn.vcpusCount(ref, LIVE));

        bed.conn.setVcpus(ref, 2, LIVE);
        assertEquals(2, bed.conn.vcpusCount(ref, LIVE));
        assertEquals(1, bed.conn.vcpusCount(ref, CONFIG));
        assertEquals(2, bed.conn.vcpuInfo(ref).size());
        assertEquals(2, bed.conn.info(ref).nrVirtCpu());
        assertEquals(2, dom.vcpuThreads().size());
        // all online: libvirt writes no current=
        assertTrue(bed.conn.xmlDesc(ref, 0).contains("<vcpu placement='static'>2</vcpu>"));
        fails(ErrorCode.INVALID_ARG, "invalid argument: requested vcpus is greater than max allowable vcpus for the "
                + "live domain: 3 > 2", () -> bed.conn.setVcpus(ref, 3, LIVE));
        fails(ErrorCode.CONFIG_UNSUPPORTED, "unsupported configuration: maximum vcpu count of a live domain can't "
                + "be modified", () -> bed.conn.setVcpus(ref, 3, LIVE | CONFIG | VcpuFlag.MAXIMUM.bit()));
        fails(ErrorCode.ARGUMENT_UNSUPPORTED, "argument unsupported: QEMU guest agent is not configured",
                () -> bed.conn.setVcpus(ref, 1, VcpuFlag.GUEST.bit()));
        // the hot-plugged vCPU goes back through device_del; QEMU refuses the ACPI unplug of a guest
        // that never took up CPU hot-plug (no OS), and says so as libvirt passes it on
        fails(ErrorCode.INTERNAL_ERROR, "internal error: unable to execute QEMU command 'device_del': acpi: device "
                + "unplug request for not supported device type: qemu64-x86_64-cpu",
                () -> bed.conn.setVcpus(ref, 1, LIVE));
        assertEquals(2, bed.conn.vcpusCount(ref, LIVE));

        QmpClient qmp = dom.qmp();
        assertEquals(65536L * 1024, qmp.execute("query-balloon", null).path("actual").asLong());
        bed.conn.setMemory(ref, 32768, LIVE);
        fails(ErrorCode.OPERATION_INVALID, "Requested operation is not valid: cannot resize the maximum memory on an "
                + "active domain", () -> bed.conn.setMemory(ref, 131072, MemoryFlag.MAXIMUM.bit()));
        fails(ErrorCode.INVALID_ARG, "invalid argument: cannot set memory higher than max memory",
                () -> bed.conn.setMemory(ref, 131072, 0));
        List<MemoryStat> stats = bed.conn.memoryStats(ref, 0);
        Map<MemoryStatTag, Long> byTag = new HashMap<>();
        stats.forEach(s -> byTag.put(s.tag(), s.value()));
        // no guest balloon driver: the balloon stays as large as it was
        assertEquals(65536L, byTag.get(MemoryStatTag.ACTUAL_BALLOON), stats.toString());
        assertTrue(byTag.get(MemoryStatTag.RSS) > 1024, stats.toString());
        assertEquals(MemoryStatTag.RSS, stats.get(stats.size() - 1).tag());

        bed.conn.setMemoryStatsPeriod(ref, 2, LIVE);
        assertEquals(2, qmp.execute("qom-get", QmpClient.args().put("path", BalloonStats.BALLOON_PATH)
                .put("property", "guest-stats-polling-interval")).asInt());
        assertTrue(bed.conn.xmlDesc(ref, 0).contains("<stats period='2'/>"));

        List<DomainStatsRecord> records = bed.conn.domainStats(List.of(ref), 0, 0);
        assertEquals(1, records.size());
        Map<String, TypedParameter> p = new HashMap<>();
        records.get(0).params().forEach(x -> p.put(x.field(), x));
        assertEquals(1L, p.get("state.state").longValue());
        assertTrue(p.get("cpu.time").longValue() > 0, p.toString());
        assertTrue(p.containsKey("cpu.user") && p.containsKey("cpu.system"), p.toString());
        assertEquals(65536L, p.get("balloon.maximum").longValue());
        assertEquals(2L, p.get("vcpu.current").longValue());
        assertEquals(2L, p.get("vcpu.maximum").longValue());
        assertTrue(p.get("vcpu.1.time").longValue() >= 0 && p.containsKey("vcpu.0.wait"), p.toString());
        assertTrue(p.get("balloon.rss").longValue() > 0, p.toString());
        assertEquals(0L, p.get("net.count").longValue());
        assertEquals(1L, p.get("block.count").longValue());
        assertEquals("vda", p.get("block.0.name").stringValue());
        assertEquals(disk.toString(), p.get("block.0.path").stringValue());
        assertEquals(1L << 20, p.get("block.0.capacity").longValue());
        assertTrue(p.containsKey("block.0.rd.reqs") && p.containsKey("block.0.fl.times"), p.toString());

        List<DomainStatsRecord> stateOnly = bed.conn.domainStats(null, StatsGroup.STATE.bit(), 0);
        assertEquals(List.of("state.state", "state.reason"),
                stateOnly.get(0).params().stream().map(TypedParameter::field).toList());
        fails(ErrorCode.ARGUMENT_UNSUPPORTED, "argument unsupported: Stats types bits 0x40 are not supported by this "
                + "daemon", () -> bed.conn.domainStats(null, StatsGroup.PERF.bit(), 1 << 31));
        bed.conn.destroy(ref, 0);
        // the live changes went with the guest; the definition kept its own values
        assertEquals(1, bed.conn.vcpusCount(ref, 0));
        bed.conn.undefine(ref, 0);
    }

    @Test
    void withoutABalloonTheLiveGuestCannotChangeMemory() throws Exception {
        DomainRef ref = bed.conn.createXml(xml("resize-noballoon", "<memballoon model='none'/>"), 0);
        bed.pid(ref);
        fails(ErrorCode.OPERATION_INVALID, "Requested operation is not valid: Unable to change memory of active "
                + "domain without the balloon device and guest OS balloon driver",
                () -> bed.conn.setMemory(ref, 32768, 0));
        fails(ErrorCode.OPERATION_INVALID, "Requested operation is not valid: No memory balloon device configured, "
                + "can not set the collection period", () -> bed.conn.setMemoryStatsPeriod(ref, 1, 0));
        List<MemoryStat> stats = bed.conn.memoryStats(ref, 0);
        assertEquals(1, stats.size(), stats.toString());
        assertEquals(MemoryStatTag.RSS, stats.get(0).tag());
        fails(ErrorCode.OPERATION_INVALID, "Requested operation is not valid: transient domains do not have any "
                + "persistent config", () -> bed.conn.setVcpus(ref, 1, CONFIG));
        bed.conn.destroy(ref, 0);
    }
}
