package org.jvirt.driver.qemu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.jvirt.api.DomainEvent;
import org.jvirt.api.DomainEventType;
import org.jvirt.api.DomainInfo;
import org.jvirt.api.DomainState;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ListFlag;
import org.jvirt.api.StateReason;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.RecordKind;
import org.jvirt.driver.qemu.internal.probe.QemuKvm;
import org.jvirt.driver.qemu.internal.process.QemuProcesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lifecycle with real QEMU 7.2 TCG guests (64 MiB, no OS). */
class QemuLifecycleTest {
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

    private void expectEvent(DomainEventType type, int detail) throws InterruptedException {
        DomainEvent e = bed.nextEvent();
        assertTrue(e != null, "no " + type + " event");
        assertEquals(type, e.type(), e.toString());
        assertEquals(detail, e.detail(), e.toString());
    }

    /**
     * libvirt's qemuDomainReset: QEMU's system_reset, which QEMU reports as a RESET and libvirt as
     * its reboot event; the guest keeps running in the same process. Flags and a shut-off guest
     * are refused with libvirt's errors.
     */
    @Test
    void resetRestartsTheGuestInPlaceWithTheRebootEvent() throws Exception {
        DomainRef ref = bed.conn.defineXml(TestBed.xml("reset1", UUID.randomUUID(), 1, ""), 0);
        VirtException off = assertThrows(VirtException.class, () -> bed.conn.reset(ref, 0));
        assertEquals(ErrorCode.OPERATION_INVALID, off.code());
        assertEquals("Requested operation is not valid: domain is not running", off.getMessage());
        bed.conn.create(ref, 0);
        long pid = bed.pid(ref);
        DomainRef running = bed.conn.lookupByUuid(ref.uuid());
        bed.reboots.clear();
        VirtException flags = assertThrows(VirtException.class, () -> bed.conn.reset(ref, 1));
        assertEquals(ErrorCode.INVALID_ARG, flags.code());
        assertTrue(flags.getMessage().endsWith("unsupported flags (0x1) in function qemuDomainReset"),
                flags.getMessage());

        bed.conn.reset(ref, 0);
        assertEquals(running, bed.reboots.poll(10, TimeUnit.SECONDS), "no reboot event");
        assertEquals(StateReason.RUNNING_BOOTED, bed.conn.state(ref).namedReason());
        assertEquals(pid, bed.pid(ref));
        assertTrue(QemuProcesses.isAlive(pid));
        bed.conn.destroy(ref, 0);
        bed.conn.undefine(ref, 0);
    }

    @Test
    void definedGuestRunsPausesResumesAndIsDestroyed() throws Exception {
        UUID uuid = UUID.randomUUID();
        DomainRef ref = bed.conn.defineXml(TestBed.xml("life1", uuid, 2, ""), 0);
        expectEvent(DomainEventType.DEFINED, DomainEventType.DEFINED_ADDED);
        assertEquals(StateReason.SHUTOFF_UNKNOWN, bed.conn.state(ref).namedReason());
        assertTrue(bed.store.read("qemu", RecordKind.CONFIG, uuid.toString()).isPresent());

        bed.conn.create(ref, 0);
        expectEvent(DomainEventType.STARTED, DomainEventType.STARTED_BOOTED);
        long pid = bed.pid(ref);
        assertTrue(QemuProcesses.isAlive(pid));
        assertEquals(StateReason.RUNNING_BOOTED, bed.conn.state(ref).namedReason());
        List<String> cmd = QemuProcesses.cmdline(pid).orElseThrow();
        assertTrue(cmd.contains("guest=life1,debug-threads=on"), cmd.toString());
        // QEMU runs in its own session, so it survives the JVM
        assertEquals(pid, sessionId(pid));
        DomainRef byId = bed.conn.lookupById(bed.conn.lookupByName("life1").id());
        assertEquals(uuid, byId.uuid());
        assertTrue(bed.store.read("qemu", RecordKind.STATUS, uuid.toString()).isPresent());
        DomainInfo info = bed.conn.info(ref);
        assertEquals(DomainState.RUNNING, info.state());
        assertEquals(65536, info.maxMemKiB());
        assertEquals(2, info.nrVirtCpu());
        assertTrue(bed.conn.xmlDesc(ref, 0).contains("<domain type='qemu' id='"), bed.conn.xmlDesc(ref, 0));

        bed.conn.suspend(ref);
        expectEvent(DomainEventType.SUSPENDED, DomainEventType.SUSPENDED_PAUSED);
        assertEquals(StateReason.PAUSED_USER, bed.conn.state(ref).namedReason());
        bed.conn.resume(ref);
        expectEvent(DomainEventType.RESUMED, DomainEventType.RESUMED_UNPAUSED);
        assertEquals(StateReason.RUNNING_UNPAUSED, bed.conn.state(ref).namedReason());
        bed.conn.reboot(ref, 0);
        bed.conn.shutdown(ref, 0); // accepted; a guest without ACPI ignores it
        assertEquals(DomainState.RUNNING, bed.conn.state(ref).state());

        VirtException again = assertThrows(VirtException.class, () -> bed.conn.create(ref, 0));
        assertEquals(ErrorCode.OPERATION_INVALID, again.code());

        bed.conn.destroy(ref, 0);
        expectEvent(DomainEventType.STOPPED, DomainEventType.STOPPED_DESTROYED);
        assertFalse(QemuProcesses.isAlive(pid));
        assertEquals(StateReason.SHUTOFF_DESTROYED, bed.conn.state(ref).namedReason());
        assertTrue(bed.store.read("qemu", RecordKind.STATUS, uuid.toString()).isEmpty());
        VirtException notRunning = assertThrows(VirtException.class, () -> bed.conn.suspend(ref));
        assertEquals(ErrorCode.OPERATION_INVALID, notRunning.code());

        bed.conn.undefine(ref, 0);
        expectEvent(DomainEventType.UNDEFINED, DomainEventType.UNDEFINED_REMOVED);
        assertEquals(ErrorCode.NO_DOMAIN, assertThrows(VirtException.class, () -> bed.conn.lookupByName("life1")).code());
        assertTrue(bed.store.read("qemu", RecordKind.CONFIG, uuid.toString()).isEmpty());
    }

    @Test
    void transientGuestStartsPausedAndVanishesWhenItsProcessIsKilled() throws Exception {
        DomainRef ref = bed.conn.createXml(TestBed.xml("trans1", UUID.randomUUID(), 1, ""), 1);
        expectEvent(DomainEventType.STARTED, DomainEventType.STARTED_BOOTED);
        expectEvent(DomainEventType.SUSPENDED, DomainEventType.SUSPENDED_PAUSED);
        assertEquals(StateReason.PAUSED_USER, bed.conn.state(ref).namedReason());
        assertFalse(bed.conn.isPersistent(ref));
        long pid = bed.pid(ref);
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        expectEvent(DomainEventType.STOPPED, DomainEventType.STOPPED_FAILED);
        assertEquals(ErrorCode.NO_DOMAIN, assertThrows(VirtException.class, () -> bed.conn.lookupByName("trans1")).code());
    }

    @Test
    void persistentGuestWhoseProcessDiesIsCrashed() throws Exception {
        DomainRef ref = bed.conn.defineXml(TestBed.xml("crash1", UUID.randomUUID(), 1, ""), 0);
        bed.conn.create(ref, 0);
        long pid = bed.pid(ref);
        bed.events.clear();
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        expectEvent(DomainEventType.STOPPED, DomainEventType.STOPPED_FAILED);
        assertEquals(StateReason.SHUTOFF_CRASHED, bed.conn.state(ref).namedReason());
        // and it starts again
        bed.conn.create(ref, 0);
        assertNotEquals(pid, bed.pid(ref));
        bed.conn.destroy(ref, 0);
    }

    @Test
    void qemuQuittingIsAShutdown() throws Exception {
        DomainRef ref = bed.conn.createXml(TestBed.xml("quit1", UUID.randomUUID(), 1, ""), 0);
        long pid = bed.pid(ref);
        bed.events.clear();
        // SIGTERM from outside: QEMU reports SHUTDOWN (host-signal) and exits
        ProcessHandle.of(pid).orElseThrow().destroy();
        expectEvent(DomainEventType.SHUTDOWN, 2);
        expectEvent(DomainEventType.STOPPED, DomainEventType.STOPPED_SHUTDOWN);
        assertTrue(QemuProcesses.waitGone(pid, Duration.ofSeconds(5)));
    }

    @Test
    void badInputLeavesNothingBehind() throws Exception {
        VirtException bad = assertThrows(VirtException.class, () -> bed.conn.defineXml("<domain type='qemu'><name>x", 0));
        assertTrue(bad.code() == ErrorCode.XML_ERROR || bad.code() == ErrorCode.XML_DETAIL, bad.toString());

        String missing = TestBed.xml("noemu", UUID.randomUUID(), 1, "").replace(TestBed.QEMU.toString(),
                dir.resolve("no-such-qemu").toString());
        VirtException noEmu = assertThrows(VirtException.class, () -> bed.conn.createXml(missing, 0));
        assertTrue(noEmu.getMessage().contains("no-such-qemu"), noEmu.getMessage());
        assertEquals(ErrorCode.NO_DOMAIN, assertThrows(VirtException.class, () -> bed.conn.lookupByName("noemu")).code());

        UUID uuid = UUID.randomUUID();
        String refused = TestBed.xml("refused", uuid, 1, "").replace("machine='pc'", "machine='no-such-machine'");
        VirtException e = assertThrows(VirtException.class, () -> bed.conn.createXml(refused, 0));
        assertEquals(ErrorCode.INTERNAL_ERROR, e.code());
        assertTrue(e.getMessage().contains("no-such-machine"), e.getMessage());
        assertTrue(e.getMessage().contains("process exited while connecting to monitor"), e.getMessage());
        assertEquals(ErrorCode.NO_DOMAIN, assertThrows(VirtException.class, () -> bed.conn.lookupByName("refused")).code());
        assertTrue(bed.store.readAll("qemu", RecordKind.STATUS).isEmpty());
        assertTrue(bed.store.readAll("qemu", RecordKind.CONFIG).isEmpty());
        assertFalse(ProcessHandle.allProcesses().anyMatch(p -> p.info().arguments().map(
                a -> String.join(" ", a).contains(uuid.toString())).orElse(false)), "a QEMU of 'refused' still runs");
        try (var left = Files.list(dir.resolve("run/system"))) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith("domain-")),
                    "the guest's run folder (monitor socket, master key) is removed");
        }
    }

    @Test
    void destroyEscalatesToSigkillWhenSigtermIsIgnored() throws Exception {
        DomainRef ref = bed.conn.createXml(TestBed.xml("stubborn", UUID.randomUUID(), 1, ""), 0);
        long pid = bed.pid(ref);
        // a stopped process leaves SIGTERM pending; only SIGKILL ends it
        assertEquals(0, new ProcessBuilder("kill", "-STOP", Long.toString(pid)).start().waitFor());
        bed.events.clear();
        long t0 = System.nanoTime();
        bed.conn.destroy(ref, 0);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertFalse(QemuProcesses.isAlive(pid));
        assertTrue(ms >= 2000, "SIGKILL came before the 2 s SIGTERM grace: " + ms + " ms");
        expectEvent(DomainEventType.STOPPED, DomainEventType.STOPPED_DESTROYED);
    }

    @Test
    void concurrentStartsGetDistinctIdsAndAllRun() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<DomainRef>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String xml = TestBed.xml("par" + i, UUID.randomUUID(), 1, "");
                boolean persistent = i % 2 == 0;
                futures.add(pool.submit(() -> {
                    if (!persistent) {
                        return bed.conn.createXml(xml, 0);
                    }
                    DomainRef r = bed.conn.defineXml(xml, 0);
                    bed.conn.create(r, 0);
                    return r;
                }));
            }
            Set<Integer> ids = new HashSet<>();
            Set<Long> pids = new HashSet<>();
            for (var f : futures) {
                DomainRef r = bed.conn.lookupByUuid(f.get().uuid());
                ids.add(r.id());
                pids.add(bed.pid(r));
                assertEquals(DomainState.RUNNING, bed.conn.state(r).state());
            }
            assertEquals(8, ids.size());
            assertEquals(8, pids.size());
            assertEquals(8, bed.conn.listAllDomains(ListFlag.ACTIVE.bit()).size());
            List<Future<?>> stops = new ArrayList<>();
            for (var f : futures) {
                DomainRef r = f.get();
                stops.add(pool.submit(() -> {
                    bed.conn.destroy(r, 0);
                    return null;
                }));
            }
            for (var s : stops) {
                s.get();
            }
            for (long pid : pids) {
                assertFalse(QemuProcesses.isAlive(pid));
            }
            assertEquals(4, bed.conn.listAllDomains(0).size()); // the persistent ones stay defined
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void kvmDomainsUseTheKvmAccelerator() throws Exception {
        assumeTrue(QemuKvm.usable(TestBed.QEMU, bed.dir), "QEMU cannot use KVM here");
        // started paused: an idle KVM guest would burn a host core here
        DomainRef ref = bed.conn.createXml(TestBed.xml("kvm1", UUID.randomUUID(), 1, "").replace("type='qemu'",
                "type='kvm'"), 1);
        long pid = bed.pid(ref);
        List<String> cmd = QemuProcesses.cmdline(pid).orElseThrow();
        assertEquals("kvm", cmd.get(cmd.indexOf("-accel") + 1));
        assertEquals(StateReason.PAUSED_USER, bed.conn.state(ref).namedReason());
        assertEquals(1, bed.conn.vcpuInfo(ref).size());
        bed.conn.destroy(ref, 0);
    }

    private static long sessionId(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[3]);
    }

    static Optional<String> status(long pid, long tid, String field) throws Exception {
        return Files.readAllLines(Path.of("/proc/" + pid + "/task/" + tid + "/status")).stream()
                .filter(l -> l.startsWith(field + ":")).map(l -> l.substring(field.length() + 1).strip()).findFirst();
    }
}
