package org.jvirt.core.internal;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * While the daemon is starting, a client's request for a driver that is not registered yet waits
 * for it instead of failing: libvirtd likewise answers no client before its drivers have
 * initialised. jvirtd starts the RPC server and the test driver before the other drivers (start
 * levels, {@code cnf/run/felix.bnd}), so that a first client is answered while they still start;
 * a client of a later driver (or of the network, storage or secret driver) waits here until that
 * driver is registered or the start is over ({@link PendingDrivers}), at most the core's driver wait.
 * <p>
 * Outside a start (no framework, or all drivers' bundles started) nothing waits: a missing driver
 * is an error at once, as before.
 */
final class StartupWait {
    /** How often a waiter looks again whether the framework is still starting. */
    private static final long RECHECK_NANOS = Duration.ofMillis(100).toNanos();

    private final Object lock = new Object();
    private long registrations;
    private volatile BooleanSupplier starting = () -> false;

    /** {@code starting} answers whether the framework is still starting (the system bundle is STARTING). */
    void startingWhile(BooleanSupplier starting) {
        this.starting = starting;
    }

    boolean starting() {
        return starting.getAsBoolean();
    }

    /** A driver (or a secondary driver) was registered: waiters look again. */
    void registered() {
        synchronized (lock) {
            registrations++;
            lock.notifyAll();
        }
    }

    /** The count of registrations so far, to pass to {@link #awaitRegistration}. */
    long registrations() {
        synchronized (lock) {
            return registrations;
        }
    }

    /**
     * Waits until a registration after {@code seen} (see {@link #registrations()}), the end of the
     * start, or {@code deadline} ({@link System#nanoTime()}).
     *
     * @return true when something was registered and the caller should look again
     */
    boolean awaitRegistration(long seen, long deadline) throws InterruptedException {
        synchronized (lock) {
            while (registrations == seen) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !starting()) {
                    return false;
                }
                long nanos = Math.min(left, RECHECK_NANOS);
                lock.wait(nanos / 1_000_000, (int) (nanos % 1_000_000));
            }
            return true;
        }
    }

    /**
     * {@code driver}'s value, waiting while it is null and the framework is starting (at most
     * {@code wait}); null when there is none then.
     */
    <T> T awaitNonNull(Supplier<T> driver, Duration wait) {
        T value = driver.get();
        if (value != null || !starting()) {
            return value;
        }
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            while (value == null) {
                long seen = registrations();
                value = driver.get();
                if (value != null || !awaitRegistration(seen, deadline)) {
                    return value == null ? driver.get() : value;
                }
                value = driver.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return value;
    }
}
