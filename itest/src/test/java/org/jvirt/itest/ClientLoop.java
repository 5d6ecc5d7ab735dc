package org.jvirt.itest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.jvirt.api.Connection;
import org.jvirt.api.Domain;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.DriverConnection;

/**
 * A client that calls {@code listAllDomains} and {@code info} of every listed domain in a loop
 * on one connection, counting calls and failures, until stopped.
 */
final class ClientLoop implements Runnable {

    /** One round of calls, each made through {@link ClientLoop#call} so that it is counted. */
    private interface Round {
        void run(ClientLoop loop);
    }

    private final Round round;
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong longestCallNanos = new AtomicLong();
    private final List<String> firstFailures = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean running = true;
    private final Thread thread;

    /** A client of the core: a {@link Connection} from the {@code ConnectionFactory} service. */
    ClientLoop(Connection conn) {
        this(loop -> {
            List<Domain> domains = loop.call(() -> conn.listAllDomains(0));
            for (Domain d : domains == null ? List.<Domain>of() : domains) {
                loop.call(d::info);
            }
        }, "itest-client-loop");
    }

    private ClientLoop(Round round, String name) {
        this.round = round;
        this.thread = new Thread(this, name);
        thread.setDaemon(true);
    }

    /**
     * The same calls on a driver connection, not through the core: with the remote driver's
     * connection this is a libvirt client talking to jvirt's RPC server over the wire.
     */
    static ClientLoop on(DriverConnection conn) {
        return new ClientLoop(loop -> {
            List<DomainRef> domains = loop.call(() -> conn.listAllDomains(0));
            for (DomainRef d : domains == null ? List.<DomainRef>of() : domains) {
                loop.call(() -> conn.info(d));
            }
        }, "itest-driver-client-loop");
    }

    ClientLoop start() {
        thread.start();
        return this;
    }

    @Override
    public void run() {
        while (running) {
            round.run(this);
        }
    }

    /** Stops the loop and waits for its thread. */
    void stop() throws InterruptedException {
        running = false;
        thread.join(60_000);
        if (thread.isAlive()) {
            throw new AssertionError("client loop did not stop: " + describe());
        }
    }

    long calls() {
        return calls.get();
    }

    long failures() {
        return failures.get();
    }

    String describe() {
        return calls.get() + " client calls, " + failures.get() + " failed, longest call "
                + longestCallNanos.get() / 1_000_000 + " ms"
                + (firstFailures.isEmpty() ? "" : " (first failures: " + firstFailures + ")");
    }

    private <T> T call(Call<T> op) {
        long start = System.nanoTime();
        try {
            return op.call();
        } catch (Exception | LinkageError e) {
            failures.incrementAndGet();
            if (firstFailures.size() < 5) {
                firstFailures.add(e.toString());
            }
            return null;
        } finally {
            longestCallNanos.accumulateAndGet(System.nanoTime() - start, Math::max);
            calls.incrementAndGet();
        }
    }

    private interface Call<T> {
        T call() throws Exception;
    }
}
