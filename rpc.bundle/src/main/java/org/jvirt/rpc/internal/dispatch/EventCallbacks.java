package org.jvirt.rpc.internal.dispatch;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One client's event callback IDs. The ID is reserved before the listener is registered, so an
 * event that fires during registration already carries the right ID.
 */
public final class EventCallbacks {
    private final AtomicInteger next = new AtomicInteger();
    private final Map<Integer, Integer> listenerIds = new ConcurrentHashMap<>();

    int reserve() {
        return next.incrementAndGet();
    }

    void bind(int callbackId, int listenerId) {
        listenerIds.put(callbackId, listenerId);
    }

    /** The listener id of {@code callbackId}, removed; null when there is none. */
    Integer release(int callbackId) {
        return listenerIds.remove(callbackId);
    }
}
