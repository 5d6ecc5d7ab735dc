package org.jvirt.core.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DriverConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which driver of one secondary kind (secrets, networks, storage) a connection's calls of that kind
 * go to, libvirt's secondary driver choice: the hypervisor driver connection's own (the remote
 * driver's), else the host's shared driver service when the hypervisor driver uses it, else none
 * (calls fail with libvirt's NO_SUPPORT, as for libvirt's test driver). The shared driver's
 * connection is opened on first use and again when the service is replaced. Also keeps the
 * connection's event listeners of that kind, called on the connection's event thread.
 *
 * @param <D> the shared driver service
 * @param <C> a connection of that driver
 * @param <E> the driver's event
 * @param <L> the API's listener for those events
 */
abstract class SecondaryAccess<D, C, E, L> {
    private final Logger log = LoggerFactory.getLogger(getClass());

    private final Supplier<D> shared;
    private final int openFlags;
    private final EventFanout thread;
    private final ErrorDomain domain;
    private final Map<Integer, L> listeners = new ConcurrentSkipListMap<>();
    private final AtomicInteger nextId = new AtomicInteger(1);
    private final Consumer<E> sink = this::enqueue;
    private D openedFrom;
    private C sharedConnection;
    private C sinkHolder;

    SecondaryAccess(Supplier<D> shared, int openFlags, EventFanout thread, ErrorDomain domain) {
        this.shared = shared;
        this.openFlags = openFlags;
        this.thread = thread;
        this.domain = domain;
    }

    /** The hypervisor driver connection's own driver of this kind (the remote driver's). */
    abstract Optional<C> own(DriverConnection dc);

    /** Whether the hypervisor driver's calls of this kind go to the host's shared driver. */
    abstract boolean usesShared(DriverConnection dc);

    abstract C open(D driver, int flags) throws VirtException;

    abstract void close(C connection);

    /** Sets (or with null, removes) the connection's event sink. */
    abstract void setSink(C connection, Consumer<E> eventSink);

    /** Hands {@code event} to one listener, with the API object it is about. */
    abstract void notify(L listener, E event);

    /** The driver for calls through {@code dc}, as the libvirt function {@code function}. */
    synchronized C resolve(DriverConnection dc, String function) throws VirtException {
        C c = own(dc).orElse(null);
        if (c == null && usesShared(dc)) {
            c = sharedConnection();
        }
        if (c == null) {
            throw new VirtException(ErrorCode.NO_SUPPORT, domain, function);
        }
        if (!listeners.isEmpty() && sinkHolder != c) {
            setSink(c, sink);
            sinkHolder = c;
        }
        return c;
    }

    private C sharedConnection() throws VirtException {
        D now = shared.get();
        if (now != openedFrom) {
            if (sharedConnection != null) {
                close(sharedConnection);
            }
            sharedConnection = now == null ? null : open(now, openFlags);
            openedFrom = now;
            sinkHolder = null;
        }
        return sharedConnection;
    }

    /** Adds a listener; the caller then resolves the driver so that it gets the sink. */
    synchronized int add(L listener) {
        int id = nextId.getAndIncrement();
        listeners.put(id, listener);
        sinkHolder = null;
        return id;
    }

    synchronized boolean remove(int callbackId) {
        boolean removed = listeners.remove(callbackId) != null;
        if (listeners.isEmpty() && sinkHolder != null) {
            setSink(sinkHolder, null);
            sinkHolder = null;
        }
        return removed;
    }

    synchronized void close() {
        listeners.clear();
        if (sinkHolder != null) {
            setSink(sinkHolder, null);
        }
        if (sharedConnection != null) {
            close(sharedConnection);
        }
        sharedConnection = null;
        openedFrom = null;
        sinkHolder = null;
    }

    private void enqueue(E event) {
        if (event != null && !listeners.isEmpty()) {
            thread.submit(() -> deliver(event));
        }
    }

    private void deliver(E event) {
        for (Map.Entry<Integer, L> e : listeners.entrySet()) {
            try {
                notify(e.getValue(), event);
            } catch (RuntimeException | Error ex) { // one listener's failure must not cost the others this event
                log.warn("listener {} failed on {}", e.getKey(), event, ex);
            }
        }
    }
}
