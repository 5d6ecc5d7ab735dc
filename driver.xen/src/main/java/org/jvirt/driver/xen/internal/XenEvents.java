package org.jvirt.driver.xen.internal;

import java.util.concurrent.CopyOnWriteArraySet;

import org.jvirt.api.DomainEvent;
import org.jvirt.api.DomainEventType;
import org.jvirt.api.spi.DomainEventSink;
import org.jvirt.api.spi.DomainRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Delivers domain events to the sinks of every open connection. */
final class XenEvents {
    private static final Logger LOG = LoggerFactory.getLogger(XenEvents.class);

    private final CopyOnWriteArraySet<DomainEventSink> sinks = new CopyOnWriteArraySet<>();

    void add(DomainEventSink sink) {
        sinks.add(sink);
    }

    void remove(DomainEventSink sink) {
        sinks.remove(sink);
    }

    void emit(XenDomain dom, DomainEventType type, int detail) {
        DomainRef ref = dom.ref();
        DomainEvent event = new DomainEvent(ref.name(), ref.uuid(), ref.id(), type, detail);
        LOG.debug("domain '{}': event {} {}", ref.name(), type, detail);
        for (DomainEventSink s : sinks) {
            try {
                s.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("an event sink failed on {}: {}", event, e.getMessage());
            }
        }
    }

    /** Xen restarted the guest (new domain id, same domain): libvirt's reboot event. */
    void reboot(XenDomain dom) {
        for (DomainEventSink s : sinks) {
            try {
                s.reboot(dom.ref());
            } catch (RuntimeException e) {
                LOG.warn("an event sink failed on the reboot of '{}': {}", dom.name(), e.getMessage());
            }
        }
    }
}
