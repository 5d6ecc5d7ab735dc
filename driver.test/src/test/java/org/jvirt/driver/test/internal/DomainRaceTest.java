package org.jvirt.driver.test.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jvirt.api.Connection;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainEvent;
import org.jvirt.api.DomainEventType;
import org.jvirt.api.DomainState;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.RecordKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two threads race on one domain (issue 8, section 4): define, createXML, start, destroy and
 * undefine in random order, many rounds. After each round the host is consistent: the domain is
 * listed at most once, its state agrees with its info and its ID, it is persistent exactly when
 * the state store holds its definition, the store's status record agrees, the lifecycle events
 * replayed give the same picture, and a new driver instance rebuilds the same host. The only
 * errors are libvirt's for a domain in the wrong state or gone.
 */
class DomainRaceTest {
    private static final int ROUNDS = 150;
    private static final int OPS_PER_ROUND = 4;
    private static final String NAME = "race";
    private static final UUID UUID_ = UUID.fromString("5a5a5a5a-0000-4000-8000-000000000001");
    private static final String XML = "<domain type='test'><name>" + NAME + "</name><uuid>" + UUID_
            + "</uuid><memory>4096</memory><vcpu>1</vcpu><os><type>hvm</type></os></domain>";

    /** The errors a racing call may meet: libvirt's, for the state the other thread left. */
    private static final Map<ErrorCode, Set<String>> EXPECTED = Map.of(
            ErrorCode.NO_DOMAIN, Set.of(),
            ErrorCode.OPERATION_INVALID, Set.of("Requested operation is not valid: domain is not running",
                    "Requested operation is not valid: domain '" + NAME + "' is already active"),
            ErrorCode.INTERNAL_ERROR, Set.of("internal error: Domain '" + NAME + "' is already running"));

    @TempDir
    Path stateDir;

    private enum Op { DEFINE, CREATE_XML, START, DESTROY, UNDEFINE }

    /** What the events say: does the domain exist, is it persistent, is it running. */
    private static final class Model {
        boolean exists;
        boolean persistent;
        boolean active;

        void apply(DomainEvent e) {
            switch (e.type()) {
                case DEFINED -> {
                    exists = true;
                    persistent = true;
                }
                case UNDEFINED -> {
                    // libvirt's test driver undefines a running transient domain too (no error)
                    assertTrue(exists, "UNDEFINED of a domain that does not exist");
                    persistent = false;
                    exists = active;
                }
                case STARTED -> {
                    assertFalse(active, "STARTED while running");
                    exists = true;
                    active = true;
                }
                case STOPPED -> {
                    assertTrue(active, "STOPPED while not running");
                    active = false;
                    exists = persistent;
                }
                default -> { }
            }
        }

        String describe() {
            return exists ? (persistent ? "persistent" : "transient") + (active ? " running" : " shut off") : "none";
        }
    }

    @Test
    @Timeout(value = 300, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a deadlock fails, not hangs
    void twoThreadsRacingOnOneDomainAlwaysLeaveItConsistent() throws Exception {
        race(false);
    }

    /** The same race while one call in six meets a failing store write: a failed call changes nothing. */
    @Test
    @Timeout(value = 300, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void theRaceStaysConsistentWhenStoreWritesFail() throws Exception {
        race(true);
    }

    private void race(boolean faults) throws Exception {
        FaultyStore[] faulty = new FaultyStore[1];
        try (Fixture f = new Fixture(stateDir, s -> faulty[0] = new FaultyStore(s), c -> c);
             Connection checker = f.open()) {
            BlockingQueue<DomainEvent> events = new LinkedBlockingQueue<>();
            checker.addLifecycleListener((d, e) -> {
                if (e.uuid().equals(UUID_)) {
                    events.add(e);
                }
            });
            Model model = new Model();
            Queue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
            Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
            CyclicBarrier start = new CyclicBarrier(2);
            CyclicBarrier end = new CyclicBarrier(3);
            List<Thread> racers = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                Random random = new Random(42 + t);
                Thread racer = new Thread(() -> {
                    try (Connection c = f.open()) {
                        for (int round = 0; round < ROUNDS; round++) {
                            start.await(30, TimeUnit.SECONDS);
                            for (int i = 0; i < OPS_PER_ROUND; i++) {
                                Op op = Op.values()[random.nextInt(Op.values().length)];
                                if (faults && random.nextInt(6) == 0) {
                                    faulty[0].failChange(1 + random.nextInt(3), false);
                                }
                                outcomes.computeIfAbsent(op + " " + run(c, op, unexpected), k -> new AtomicInteger())
                                        .incrementAndGet();
                            }
                            end.await(30, TimeUnit.SECONDS);
                            end.await(30, TimeUnit.SECONDS); // the checker is done
                        }
                    } catch (Exception e) {
                        unexpected.add(e);
                    }
                }, "racer-" + t);
                racer.start();
                racers.add(racer);
            }
            for (int round = 0; round < ROUNDS; round++) {
                end.await(30, TimeUnit.SECONDS);
                String state = check(f, checker, "round " + round);
                awaitModel(events, model, state, "round " + round);
                if (faults) {
                    faulty[0].heal(); // an armed failure left over must not hit the driver update
                }
                if (round % 50 == 49) {
                    f.updateDriver();
                    assertEquals(state, check(f, checker, "round " + round + " after a driver update"));
                }
                assertTrue(unexpected.isEmpty(), "unexpected failures: " + unexpected);
                end.await(30, TimeUnit.SECONDS);
            }
            for (Thread r : racers) {
                r.join(30_000);
            }
            unexpected.forEach(Throwable::printStackTrace);
            assertTrue(unexpected.isEmpty(), "unexpected failures: " + unexpected);
            System.out.printf("domain race (test driver%s): %d rounds x 2 threads x %d calls; outcomes %s%n",
                    faults ? ", failing store writes" : "", ROUNDS, OPS_PER_ROUND, new TreeMap<>(outcomes));
            for (Op op : Op.values()) {
                assertTrue(outcomes.containsKey(op + " ok"), op + " never succeeded: " + outcomes);
            }
        }
    }

    /** Runs one call; returns "ok" or the error code it met, recording any error not expected. */
    private static String run(Connection c, Op op, Queue<Throwable> unexpected) {
        try {
            switch (op) {
                case DEFINE -> c.defineXml(XML, 0);
                case CREATE_XML -> c.createXml(XML, 0);
                case START -> c.lookupByUuid(UUID_).create(0);
                case DESTROY -> c.lookupByUuid(UUID_).destroy(0);
                case UNDEFINE -> c.lookupByUuid(UUID_).undefine(0);
                default -> throw new IllegalStateException(op.name());
            }
            return "ok";
        } catch (VirtException e) {
            Set<String> messages = e.code() == ErrorCode.WRITE_FAILED ? Set.of() : EXPECTED.get(e.code());
            if (messages == null || !messages.isEmpty() && !messages.contains(e.getMessage())) {
                unexpected.add(new AssertionError(op + ": " + e.code() + " " + e.getMessage(), e));
            }
            return e.code().name();
        } catch (RuntimeException e) {
            unexpected.add(e);
            return e.getClass().getSimpleName();
        }
    }

    /** Asserts the host is consistent; returns what it holds (for comparison). */
    private static String check(Fixture f, Connection c, String when) throws VirtException {
        List<Domain> listed = c.listAllDomains(0).stream().filter(d -> d.uuid().equals(UUID_)).toList();
        long byName = c.listAllDomains(0).stream().filter(d -> d.name().equals(NAME)).count();
        assertTrue(listed.size() <= 1 && byName == listed.size(), when + ": listed " + listed.size() + " times");
        Optional<byte[]> config = f.store.read(StoreJournal.DRIVER, RecordKind.CONFIG, UUID_.toString());
        Optional<byte[]> status = f.store.read(StoreJournal.DRIVER, RecordKind.STATUS, UUID_.toString());
        if (listed.isEmpty()) {
            try {
                c.lookupByUuid(UUID_);
                fail(when + ": not listed but found");
            } catch (VirtException e) {
                assertEquals(ErrorCode.NO_DOMAIN, e.code(), when);
            }
            assertFalse(config.isPresent() || status.isPresent(), when + ": records of a domain that is gone");
            return "none";
        }
        Domain d = listed.get(0);
        DomainState state = d.state().state();
        assertEquals(state, d.info().state(), when + ": state and info disagree");
        boolean active = state != DomainState.SHUTOFF;
        assertEquals(active, d.id() != -1, when + ": state " + state + " with id " + d.id());
        assertEquals(active, d.isActive(), when);
        boolean persistent = d.isPersistent();
        assertEquals(persistent, config.isPresent(), when + ": persistent=" + persistent + " but config record "
                + (config.isPresent() ? "present" : "absent"));
        assertTrue(persistent || active, when + ": a transient domain that is not running");
        assertTrue(status.isPresent(), when + ": no status record");
        StatusRecord record = StatusRecord.fromBytes(UUID_.toString(), status.get());
        assertEquals(state, record.state(), when + ": the status record says " + record.state());
        assertEquals(d.id(), record.id(), when + ": the status record's id");
        return (persistent ? "persistent" : "transient") + (active ? " running" : " shut off");
    }

    /** Replays the events that arrived; they must tell what the host shows (they come asynchronously). */
    private static void awaitModel(BlockingQueue<DomainEvent> events, Model model, String observed, String when)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!model.describe().equals(observed)) {
            DomainEvent e = events.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (e == null) {
                fail(when + ": the events say '" + model.describe() + "', the host shows '" + observed + "'");
            }
            model.apply(e);
        }
    }
}
