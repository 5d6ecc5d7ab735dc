package org.jvirt.core.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.Secret;
import org.jvirt.api.SecretEvent;
import org.jvirt.api.SecretEventListener;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DriverConnection;
import org.jvirt.api.spi.SecretDriver;
import org.jvirt.api.spi.SecretDriverConnection;
import org.jvirt.api.spi.SecretEventSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which secret driver a connection's secret calls go to, libvirt's secondary driver choice: the
 * hypervisor driver connection's own ({@link DriverConnection#ownSecrets()}: the remote driver),
 * else the host's shared {@link SecretDriver} service when the driver uses it, else none (calls fail
 * with libvirt's NO_SUPPORT, as for libvirt's test driver). The shared driver's connection is
 * opened on first use and again when the service is replaced. Also keeps the connection's secret
 * event listeners, called on the connection's event thread.
 */
final class SecretAccess {
    private static final Logger LOG = LoggerFactory.getLogger(SecretAccess.class);

    private final Supplier<SecretDriver> shared;
    private final int openFlags;
    private final EventFanout thread;
    private final Function<SecretEvent, Secret> secrets;
    private final Map<Integer, SecretEventListener> listeners = new ConcurrentSkipListMap<>();
    private final AtomicInteger nextId = new AtomicInteger(1);
    private final SecretEventSink sink = this::enqueue;
    private SecretDriver openedFrom;
    private SecretDriverConnection sharedConnection;
    private SecretDriverConnection sinkHolder;

    SecretAccess(Supplier<SecretDriver> shared, int openFlags, EventFanout thread, Function<SecretEvent, Secret> secrets) {
        this.shared = shared;
        this.openFlags = openFlags;
        this.thread = thread;
        this.secrets = secrets;
    }

    /** The secret driver for calls through {@code dc}, as the libvirt function {@code function}. */
    synchronized SecretDriverConnection resolve(DriverConnection dc, String function) throws VirtException {
        SecretDriverConnection sc = dc.ownSecrets().orElse(null);
        if (sc == null && dc.usesSharedSecrets()) {
            sc = sharedConnection();
        }
        if (sc == null) {
            throw new VirtException(ErrorCode.NO_SUPPORT, ErrorDomain.SECRET, function);
        }
        if (!listeners.isEmpty() && sinkHolder != sc) {
            sc.setEventSink(sink);
            sinkHolder = sc;
        }
        return sc;
    }

    private SecretDriverConnection sharedConnection() throws VirtException {
        SecretDriver now = shared.get();
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
    synchronized int add(SecretEventListener listener) {
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

    private void enqueue(SecretEvent event) {
        if (event != null && !listeners.isEmpty()) {
            thread.submit(() -> deliver(event));
        }
    }

    private void deliver(SecretEvent event) {
        if (listeners.isEmpty()) {
            return;
        }
        Secret secret = secrets.apply(event);
        for (Map.Entry<Integer, SecretEventListener> e : listeners.entrySet()) {
            try {
                e.getValue().onSecretEvent(secret, event);
            } catch (RuntimeException | Error ex) { // one listener's failure must not cost the others this event
                LOG.warn("secret listener {} failed on {}", e.getKey(), event, ex);
            }
        }
    }
}
