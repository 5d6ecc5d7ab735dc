package org.jvirt.itest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.jvirt.api.Connection;
import org.jvirt.api.Domain;

/**
 * A client that calls {@code listAllDomains} and {@code info} of every listed domain in a loop
 * on one connection, counting calls and failures, until stopped.
 */
final class ClientLoop implements Runnable {

    private final Connection conn;
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong longestCallNanos = new AtomicLong();
    private final List<String> firstFailures = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean running = true;
    private final Thread thread;

    ClientLoop(Connection conn) {
        this.conn = conn;
        this.thread = new Thread(this, "itest-client-loop");
        thread.setDaemon(true);
    }

    ClientLoop start() {
        thread.start();
        return this;
    }

    @Override
    public void run() {
        while (running) {
            List<Domain> domains = call(() -> conn.listAllDomains(0));
            if (domains == null) {
                continue;
            }
            for (Domain d : domains) {
                call(d::info);
            }
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
