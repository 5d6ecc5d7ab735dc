package org.jvirt.driver.test.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jvirt.api.Connection;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainEventType;
import org.jvirt.api.DomainState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many clients at once on {@code test:///default}: every start gets its own ID, every change its
 * event, and the store holds the final state.
 */
class ConcurrencyTest {
    private static final int THREADS = 6;
    private static final int ROUNDS = 15;

    @TempDir
    Path stateDir;

    @Test
    void parallelLifecyclesStayConsistent() throws Exception {
        try (Fixture fixture = new Fixture(stateDir); Connection watcher = fixture.open()) {
            AtomicInteger starts = new AtomicInteger();
            List<Integer> startedIds = new CopyOnWriteArrayList<>();
            watcher.addLifecycleListener((d, e) -> {
                if (e.type() == DomainEventType.STARTED) {
                    startedIds.add(e.id());
                }
            });
            Set<Integer> ids = ConcurrentHashMap.newKeySet();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                String name = "par" + t;
                work.add(pool.submit(() -> {
                    try (Connection c = fixture.open()) {
                        Domain d = c.defineXml("<domain type='test'><name>" + name + "</name><uuid>" + UUID.randomUUID()
                                + "</uuid><memory>1024</memory><os><type>hvm</type></os></domain>", 0);
                        for (int i = 0; i < ROUNDS; i++) {
                            d.create(0);
                            starts.incrementAndGet();
                            assertTrue(ids.add(d.id()), "ID " + d.id() + " handed out twice");
                            d.suspend();
                            d.resume();
                            d.destroy(0);
                        }
                        d.create(0);
                        starts.incrementAndGet();
                        assertTrue(ids.add(d.id()));
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
            assertEquals(THREADS * (ROUNDS + 1), ids.size());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (startedIds.size() < starts.get() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(Set.copyOf(ids), Set.copyOf(startedIds), "one STARTED event per start, with its ID");

            fixture.updateDriver();
            try (Connection c = fixture.open()) {
                assertEquals(THREADS + 1, c.listAllDomains(0).size());
                for (int t = 0; t < THREADS; t++) {
                    Domain d = c.lookupByName("par" + t);
                    assertEquals(DomainState.RUNNING, d.state().state());
                    assertTrue(ids.contains(d.id()));
                }
            }
        }
    }
}
