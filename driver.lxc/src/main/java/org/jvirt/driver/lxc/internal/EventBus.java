package org.jvirt.driver.lxc.internal;

import java.util.concurrent.CopyOnWriteArraySet;

import org.jvirt.api.DomainEvent;
import org.jvirt.api.DomainEventType;
import org.jvirt.api.spi.DomainEventSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Delivers lifecycle events to the sinks of every open connection. */
final class EventBus {
    private static final Logger LOG = LoggerFactory.getLogger(EventBus.class);

    private final CopyOnWriteArraySet<DomainEventSink> sinks = new CopyOnWriteArraySet<>();

    void add(DomainEventSink sink) {
        sinks.add(sink);
    }

    void remove(DomainEventSink sink) {
        sinks.remove(sink);
    }

    /** libvirt's VIR_DOMAIN_EVENT_ID_REBOOT: the container's init was restarted, the domain keeps running. */
    void reboot(LxcDomain dom) {
        LOG.debug("reboot event for domain '{}'", dom.name());
        for (DomainEventSink s : sinks) {
            try {
                s.reboot(dom.ref());
            } catch (RuntimeException ex) {
                LOG.warn("event sink failed on the reboot of {}", dom.name(), ex);
            }
        }
    }

    /** {@code id} is the domain id at the time of the event (before a stop clears it). */
    void emit(LxcDomain dom, int id, DomainEventType type, int detail) {
        DomainEvent e = new DomainEvent(dom.name(), dom.uuid(), id, type, detail);
        LOG.debug("event {} {} for domain '{}'", type.label(), type.detailLabel(detail), dom.name());
        for (DomainEventSink s : sinks) {
            try {
                s.accept(e);
            } catch (RuntimeException ex) {
                LOG.warn("event sink failed on {}", e, ex);
            }
        }
    }
}
