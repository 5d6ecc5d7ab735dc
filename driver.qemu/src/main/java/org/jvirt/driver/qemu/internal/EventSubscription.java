package org.jvirt.driver.qemu.internal;

import org.jvirt.api.spi.DomainEventSink;

/**
 * A connection's registration on the host's {@link EventBus}: at most one sink, replaced as the
 * client asks, and none once the connection is closed.
 */
final class EventSubscription {
    private final EventBus events;
    private volatile DomainEventSink sink;
    private volatile boolean closed;

    EventSubscription(EventBus events) {
        this.events = events;
    }

    void setSink(DomainEventSink newSink) {
        DomainEventSink old = this.sink;
        if (old != null) {
            events.remove(old);
        }
        this.sink = newSink;
        if (newSink != null && !closed) {
            events.add(newSink);
        }
    }

    boolean isClosed() {
        return closed;
    }

    void close() {
        closed = true;
        setSink(null);
    }
}
