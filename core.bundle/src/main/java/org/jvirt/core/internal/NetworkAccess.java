package org.jvirt.core.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.Network;
import org.jvirt.api.NetworkEvent;
import org.jvirt.api.NetworkEventListener;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DriverConnection;
import org.jvirt.api.spi.NetworkDriver;
import org.jvirt.api.spi.NetworkDriverConnection;
import org.jvirt.api.spi.NetworkEventSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which network driver a connection's network calls go to, libvirt's secondary driver choice (as
 * {@link SecretAccess} for secrets): the hypervisor driver connection's own
 * ({@link DriverConnection#ownNetworks()}: the remote driver), else the host's shared
 * {@link NetworkDriver} service when the driver uses it, else none (libvirt's NO_SUPPORT). The
 * shared driver's connection is opened on first use and again when the service is replaced. Also
 * keeps the connection's network event listeners, called on the connection's event thread.
 */
final class NetworkAccess {
    private static final Logger LOG = LoggerFactory.getLogger(NetworkAccess.class);

    private final Supplier<NetworkDriver> shared;
    private final int openFlags;
    private final EventFanout thread;
    private final Function<NetworkEvent, Network> networks;
    private final Map<Integer, NetworkEventListener> listeners = new ConcurrentSkipListMap<>();
    private final AtomicInteger nextId = new AtomicInteger(1);
    private final NetworkEventSink sink = this::enqueue;
    private NetworkDriver openedFrom;
    private NetworkDriverConnection sharedConnection;
    private NetworkDriverConnection sinkHolder;

    NetworkAccess(Supplier<NetworkDriver> shared, int openFlags, EventFanout thread,
                  Function<NetworkEvent, Network> networks) {
        this.shared = shared;
        this.openFlags = openFlags;
        this.thread = thread;
        this.networks = networks;
    }

    /** The network driver for calls through {@code dc}, as the libvirt function {@code function}. */
    synchronized NetworkDriverConnection resolve(DriverConnection dc, String function) throws VirtException {
        NetworkDriverConnection nc = dc.ownNetworks().orElse(null);
        if (nc == null && dc.usesSharedNetworks()) {
            nc = sharedConnection();
        }
        if (nc == null) {
            throw new VirtException(ErrorCode.NO_SUPPORT, ErrorDomain.NETWORK, function);
        }
        if (!listeners.isEmpty() && sinkHolder != nc) {
            nc.setEventSink(sink);
            sinkHolder = nc;
        }
        return nc;
    }

    private NetworkDriverConnection sharedConnection() throws VirtException {
        NetworkDriver now = shared.get();
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
    synchronized int add(NetworkEventListener listener) {
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

    private void enqueue(NetworkEvent event) {
        if (event != null && !listeners.isEmpty()) {
            thread.submit(() -> deliver(event));
        }
    }

    private void deliver(NetworkEvent event) {
        if (listeners.isEmpty()) {
            return;
        }
        Network network = networks.apply(event);
        for (Map.Entry<Integer, NetworkEventListener> e : listeners.entrySet()) {
            try {
                e.getValue().onNetworkEvent(network, event);
            } catch (RuntimeException | Error ex) { // one listener's failure must not cost the others this event
                LOG.warn("network listener {} failed on {}", e.getKey(), event, ex);
            }
        }
    }
}
