package org.jvirt.driver.xen.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.DomainEvent;
import org.jvirt.api.DomainEventType;
import org.jvirt.api.DomainInfo;
import org.jvirt.api.DomainState;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.StateReason;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.DriverConnection;

/**
 * A domain while libxl creates it (the stand-in xl holds {@code xl create} of a {@code slow-*}
 * domain until the test releases it): it is listed and found with its definition and shut off,
 * dominfo, osType and dumpxml answer at once, and a second change waits for the start (the
 * domain's job) instead of running beside it.
 */
class XenJobTest {
    private static final String UUID2 = "11111111-2222-3333-4444-555555555555";

    @TempDir
    Path dir;
    private Path xl;
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @BeforeEach
    void fakeXl() throws Exception {
        xl = XenApiTest.fakeXl(dir);
    }

    @AfterEach
    void stopThreads() throws Exception {
        if (!Files.exists(xl.resolveSibling("release"))) {
            Files.createFile(xl.resolveSibling("release"));   // never leave xl waiting
        }
        threads.shutdownNow();
        assertTrue(threads.awaitTermination(30, TimeUnit.SECONDS));
    }

    @Test
    void aTransientDomainBeingCreatedIsVisibleShutOffAndASecondChangeWaits() throws Exception {
        try (XenTestBed bed = new XenTestBed(dir.resolve("bed"), xl.toString(), 60_000)) {
            DriverConnection c = bed.open();
            Future<DomainRef> create = threads.submit(() -> c.createXml(XenDefinitionsTest.pv("slow-t1", UUID2), 0));
            awaitFile("creating");

            DomainRef ref = quickly(() -> c.lookupByName("slow-t1"));
            assertEquals(-1, ref.id(), "not running yet");
            assertEquals(List.of(ref), quickly(() -> c.listAllDomains(0)));
            assertEquals("xen", quickly(() -> c.osType(ref)));
            assertEquals(new DomainInfo(DomainState.SHUTOFF, 524288, 262144, 2, 0), quickly(() -> c.info(ref)));
            assertEquals(DomainState.SHUTOFF, quickly(() -> c.state(ref)).state());
            assertTrue(quickly(() -> c.xmlDesc(ref, 0)).contains("<name>slow-t1</name>"));

            // without the job this destroy would fail at once ("domain is not running")
            Future<Object> destroy = threads.submit(() -> {
                c.destroy(ref, 0);
                return null;
            });
            Thread.sleep(500);
            assertFalse(destroy.isDone(), "the destroy waits for the start");
            assertFalse(create.isDone());

            Files.createFile(xl.resolveSibling("release"));
            create.get(30, TimeUnit.SECONDS);
            destroy.get(30, TimeUnit.SECONDS);
            assertEquals(List.of(DomainEventType.STARTED, DomainEventType.STOPPED),
                    bed.events.stream().map(DomainEvent::type).toList());
            VirtException gone = assertThrows(VirtException.class, () -> c.lookupByName("slow-t1"));
            assertEquals(ErrorCode.NO_DOMAIN, gone.code(), "a transient domain that stopped is gone");
        }
    }

    @Test
    void aPersistentDomainBeingStartedAnswersDominfoAndACreateThatFailsLeavesNoTransientBehind() throws Exception {
        try (XenTestBed bed = new XenTestBed(dir.resolve("bed"), xl.toString(), 60_000)) {
            DriverConnection c = bed.open();
            DomainRef ref = c.defineXml(XenDefinitionsTest.pv("slow-p1", XenDefinitionsTest.UUID1), 0);
            Future<Object> start = threads.submit(() -> {
                c.create(ref, 0);
                return null;
            });
            awaitFile("creating");
            assertEquals(new DomainInfo(DomainState.SHUTOFF, 524288, 262144, 2, 0), quickly(() -> c.info(ref)));
            assertEquals("xen", quickly(() -> c.osType(ref)));
            Files.createFile(xl.resolveSibling("release"));
            start.get(30, TimeUnit.SECONDS);
            assertEquals(StateReason.RUNNING_BOOTED, c.state(ref).namedReason());
            assertEquals(1, c.lookupByName("slow-p1").id());
            VirtException again = assertThrows(VirtException.class,
                    () -> c.createXml(XenDefinitionsTest.pv("slow-p1", XenDefinitionsTest.UUID1), 0));
            assertEquals("Requested operation is not valid: domain 'slow-p1' is already active", again.getMessage());

            // a transient create that libxl's unpause refuses: destroyed, unregistered, nothing left
            VirtException failed = assertThrows(VirtException.class,
                    () -> c.createXml(XenDefinitionsTest.pv("fail-unpause-t", UUID2), 0));
            assertEquals(ErrorCode.INTERNAL_ERROR, failed.code(), failed.getMessage());
            assertThrows(VirtException.class, () -> c.lookupByName("fail-unpause-t"));
            assertEquals(1, c.listAllDomains(0).size());
        }
    }

    @Test
    void aJobThatWaitsTooLongFailsAsLibvirtsAndTheSameThreadMayNest() throws Exception {
        XenDomain dom = new XenDomain(java.util.UUID.fromString(UUID2), "d");
        assertTrue(dom.beginJob("start", 100));
        assertFalse(dom.beginJob("destroy", 100), "the thread that runs the job runs the nested one too");
        VirtException e = threads.submit(() -> assertThrows(VirtException.class, () -> dom.beginJob("destroy", 200)))
                .get(10, TimeUnit.SECONDS);
        assertEquals(ErrorCode.OPERATION_TIMEOUT, e.code());
        assertEquals("Timed out during operation: cannot acquire state change lock (held by start)", e.getMessage());
        dom.endJob();
        assertEquals("ran", threads.submit(() -> dom.job("destroy", () -> "ran")).get(10, TimeUnit.SECONDS));
        assertFalse(dom.inJob());
    }

    private void awaitFile(String name) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!Files.exists(xl.resolveSibling(name))) {
            assertTrue(System.nanoTime() < deadline, name + " not seen within 20 s");
            Thread.sleep(20);
        }
    }

    /** Answers within 5 s (it must not wait for the job that creates the domain). */
    private <T> T quickly(Callable<T> call) throws Exception {
        return threads.submit(call).get(5, TimeUnit.SECONDS);
    }
}
