package org.jvirt.rpc.internal.server;

import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jvirt.rpc.internal.server.ServerSettings.Limits;
import org.jvirt.rpc.internal.wire.Message;
import org.jvirt.rpc.internal.wire.Programs;
import org.jvirt.rpc.internal.wire.RemoteProc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * libvirtd's worker pool ({@code virThreadPool}): {@code min_workers} threads started up front, up
 * to {@code max_workers} running calls, and {@code prio_workers} more that run only high-priority
 * calls, so a domain can still be destroyed while every worker is stuck. As in virThreadPool, a
 * worker is added only when a call finds none free (a plain ThreadPoolExecutor below its core size
 * starts a thread for every call, so an idle daemon would soon hold max_workers threads), and a
 * worker once started stays; the priority workers start when first needed.
 * <p>
 * The queue in front of the workers is bounded: a call waits there holding one of its client's
 * max_client_requests slots and the server has at most max_clients clients, so max_clients x
 * max_client_requests places always suffice. Should it ever be full anyway, {@link #submit}
 * refuses the call (the client then gets an error reply, not silence).
 */
final class WorkerPool implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerPool.class);

    /**
     * The calls that may run on a priority worker: what a client needs to get rid of a stuck
     * domain (connect, look up, destroy) and nothing that waits on a domain job, after the
     * {@code @priority: high} marks of libvirt's remote_protocol.x.
     */
    private static final Set<Integer> HIGH_PRIORITY = Set.of(
            RemoteProc.AUTH_LIST, RemoteProc.CONNECT_SUPPORTS_FEATURE, RemoteProc.CONNECT_OPEN,
            RemoteProc.CONNECT_CLOSE, RemoteProc.CONNECT_GET_URI, RemoteProc.CONNECT_GET_LIB_VERSION,
            RemoteProc.DOMAIN_LOOKUP_BY_ID, RemoteProc.DOMAIN_LOOKUP_BY_NAME, RemoteProc.DOMAIN_LOOKUP_BY_UUID,
            RemoteProc.DOMAIN_DESTROY, RemoteProc.DOMAIN_DESTROY_FLAGS);

    private final int maxWorkers;
    private final ThreadPoolExecutor workers;
    private final ThreadPoolExecutor prio;   // null without prio_workers
    private final int capacity;
    /** Calls given to the workers and not finished yet (queued or running). */
    private final AtomicInteger unfinished = new AtomicInteger();

    WorkerPool(Limits limits) {
        this.maxWorkers = limits.maxWorkers();
        this.capacity = limits.maxQueuedCalls();
        // the core size is the number of workers started so far (submit raises it), no time-out
        int min = Math.min(limits.minWorkers(), maxWorkers);
        workers = new ThreadPoolExecutor(min, maxWorkers, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(capacity), threads("jvirt-rpc-worker-"));
        workers.prestartAllCoreThreads();
        prio = limits.prioWorkers() == 0 ? null : new ThreadPoolExecutor(limits.prioWorkers(),
                limits.prioWorkers(), 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(capacity),
                threads("jvirt-rpc-prio-worker-"));
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            // jobs catch everything themselves; this only makes a bug there visible
            t.setUncaughtExceptionHandler((th, e) -> LOG.error("{} died", th.getName(), e));
            return t;
        };
    }

    /** True for a call of a procedure a priority worker may run. */
    static boolean highPriority(Message call) {
        return call.prog() == Programs.REMOTE && HIGH_PRIORITY.contains(call.proc());
    }

    /**
     * Queues {@code job}; a high-priority one goes to a priority worker when every worker is busy.
     *
     * @throws RejectedExecutionException when the pool is shut down or its queue is full
     */
    synchronized void submit(Runnable job, boolean highPriority) {
        if (highPriority && prio != null && workers.getActiveCount() >= maxWorkers) {
            prio.execute(job);
            return;
        }
        int started = workers.getPoolSize();
        // counted here, not with getActiveCount(): that also counts a started thread that has not
        // reached its run loop yet, and so started extra workers right after start-up
        if (started < maxWorkers && unfinished.get() >= started) {
            workers.setCorePoolSize(started + 1);   // no free worker: execute starts one for this call
        }
        unfinished.incrementAndGet();
        try {
            workers.execute(() -> {
                try {
                    job.run();
                } finally {
                    unfinished.decrementAndGet();
                }
            });
        } catch (RejectedExecutionException e) {
            unfinished.decrementAndGet();
            throw e;
        }
    }

    /** Calls waiting for a worker. */
    int queued() {
        return workers.getQueue().size() + (prio == null ? 0 : prio.getQueue().size());
    }

    /** How many calls may wait for a worker. */
    int capacity() {
        return capacity;
    }

    /** Calls given to the workers and not finished yet. */
    int busy() {
        return unfinished.get();
    }

    /** Threads started. */
    int threads() {
        return workers.getPoolSize();
    }

    boolean isShutdown() {
        return workers.isShutdown();
    }

    @Override
    public void close() {
        workers.shutdownNow();
        if (prio != null) {
            prio.shutdownNow();
        }
    }
}
