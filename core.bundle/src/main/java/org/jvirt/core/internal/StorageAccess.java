package org.jvirt.core.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.StoragePool;
import org.jvirt.api.StoragePoolEvent;
import org.jvirt.api.StoragePoolEventListener;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DriverConnection;
import org.jvirt.api.spi.StorageDriver;
import org.jvirt.api.spi.StorageDriverConnection;
import org.jvirt.api.spi.StorageEventSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which storage driver a connection's storage calls go to, libvirt's secondary driver choice: the
 * hypervisor driver connection's own ({@link DriverConnection#ownStorage()}: the remote driver),
 * else the host's shared {@link StorageDriver} service when the driver uses it, else none (calls fail
 * with libvirt's NO_SUPPORT, as for libvirt's test driver). The shared driver's connection is
 * opened on first use and again when the service is replaced. Also keeps the connection's storage pool
 * event listeners, called on the connection's event thread.
 */
final class StorageAccess {
    private static final Logger LOG = LoggerFactory.getLogger(StorageAccess.class);

    private final Supplier<StorageDriver> shared;
    private final int openFlags;
    private final EventFanout thread;
    private final Function<StoragePoolEvent, StoragePool> pools;
    private final Map<Integer, StoragePoolEventListener> listeners = new ConcurrentSkipListMap<>();
    private final AtomicInteger nextId = new AtomicInteger(1);
    private final StorageEventSink sink = this::enqueue;
    private StorageDriver openedFrom;
    private StorageDriverConnection sharedConnection;
    private StorageDriverConnection sinkHolder;

    StorageAccess(Supplier<StorageDriver> shared, int openFlags, EventFanout thread, Function<StoragePoolEvent, StoragePool> pools) {
        this.shared = shared;
        this.openFlags = openFlags;
        this.thread = thread;
        this.pools = pools;
    }

    /** The storage driver for calls through {@code dc}, as the libvirt function {@code function}. */
    synchronized StorageDriverConnection resolve(DriverConnection dc, String function) throws VirtException {
        StorageDriverConnection sc = dc.ownStorage().orElse(null);
        if (sc == null && dc.usesSharedStorage()) {
            sc = sharedConnection();
        }
        if (sc == null) {
            throw new VirtException(ErrorCode.NO_SUPPORT, ErrorDomain.STORAGE, function);
        }
        if (!listeners.isEmpty() && sinkHolder != sc) {
            sc.setEventSink(sink);
            sinkHolder = sc;
        }
        return sc;
    }

    private StorageDriverConnection sharedConnection() throws VirtException {
        StorageDriver now = shared.get();
        if (now != openedFrom) {
            if (sharedConnection != null) {
                sharedConnection.close();
            }
            sharedConnection = now == null ? null : now.open(openFlags);
            openedFrom = now;
            sinkHolder = null;
        }
        return sharedConnection;
    }

    /** Adds a listener; the caller then resolves the driver so that it gets the sink. */
    synchronized int add(StoragePoolEventListener listener) {
        int id = nextId.getAndIncrement();
        listeners.put(id, listener);
        sinkHolder = null;
        return id;
    }

    synchronized boolean remove(int callbackId) {
        boolean removed = listeners.remove(callbackId) != null;
        if (listeners.isEmpty() && sinkHolder != null) {
            sinkHolder.setEventSink(null);
            sinkHolder = null;
        }
        return removed;
    }

    synchronized void close() {
        listeners.clear();
        if (sinkHolder != null) {
            sinkHolder.setEventSink(null);
        }
        if (sharedConnection != null) {
            sharedConnection.close();
        }
        sharedConnection = null;
        openedFrom = null;
        sinkHolder = null;
    }

    private void enqueue(StoragePoolEvent event) {
        if (event != null && !listeners.isEmpty()) {
            thread.submit(() -> deliver(event));
        }
    }

    private void deliver(StoragePoolEvent event) {
        if (listeners.isEmpty()) {
            return;
        }
        StoragePool pool = pools.apply(event);
        for (Map.Entry<Integer, StoragePoolEventListener> e : listeners.entrySet()) {
            try {
                e.getValue().onStoragePoolEvent(pool, event);
            } catch (RuntimeException | Error ex) { // one listener's failure must not cost the others this event
                LOG.warn("storage pool listener {} failed on {}", e.getKey(), event, ex);
            }
        }
    }
}
