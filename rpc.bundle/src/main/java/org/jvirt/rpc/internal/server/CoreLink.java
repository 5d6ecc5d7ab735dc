package org.jvirt.rpc.internal.server;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.jvirt.api.ConnectionFactory;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

/**
 * The core the server reaches now: the {@link ConnectionFactory} service, bound dynamically.
 * <p>
 * The core is a bundle of its own that can be updated or restarted at runtime like a driver: its
 * service goes away and a new one comes. The server stays up meanwhile; whoever needs the core
 * waits for it, at most the configured core wait, and a {@link SessionConnection} opened on a
 * core that went away opens again on the one that replaced it. Thread-safe.
 */
final class CoreLink {
    /** Used when nothing is configured: as long as the core waits for a replacement driver. */
    static final Duration DEFAULT_WAIT = Duration.ofSeconds(15);

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private volatile ConnectionFactory current;  // changed under lock
    private volatile Duration wait;

    CoreLink(Duration wait) {
        this.wait = wait;
    }

    /** A link that has {@code core} already, for use without OSGi. */
    static CoreLink to(ConnectionFactory core) {
        CoreLink link = new CoreLink(DEFAULT_WAIT);
        link.bind(core);
        return link;
    }

    /** A core service appeared (or a better ranked one, which DS binds before unbinding the old one). */
    void bind(ConnectionFactory core) {
        change(core);
    }

    /** A core service went away; forgotten only if it is the current one. */
    void unbind(ConnectionFactory core) {
        lock.lock();
        try {
            if (current == core) {
                change(null);
            }
        } finally {
            lock.unlock();
        }
    }

    Duration waitTime() {
        return wait;
    }

    void waitTime(Duration newWait) {
        this.wait = newWait;
    }

    /** True while {@code core} is the bound core service. */
    boolean isCurrent(ConnectionFactory core) {
        return core != null && current == core;
    }

    /**
     * The core, waiting for one until {@code deadline} ({@link System#nanoTime()}).
     *
     * @throws VirtException {@link ErrorCode#NO_CONNECT} when no core is there in time,
     *                       {@link ErrorCode#OPERATION_ABORTED} when interrupted
     */
    ConnectionFactory await(long deadline, String uri) throws VirtException {
        lock.lock();
        try {
            while (current == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new VirtException(ErrorCode.NO_CONNECT, ErrorDomain.NONE, uri
                            + ": the jvirt core (org.jvirt.core) is not running; none came up within "
                            + wait.toMillis() + " ms");
                }
                changed.awaitNanos(left);
            }
            return current;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VirtException(ErrorCode.OPERATION_ABORTED, ErrorDomain.NONE,
                    "interrupted while waiting for the jvirt core for " + uri);
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the bound core changes or {@code nanos} pass, whichever comes first. */
    void awaitChange(ConnectionFactory seen, long nanos) throws InterruptedException {
        lock.lock();
        try {
            if (current == seen && nanos > 0) {
                changed.await(nanos, TimeUnit.NANOSECONDS);
            }
        } finally {
            lock.unlock();
        }
    }

    private void change(ConnectionFactory core) {
        lock.lock();
        try {
            current = core;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
