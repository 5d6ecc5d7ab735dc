package org.jvirt.driver.xen.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.DomainEvent;
import org.jvirt.api.DomainEventType;
import org.jvirt.api.DomainInfo;
import org.jvirt.api.DomainState;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.Flag;
import org.jvirt.api.ListFlag;
import org.jvirt.api.StateReason;
import org.jvirt.api.VcpuInfo;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.DriverConnection;
import org.jvirt.api.spi.RecordKind;
import org.jvirt.core.store.FileStateStore;

/**
 * The driver's bookkeeping around libxl (states, events, status records, reattach, what the poll
 * sees) with a stand-in for xl ({@code fake-xl/xl.py}, which prints xl 4.17's formats); that the
 * same commands reach the real libxl is {@link XenLibxlTest}'s part.
 */
class XenLifecycleTest {
    @TempDir
    Path dir;
    private Path xl;

    @BeforeEach
    void fakeXl() throws IOException {
        xl = XenApiTest.fakeXl(dir);
    }

    @Test
    void startPauseResumeTuneAndDestroy() throws Exception {
        try (XenTestBed bed = new XenTestBed(dir.resolve("bed"), xl.toString(), 60_000)) {
            DriverConnection c = bed.open();
            DomainRef ref = c.defineXml(XenDefinitionsTest.pv("pv1", XenDefinitionsTest.UUID1), 0);
            c.create(ref, 0);
            DomainRef running = c.lookupByName("pv1");
            assertEquals(1, running.id());
            assertEquals(StateReason.RUNNING_BOOTED, c.state(ref).namedReason());
            assertEquals(new DomainInfo(DomainState.RUNNING, 524288, 262144, 2, 1_500_000_000L), c.info(ref));
            assertTrue(c.xmlDesc(ref, 0).startsWith("<domain type='xen' id='1'>"), c.xmlDesc(ref, 0));
            assertEquals(List.of(running), c.listAllDomains(Flag.mask(ListFlag.ACTIVE)));
            VirtException twice = assertThrows(VirtException.class, () -> c.create(ref, 0));
            assertEquals(ErrorCode.OPERATION_INVALID, twice.code());

            c.suspend(ref);
            assertEquals(StateReason.PAUSED_USER, c.state(ref).namedReason());
            c.resume(ref);
            assertEquals(StateReason.RUNNING_UNPAUSED, c.state(ref).namedReason());

            c.setMemory(ref, 131072, 0);
            assertEquals(131072, c.info(ref).memoryKiB());
            BitSet cpus = new BitSet();
            cpus.set(1, 3);
            c.pinVcpu(ref, 1, cpus, 0);
            List<VcpuInfo> vcpus = c.vcpuInfo(ref);
            assertEquals(2, vcpus.size());
            assertEquals(cpus, vcpus.get(1).affinity());
            assertEquals(4, vcpus.get(0).affinity().cardinality(), "'all' of the fake's 4 CPUs");
            // live changes stay out of the persistent definition
            assertTrue(c.xmlDesc(ref, 2).contains("<currentMemory unit='KiB'>262144</currentMemory>"));

            c.destroy(ref, 0);
            assertEquals(StateReason.SHUTOFF_DESTROYED, c.state(ref).namedReason());
            assertEquals(-1, c.lookupByName("pv1").id());
            assertTrue(status(bed).isEmpty());
            assertEquals(List.of(DomainEventType.DEFINED, DomainEventType.STARTED, DomainEventType.SUSPENDED,
                    DomainEventType.RESUMED, DomainEventType.STOPPED), types(bed.events));
        }
    }

    @Test
    void aDomainRunningAcrossARestartIsReattachedAndWatched() throws Exception {
        try (XenTestBed bed = new XenTestBed(dir.resolve("bed"), xl.toString(), 100)) {
            DriverConnection c = bed.open();
            c.create(c.defineXml(XenDefinitionsTest.pv("pv1", XenDefinitionsTest.UUID1), 0), 0);
            bed.restart();
            bed.events.clear();
            DriverConnection again = bed.open();
            DomainRef ref = again.lookupById(1);
            assertEquals(StateReason.RUNNING_BOOTED, again.state(ref).namedReason());

            fakeXl("pause", "1");
            await(() -> bed.events.stream().anyMatch(e -> e.type() == DomainEventType.SUSPENDED));
            assertEquals(DomainState.PAUSED, again.state(ref).state());
            fakeXl("unpause", "1");
            await(() -> bed.events.stream().anyMatch(e -> e.type() == DomainEventType.RESUMED));

            again.reboot(ref, 0);
            await(() -> !bed.reboots.isEmpty());
            assertEquals(2, again.lookupByName("pv1").id(), "xl's monitor recreated it as domain 2");

            again.shutdown(again.lookupByName("pv1"), 0);
            await(() -> bed.events.stream().anyMatch(e -> e.type() == DomainEventType.STOPPED));
            DomainEvent stopped = bed.events.get(bed.events.size() - 1);
            assertEquals(DomainEventType.STOPPED_SHUTDOWN, stopped.detail());
            assertEquals(StateReason.SHUTOFF_SHUTDOWN, again.state(ref).namedReason());
            assertTrue(status(bed).isEmpty());
        }
    }

    @Test
    void aDomainThatEndedWhileTheDriverWasAwayIsShutOff() throws Exception {
        try (XenTestBed bed = new XenTestBed(dir.resolve("bed"), xl.toString(), 60_000)) {
            DriverConnection c = bed.open();
            c.create(c.defineXml(XenDefinitionsTest.pv("pv1", XenDefinitionsTest.UUID1), 0), 0);
            c.createXml(XenDefinitionsTest.pv("t1", "11111111-2222-3333-4444-555555555555"), 0);
            fakeXl("destroy", "1");
            fakeXl("destroy", "2");
            bed.restart();
            DriverConnection again = bed.open();
            assertEquals(DomainState.SHUTOFF, again.state(again.lookupByName("pv1")).state());
            assertThrows(VirtException.class, () -> again.lookupByName("t1"), "a transient domain that ended is gone");
            assertTrue(status(bed).isEmpty());
        }
    }

    @Test
    void aDomainThatCannotBeUnpausedIsDestroyedAgain() throws Exception {
        try (XenTestBed bed = new XenTestBed(dir.resolve("bed"), xl.toString(), 60_000)) {
            DriverConnection c = bed.open();
            DomainRef ref = c.defineXml(XenDefinitionsTest.pv("fail-unpause", XenDefinitionsTest.UUID1), 0);
            VirtException e = assertThrows(VirtException.class, () -> c.create(ref, 0));
            assertEquals("internal error: libxenlight failed to unpause domain 'fail-unpause': libxl: "
                    + "libxl_domain_unpause: Domain 1:Unpausing domain: Device or resource busy (xl unpause 1: exit status 0)",
                    e.getMessage());
            assertEquals(StateReason.SHUTOFF_FAILED, c.state(ref).namedReason());
            assertFalse(fakeXl("list", "-v").contains("fail-unpause"), "the paused domain is destroyed");
            assertTrue(status(bed).isEmpty());
            DomainRef paused = c.createXml(XenDefinitionsTest.pv("fail-unpause-2", "11111111-2222-3333-4444-555555555555"),
                    1);
            assertEquals(StateReason.PAUSED_USER, c.state(paused).namedReason());
        }
    }

    @Test
    void autostartDomainsStartOncePerBoot() throws Exception {
        Path bootId = dir.resolve("bed/root/proc/sys/kernel/random/boot_id");
        try (XenTestBed bed = new XenTestBed(dir.resolve("bed"), xl.toString(), 60_000)) {
            DriverConnection c = bed.open();
            DomainRef ref = c.defineXml(XenDefinitionsTest.pv("pv1", XenDefinitionsTest.UUID1), 0);
            c.setAutostart(ref, true);
            Files.createDirectories(bootId.getParent());
            Files.writeString(bootId, "boot-1\n");
            bed.restart();
            DriverConnection again = bed.open();
            await(() -> state(again, ref) == DomainState.RUNNING);
            again.destroy(ref, 0);
            bed.restart();
            DriverConnection third = bed.open();
            assertEquals(DomainState.SHUTOFF, third.state(ref).state(), "not started twice in one boot");
            Files.writeString(bootId, "boot-2\n");
            bed.restart();
            DriverConnection fourth = bed.open();
            await(() -> state(fourth, ref) == DomainState.RUNNING);
        }
    }

    private static DomainState state(DriverConnection c, DomainRef ref) {
        try {
            return c.state(ref).state();
        } catch (VirtException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<DomainEventType> types(List<DomainEvent> events) {
        return events.stream().map(DomainEvent::type).toList();
    }

    private static Map<String, byte[]> status(XenTestBed bed) throws VirtException {
        return new FileStateStore(bed.stateDir()).readAll(XenDomains.STORE, RecordKind.STATUS);
    }

    private String fakeXl(String... args) throws Exception {
        Xl.Result r = new Xl(xl.toString(), Duration.ofSeconds(30)).run(args);
        assertEquals(0, r.rc(), r.err());
        return r.out();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "condition not reached within 20 s");
            Thread.sleep(20);
        }
    }
}
