package org.jvirt.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.jvirt.api.Connection;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainInfo;
import org.jvirt.api.DomainState;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.junit.jupiter.api.Test;

/** Drivers going away and coming back under open connections, as in a driver bundle update. */
class DriverSwapTest {
    private final FakeHost host = new FakeHost();

    /** As OSGi does on a bundle update: unregister, deactivate, then (later) register the new version. */
    private static void stop(CoreConnectionFactory core, FakeDriver d) {
        core.removeDriver(d);
        d.deactivated = true;
    }

    @Test
    void clientLoopSeesNoFailedCallsAcrossTwentyDriverUpdates() throws Exception {
        CoreConnectionFactory core = new CoreConnectionFactory(Duration.ofSeconds(5));
        FakeDriver current = new FakeDriver("Test", 1, host);
        core.addDriver(current, FakeDriver.props(0, "test"));
        Connection conn = core.open("test:///default", 0);
        Domain dom = conn.lookupByName("test");

        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger calls = new AtomicInteger();
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        Thread client = new Thread(() -> {
            while (!stop.get()) {
                try {
                    assertEquals(1, conn.listAllDomains(0).size());
                    dom.info();
                    calls.addAndGet(2);
                } catch (Throwable t) {
                    failures.add(t);
                }
            }
        }, "client");
        client.start();

        int swaps = 20;
        for (int gen = 2; gen <= swaps + 1; gen++) {
            // widen the window in which a call is inside the driver when it goes away
            current.midCall = () -> sleepMicros(ThreadLocalRandom.current().nextInt(500));
            awaitServed(gen - 1, 20);
            stop(core, current);
            Thread.sleep(ThreadLocalRandom.current().nextInt(1, 30)); // the update gap: no driver at all
            current = new FakeDriver("Test", gen, host);
            core.addDriver(current, FakeDriver.props(0, "test"));
        }
        awaitServed(swaps + 1, 50);
        stop.set(true);
        client.join(10_000);

        System.out.printf("driver swap: %d client calls, %d failed, %d driver updates%n",
                calls.get(), failures.size(), swaps);
        failures.forEach(Throwable::printStackTrace);
        assertEquals(0, failures.size(), "failed client calls during driver updates");
        assertTrue(calls.get() > 100, "the client made calls: " + calls.get());
        assertEquals(swaps + 1, conn.hypervisorVersion(), "the newest driver serves the old connection");
        // every old driver connection was closed once its driver went away
        assertTrue(host.servedBy.keySet().size() >= swaps + 1, "every generation served: " + host.servedBy.keySet());
        conn.close();
    }

    private void awaitServed(int generation, int atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (host.served(List.of(generation)) < atLeast) {
            assertTrue(System.nanoTime() < deadline, "generation " + generation + " never served calls");
            Thread.sleep(1);
        }
    }

    private static void sleepMicros(int micros) {
        long end = System.nanoTime() + micros * 1000L;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    @Test
    void callInterruptedByTheDriverGoingAwayIsRetriedOnTheReplacement() throws Exception {
        CoreConnectionFactory core = new CoreConnectionFactory(Duration.ofSeconds(5));
        FakeDriver old = new FakeDriver("Test", 1, host);
        core.addDriver(old, FakeDriver.props(0, "test"));
        Connection conn = core.open("test:///default", 0);
        Domain dom = conn.lookupByName("test");

        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        old.midCall = () -> {
            inside.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        Queue<Object> result = new ConcurrentLinkedQueue<>();
        Thread client = new Thread(() -> {
            try {
                result.add(dom.info());
            } catch (Throwable t) {
                result.add(t);
            }
        });
        client.start();
        assertTrue(inside.await(5, TimeUnit.SECONDS));
        stop(core, old);        // unregistered and deactivated while the call is inside it
        release.countDown();    // the old driver now throws from the middle of the call
        Thread.sleep(100);
        FakeDriver replacement = new FakeDriver("Test", 2, host);
        core.addDriver(replacement, FakeDriver.props(0, "test"));
        client.join(5000);

        Object r = result.poll();
        assertTrue(r instanceof DomainInfo, "the call succeeded on the replacement: " + r);
        assertEquals(2, ((DomainInfo) r).cpuTimeNs(), "served by the replacement");
        assertTrue(old.connections.get(0).closed, "the departed driver's connection was closed");
        conn.close();
    }

    @Test
    void aCallIsRepeatedUntilAReplacementLastsThroughIt() throws Exception {
        CoreConnectionFactory core = new CoreConnectionFactory(Duration.ofSeconds(5));
        FakeDriver first = new FakeDriver("Test", 1, host);
        core.addDriver(first, FakeDriver.props(0, "test"));
        Connection conn = core.open("test:///default", 0);
        Domain dom = conn.lookupByName("test");
        CountDownLatch inFirst = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        first.midCall = blockOnce(inFirst, releaseFirst);
        Queue<Object> result = new ConcurrentLinkedQueue<>();
        Thread client = new Thread(() -> {
            try {
                result.add(dom.info());
            } catch (Throwable t) {
                result.add(t);
            }
        });
        client.start();
        assertTrue(inFirst.await(5, TimeUnit.SECONDS));

        // the first replacement is itself updated away while the repeated call is inside it
        FakeDriver second = new FakeDriver("Test", 2, host);
        CountDownLatch inSecond = new CountDownLatch(1);
        CountDownLatch releaseSecond = new CountDownLatch(1);
        second.midCall = blockOnce(inSecond, releaseSecond);
        stop(core, first);
        core.addDriver(second, FakeDriver.props(0, "test"));
        releaseFirst.countDown();
        assertTrue(inSecond.await(5, TimeUnit.SECONDS), "the call was repeated on the first replacement");
        stop(core, second);
        core.addDriver(new FakeDriver("Test", 3, host), FakeDriver.props(0, "test"));
        releaseSecond.countDown();
        client.join(5000);

        Object r = result.poll();
        assertTrue(r instanceof DomainInfo, "the call succeeded on the second replacement: " + r);
        assertEquals(3, ((DomainInfo) r).cpuTimeNs(), "served by the second replacement");
        conn.close();
    }

    private static Runnable blockOnce(CountDownLatch inside, CountDownLatch release) {
        AtomicBoolean first = new AtomicBoolean(true);
        return () -> {
            if (!first.getAndSet(false)) {
                return;
            }
            inside.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    @Test
    void noReplacementWithinTheWaitFailsCleanlyWithNoConnect() throws VirtException {
        CoreConnectionFactory core = new CoreConnectionFactory(Duration.ofMillis(300));
        FakeDriver d = new FakeDriver("Test", 1, host);
        core.addDriver(d, FakeDriver.props(0, "test"));
        Connection conn = core.open("test:///default", 0);
        stop(core, d);
        long start = System.nanoTime();
        VirtException e = assertThrows(VirtException.class, conn::type);
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(ErrorCode.NO_CONNECT, e.code());
        assertTrue(e.getMessage().contains("no driver for scheme 'test' appeared within 300 ms"), e.getMessage());
        assertTrue(ms >= 290 && ms < 3000, "waited " + ms + " ms");
        System.out.printf("bounded wait: failed with NO_CONNECT after %d ms (configured 300 ms)%n", ms);
        assertTrue(!conn.isAlive());

        // a driver that comes back later serves the same connection again
        core.addDriver(new FakeDriver("Test", 2, host), FakeDriver.props(0, "test"));
        assertEquals(2, conn.hypervisorVersion());
        assertTrue(conn.isAlive());
        conn.close();
    }

    @Test
    void concurrentCallersEachWaitAtMostTheConfiguredTime() throws Exception {
        CoreConnectionFactory core = new CoreConnectionFactory(Duration.ofMillis(300));
        FakeDriver d = new FakeDriver("Test", 1, host);
        core.addDriver(d, FakeDriver.props(0, "test"));
        Connection conn = core.open("test:///default", 0);
        stop(core, d);
        Queue<Throwable> errors = new ConcurrentLinkedQueue<>();
        List<Thread> callers = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < 4; i++) {
            Thread t = new Thread(() -> {
                try {
                    conn.type();
                } catch (Throwable e) {
                    errors.add(e);
                }
            });
            t.start();
            callers.add(t);
        }
        for (Thread t : callers) {
            t.join(5000);
        }
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(4, errors.size());
        for (Throwable e : errors) {
            assertEquals(ErrorCode.NO_CONNECT, ((VirtException) e).code());
        }
        assertTrue(ms < 1000, "four waiting callers took " + ms + " ms, not 4 x 300 ms");
        conn.close();
    }

    @Test
    void aCallWaitsForAReplacementThatArrivesInTime() throws Exception {
        CoreConnectionFactory core = new CoreConnectionFactory(Duration.ofSeconds(5));
        FakeDriver d = new FakeDriver("Test", 1, host);
        core.addDriver(d, FakeDriver.props(0, "test"));
        Connection conn = core.open("test:///default", 0);
        stop(core, d);
        Thread later = new Thread(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
            core.addDriver(new FakeDriver("Test", 2, host), FakeDriver.props(0, "test"));
        });
        long start = System.nanoTime();
        later.start();
        assertEquals(2, conn.hypervisorVersion());
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(ms >= 150, "waited " + ms + " ms for the replacement");
        later.join();
        conn.close();
    }

    @Test
    void closingTheConnectionReleasesAWaitingCall() throws Exception {
        CoreConnectionFactory core = new CoreConnectionFactory(Duration.ofSeconds(30));
        FakeDriver d = new FakeDriver("Test", 1, host);
        core.addDriver(d, FakeDriver.props(0, "test"));
        Connection conn = core.open("test:///default", 0);
        stop(core, d);
        Queue<Throwable> result = new ConcurrentLinkedQueue<>();
        Thread waiter = new Thread(() -> {
            try {
                conn.type();
            } catch (Throwable t) {
                result.add(t);
            }
        });
        waiter.start();
        Thread.sleep(100);
        conn.close();
        waiter.join(5000);
        VirtException e = (VirtException) result.poll();
        assertEquals(ErrorCode.INVALID_CONN, e.code());
    }

    @Test
    void aDeadDriverConnectionIsReopenedOnTheSameDriver() throws VirtException {
        CoreConnectionFactory core = new CoreConnectionFactory(Duration.ofSeconds(1));
        FakeDriver d = new FakeDriver("Test", 1, host);
        core.addDriver(d, FakeDriver.props(0, "test"));
        Connection conn = core.open("test:///default", 0);
        Domain dom = conn.lookupByName("test");
        d.connections.get(0).closed = true; // e.g. the hypervisor connection dropped
        assertEquals("hvm", dom.osType());
        assertEquals(2, d.connections.size(), "a second driver connection was opened");
        conn.close();
    }

    @Test
    void aConnectionStaysOnItsDriverUntilThatDriverGoes() throws VirtException {
        CoreConnectionFactory core = new CoreConnectionFactory(Duration.ofSeconds(1));
        FakeDriver low = new FakeDriver("Low", 1, host);
        core.addDriver(low, FakeDriver.props(0, "test"));
        Connection conn = core.open("test:///default", 0);
        FakeDriver high = new FakeDriver("High", 2, host);
        core.addDriver(high, FakeDriver.props(10, "test"));
        assertEquals("Low", conn.type(), "an open connection is not moved while its driver serves");
        try (Connection fresh = core.open("test:///default", 0)) {
            assertEquals("High", fresh.type());
        }
        stop(core, low);
        assertEquals("High", conn.type(), "then it moves to the best remaining driver");
        conn.close();
    }

    @Test
    void domainObjectsReResolveByUuidOnTheReplacement() throws VirtException {
        CoreConnectionFactory core = new CoreConnectionFactory(Duration.ofSeconds(1));
        FakeDriver old = new FakeDriver("Test", 1, host);
        core.addDriver(old, FakeDriver.props(0, "test"));
        Connection conn = core.open("test:///default", 0);
        Domain dom = conn.lookupByName("test");
        assertEquals(1, dom.id());
        stop(core, old);
        host.domains.get(dom.uuid()).id = 7; // e.g. the guest was restarted meanwhile
        FakeDriver replacement = new FakeDriver("Test", 2, host);
        core.addDriver(replacement, FakeDriver.props(0, "test"));
        assertEquals(7, dom.id());
        assertEquals("hvm", dom.osType());
        host.domains.remove(dom.uuid());
        VirtException gone = assertThrows(VirtException.class, dom::info);
        assertEquals(ErrorCode.NO_DOMAIN, gone.code());
        conn.close();
    }

    @Test
    void aRankingUpdateKeepsTheConnectionWhereItIs() throws VirtException {
        CoreConnectionFactory core = new CoreConnectionFactory(Duration.ofSeconds(1));
        FakeDriver d = new FakeDriver("Test", 1, host);
        core.addDriver(d, java.util.Map.of(org.jvirt.api.spi.HypervisorDriver.SCHEMES, new String[] {"test"},
                "service.ranking", 0, "service.id", 42L));
        Connection conn = core.open("test:///default", 0);
        conn.type();
        core.addDriver(d, java.util.Map.of(org.jvirt.api.spi.HypervisorDriver.SCHEMES, new String[] {"test"},
                "service.ranking", 5, "service.id", 42L));
        conn.type();
        assertEquals(1, d.connections.size(), "same registration, same driver connection");
        assertEquals(5, core.drivers().get(0).ranking());
        conn.close();
    }

    /**
     * Runs {@code call} while the serving driver goes away in the middle of it (after
     * {@code effect} ran inside the old driver, as when the change was made but its answer lost)
     * and a replacement of generation 2 arrives. Returns the call's result or what it threw.
     */
    private Object callCutOffBySwap(CoreConnectionFactory core, FakeDriver old, Runnable effect,
                                    Callable<Object> call) throws Exception {
        return callCutOffBySwap(core, old, effect, call, host);
    }

    private Object callCutOffBySwap(CoreConnectionFactory core, FakeDriver old, Runnable effect,
                                    Callable<Object> call, FakeHost on) throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Runnable block = blockOnce(inside, release);
        old.midCall = () -> {
            if (inside.getCount() > 0) {
                effect.run();
            }
            block.run();
        };
        Queue<Object> result = new ConcurrentLinkedQueue<>();
        Thread client = new Thread(() -> {
            try {
                Object r = call.call();
                result.add(r == null ? "done" : r);
            } catch (Throwable t) {
                result.add(t);
            }
        });
        client.start();
        assertTrue(inside.await(5, TimeUnit.SECONDS));
        stop(core, old);
        release.countDown();
        Thread.sleep(50);
        replacement = new FakeDriver("Test", 2, on);
        core.addDriver(replacement, FakeDriver.props(0, "test"));
        client.join(5000);
        return result.poll();
    }

    private FakeDriver replacement;

    @Test
    void aStartCutOffByASwapIsNotSentAgainAndTheOutcomeIsReportedUnknown() throws Exception {
        UUID uuid = UUID.randomUUID();
        host.add("off", uuid, DomainState.SHUTOFF, -1);
        CoreConnectionFactory core = new CoreConnectionFactory(Duration.ofSeconds(5));
        FakeDriver old = new FakeDriver("Test", 1, host);
        core.addDriver(old, FakeDriver.props(0, "test"));
        Connection conn = core.open("test:///default", 0);
        Domain dom = conn.lookupByUuid(uuid);

        Object r = callCutOffBySwap(core, old, () -> { }, () -> {
            dom.create(0);
            return null;
        });
        assertTrue(r instanceof VirtException, "the start failed: " + r);
        VirtException e = (VirtException) r;
        assertEquals(ErrorCode.OPERATION_FAILED, e.code());
        assertTrue(e.getMessage().startsWith("operation failed: the driver Test")
                && e.getMessage().contains("was replaced during virDomainCreate; the outcome is unknown"),
                e.getMessage());
        assertEquals(List.of(), replacement.changes, "the start was not sent to the replacement");
        assertEquals(DomainState.SHUTOFF, host.domains.get(uuid).state);
        // the connection goes on with the replacement
        dom.create(0);
        assertEquals(List.of("create"), replacement.changes);
        conn.close();
    }

    @Test
    void aDestroyCutOffByASwapAfterItWorkedReportsItsOutcome() throws Exception {
        CoreConnectionFactory core = new CoreConnectionFactory(Duration.ofSeconds(5));
        FakeDriver old = new FakeDriver("Test", 1, host);
        core.addDriver(old, FakeDriver.props(0, "test"));
        Connection conn = core.open("test:///default", 0);
        Domain dom = conn.lookupByName("test");
        FakeHost.Dom guest = host.domains.get(dom.uuid());

        // the old driver stopped the guest, then went away before it could answer
        Object r = callCutOffBySwap(core, old, () -> guest.state = DomainState.SHUTOFF, () -> {
            dom.destroy(0);
            return null;
        });
        assertEquals("done", r, "the replacement shows the domain shut off: the destroy is done");
        assertEquals(List.of(), replacement.changes, "the destroy was not sent again");
        conn.close();
    }

    @Test
    void aDestroyCutOffByASwapBeforeItWorkedIsNotRepeated() throws Exception {
        CoreConnectionFactory core = new CoreConnectionFactory(Duration.ofSeconds(5));
        FakeDriver old = new FakeDriver("Test", 1, host);
        core.addDriver(old, FakeDriver.props(0, "test"));
        Connection conn = core.open("test:///default", 0);
        Domain dom = conn.lookupByName("test");

        Object r = callCutOffBySwap(core, old, () -> { }, () -> {
            dom.destroy(0);
            return null;
        });
        assertTrue(r instanceof VirtException v && v.code() == ErrorCode.OPERATION_FAILED
                && v.getMessage().contains("during virDomainDestroy; the outcome is unknown"), String.valueOf(r));
        assertEquals(List.of(), replacement.changes);
        assertEquals(DomainState.RUNNING, host.domains.get(dom.uuid()).state, "nothing destroyed the guest");
        conn.close();
    }

    @Test
    void readsCutOffByASwapAreRepeatedOnTheReplacement() throws Exception {
        for (String read : List.of("list", "lookup", "state", "xml", "persistent", "version")) {
            FakeHost fresh = new FakeHost();
            CoreConnectionFactory core = new CoreConnectionFactory(Duration.ofSeconds(5));
            FakeDriver old = new FakeDriver("Test", 1, fresh);
            core.addDriver(old, FakeDriver.props(0, "test"));
            Connection conn = core.open("test:///default", 0);
            Domain dom = conn.lookupByName("test");
            Map<String, Callable<Object>> reads = Map.of(
                    "list", () -> conn.listAllDomains(0).size(),
                    "lookup", () -> conn.lookupByName("test").uuid(),
                    "state", () -> dom.state().state(),
                    "xml", () -> dom.xmlDesc(0),
                    "persistent", dom::isPersistent,
                    "version", conn::hypervisorVersion);
            Object r = callCutOffBySwap(core, old, () -> { }, reads.get(read), fresh);
            assertFalse(r instanceof Throwable, read + " was repeated on the replacement: " + r);
            assertEquals(List.of(2), List.copyOf(fresh.servedBy.keySet().stream()
                    .filter(g -> g == 2).toList()), read + " served by the replacement");
            if (read.equals("version")) {
                assertEquals(2L, r);
            }
            conn.close();
        }
    }

    @Test
    void theRepeatableCallsAreReadsAndSettingsNeverTransitions() {
        for (String f : List.of("virConnectListAllDomains", "virDomainLookupByUUID", "virDomainGetInfo",
                "virDomainGetXMLDesc", "virDomainSetAutostart", "virDomainPinVcpu")) {
            assertTrue(RepeatableCalls.isRepeatable(f), f);
        }
        for (String f : List.of("virDomainDefineXML", "virDomainDefineXMLFlags", "virDomainCreateXML",
                "virDomainCreate", "virDomainCreateWithFlags", "virDomainDestroy", "virDomainDestroyFlags",
                "virDomainShutdown", "virDomainReboot", "virDomainSuspend", "virDomainResume",
                "virDomainUndefine", "virDomainUndefineFlags", "virSomethingNew")) {
            assertFalse(RepeatableCalls.isRepeatable(f), f);
        }
    }
}
