package org.jvirt.driver.lxc.internal;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@link ContainerWatch} only while some container runs, so that an idle daemon has no
 * timer waking it up: a start or a reattach asks for it ({@link #ensure}), the watch gives it up
 * when it finds no running container ({@link #idleIfNoneActive}).
 */
final class WatchSchedule {
    private final ScheduledExecutorService executor;
    private final long intervalMs;
    private final LxcHost host;
    private Runnable watch;
    private ScheduledFuture<?> future;

    WatchSchedule(ScheduledExecutorService executor, long intervalMs, LxcHost host) {
        this.executor = executor;
        this.intervalMs = intervalMs;
        this.host = host;
    }

    synchronized void setWatch(Runnable newWatch) {
        this.watch = newWatch;
    }

    /** Some container runs: the watch must be scheduled. */
    synchronized void ensure() {
        if (watch != null && (future == null || future.isDone()) && !executor.isShutdown()) {
            future = executor.scheduleWithFixedDelay(watch, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
        }
    }

    /** Stops the watch when no container runs (checked again under the lock a start's {@link #ensure} takes). */
    synchronized void idleIfNoneActive() {
        if (future != null && host.all().stream().noneMatch(LxcDomain::isActive)) {
            future.cancel(false);
            future = null;
        }
    }
}
