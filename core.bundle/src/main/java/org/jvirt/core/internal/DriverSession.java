package org.jvirt.core.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.jvirt.api.ConnectAuth;
import org.jvirt.api.ConnectUri;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DriverConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver connection that currently serves one facade, and the policy that keeps the facade
 * working across driver updates.
 * <p>
 * A session sticks to the driver it was opened on while that driver stays registered and its
 * connection alive. When the driver goes away (bundle stopped, updated or replaced), the next call
 * opens the URI on the best current driver, waiting up to the configured time for one to appear.
 * A call that fails because its driver went away during the call is repeated on the replacement
 * (within the same bounded wait) when it is safe to repeat ({@link RepeatableCalls}), so driver
 * updates cost readers no failed calls; a state change that may have reached the old driver is
 * not sent again.
 */
final class DriverSession {
    private static final Logger LOG = LoggerFactory.getLogger(DriverSession.class);

    private final DriverRegistry registry;
    private final DriverOpener opener;
    private final ConnectUri uri;
    private final int flags;
    /** The caller's credentials callback (null for none), for reopening on a replacement driver. */
    private final ConnectAuth auth;
    private final Supplier<Duration> driverWait;
    /** Serialises rebinding; callers wait for it with their own deadline (tryLock), never longer. */
    private final ReentrantLock bindLock = new ReentrantLock();
    private volatile Consumer<DriverConnection> onBind = dc -> { };
    private volatile Binding binding;
    private volatile boolean closed;
    private long generations;

    DriverSession(DriverRegistry registry, ConnectUri uri, ConnectAuth auth, int flags, Supplier<Duration> driverWait,
                  Binding initial) {
        this.auth = auth;
        this.registry = registry;
        this.opener = new DriverOpener(registry);
        this.uri = uri;
        this.flags = flags;
        this.driverWait = driverWait;
        this.binding = initial;
    }

    /** What to do with every new driver connection (e.g. set the event sink); runs under the bind lock. */
    void onBind(Consumer<DriverConnection> action) {
        this.onBind = action;
    }

    /**
     * Calls {@code op} on the current driver connection; if it fails because the driver went away,
     * again on the replacement, for as long as the configured driver wait allows (drivers may be
     * updated several times in a row, so one retry is not always enough). Only calls that
     * {@link RepeatableCalls} lists are repeated; any other gets the outcome of {@link Outcome#unknown()}.
     *
     * @param function the libvirt function name, for error messages and {@link RepeatableCalls}
     */
    <T> T call(String function, DriverCall<T> op) throws VirtException {
        return call(function, op, Outcome.unknown());
    }

    /**
     * As {@link #call(String, DriverCall)}; for a call that is not repeatable and was cut off by
     * its driver going away, {@code outcome} is read on the replacement: its result when it can
     * tell, else libvirt's OPERATION_FAILED saying the outcome is unknown. The call itself is
     * never sent twice.
     */
    <T> T call(String function, DriverCall<T> op, Outcome<T> outcome) throws VirtException {
        long deadline = System.nanoTime() + driverWait.get().toNanos();
        while (true) {
            Binding b = current(function);
            try {
                return op.apply(b);
            } catch (Throwable e) { // Errors too (a stack overflow in a driver): the caller gets INTERNAL_ERROR
                if (!isGone(b) || System.nanoTime() - deadline > 0) {
                    throw asVirt(function, b, e);
                }
                release(b);
                if (!RepeatableCalls.isRepeatable(function)) {
                    return outcomeOnReplacement(function, b, outcome, e);
                }
                LOG.debug("driver {} went away during {} on {}; repeating on its replacement",
                        b.entry().describe(), function, uri, e);
            }
        }
    }

    /** A state-changing call was cut off by its driver going away: what the replacement shows, if anything. */
    private <T> T outcomeOnReplacement(String function, Binding old, Outcome<T> outcome, Throwable cause)
            throws VirtException {
        String detail = "the driver " + old.entry().describe() + " of " + uri + " was replaced during " + function
                + "; the outcome is unknown";
        try {
            Optional<T> known = outcome.check(current(function));
            if (known.isPresent()) {
                LOG.info("driver {} went away during {} on {}; the replacement shows it done",
                        old.entry().describe(), function, uri);
                return known.get();
            }
        } catch (VirtException | RuntimeException | LinkageError e) {
            LOG.debug("cannot read the outcome of {} on the replacement driver: {}", function, e.toString());
        }
        LOG.warn("{}", detail, cause);
        throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.NONE, detail, cause);
    }

    /** The live binding, rebinding (with the bounded wait) when the bound driver is gone. */
    Binding current(String function) throws VirtException {
        Binding b = binding;
        if (b != null && !isGone(b)) {
            return b;
        }
        long deadline = System.nanoTime() + driverWait.get().toNanos();
        try {
            if (!bindLock.tryLock(driverWait.get().toNanos(), TimeUnit.NANOSECONDS)) {
                throw opener.noDriver(uri, "no driver for scheme '" + String.join("' or '", DriverRegistry.routingSchemes(uri))
                        + "' became available within " + driverWait.get().toMillis() + " ms");
            }
        } catch (InterruptedException e) {
            throw interrupted(function);
        }
        try {
            b = binding;
            if (b != null && !isGone(b)) {
                return b;
            }
            if (b != null) {
                release(b);
            }
            return rebind(function, deadline);
        } finally {
            bindLock.unlock();
        }
    }

    /** The current binding without waiting or rebinding; null when there is none or it is stale. */
    Binding peek() {
        Binding b = binding;
        return b != null && !isGone(b) ? b : null;
    }

    /** Rebinds without waiting if the bound driver is gone; true when a live binding exists. */
    boolean tryRebindNow() {
        if (peek() != null) {
            return true;
        }
        if (closed || !bindLock.tryLock()) {
            return false; // someone else is rebinding right now
        }
        try {
            return peek() != null || rebind("virConnectIsAlive", System.nanoTime()) != null;
        } catch (VirtException e) {
            LOG.debug("{} has no driver yet: {}", uri, e.getMessage());
            return false;
        } finally {
            bindLock.unlock();
        }
    }

    /** Called when a driver is unregistered: drops the binding to it at once. */
    void driverRemoved(DriverEntry entry) {
        Binding b = binding;
        if (b != null && b.entry().sameService(entry)) {
            release(b);
        }
    }

    boolean isClosed() {
        return closed;
    }

    void close() {
        closed = true;
        Binding b = binding;
        if (b != null) {
            release(b);
        }
        registry.poke(); // wakes callers waiting for a driver so they see the close
    }

    /** Opens the URI on the best driver, waiting until {@code deadline} (nanoTime) for one. Holds bindLock. */
    private Binding rebind(String function, long deadline) throws VirtException {
        while (true) {
            if (closed) {
                throw new VirtException(ErrorCode.INVALID_CONN, ErrorDomain.NONE, function);
            }
            long seen = registry.version();
            Optional<Binding> opened = opener.tryOpen(uri, auth, flags);
            if (opened.isPresent()) {
                Binding b = new Binding(opened.get().entry(), opened.get().connection(), ++generations);
                if (closed) {
                    release(b);
                    throw new VirtException(ErrorCode.INVALID_CONN, ErrorDomain.NONE, function);
                }
                try {
                    onBind.accept(b.connection());
                } catch (RuntimeException | Error e) {
                    release(b);
                    throw asVirt(function, b, e);
                }
                binding = b;
                LOG.info("{} is now served by driver {}", uri, b.entry().describe());
                return b;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw opener.noDriver(uri, registry.candidates(uri).isEmpty()
                        ? "no driver for scheme '" + String.join("' or '", DriverRegistry.routingSchemes(uri)) + "' appeared within "
                          + driverWait.get().toMillis() + " ms"
                        : null);
            }
            try {
                registry.awaitChange(seen, left);
            } catch (InterruptedException e) {
                throw interrupted(function);
            }
        }
    }

    private VirtException interrupted(String function) {
        Thread.currentThread().interrupt();
        return new VirtException(ErrorCode.OPERATION_ABORTED, ErrorDomain.NONE,
                function + " interrupted while waiting for a driver for " + uri);
    }

    private boolean isGone(Binding b) {
        if (!registry.isRegistered(b.entry())) {
            return true;
        }
        try {
            return !b.connection().isAlive();
        } catch (RuntimeException | Error e) {
            return true;
        }
    }

    /** Forgets a binding and closes its driver connection; never throws. */
    private void release(Binding b) {
        synchronized (this) {
            if (binding == b) {
                binding = null;
            }
        }
        try { // driver connections close idempotently, so a second release is harmless
            b.connection().setEventSink(null);
            b.connection().close();
        } catch (RuntimeException | Error e) {
            LOG.debug("closing the connection of departed driver {} failed", b.entry().describe(), e);
        }
    }

    /**
     * A driver's unchecked exception or Error while it is still registered is a driver bug:
     * INTERNAL_ERROR naming the function, logged here once with its stack.
     */
    private static VirtException asVirt(String function, Binding b, Throwable e) {
        if (e instanceof VirtException v) {
            return v;
        }
        LOG.warn("driver {} failed in {}", b.entry().describe(), function, e);
        return new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.NONE,
                "driver " + b.entry().name() + " failed in " + function + ": " + e, e);
    }
}
