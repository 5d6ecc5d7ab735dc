package org.jvirt.driver.qemu.internal;

import java.util.concurrent.CopyOnWriteArraySet;

import org.jvirt.api.DomainEvent;
import org.jvirt.api.DomainEventType;
import org.jvirt.api.spi.DomainEventSink;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.driver.qemu.internal.domain.QemuDomainObj;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Delivers lifecycle, reboot and device-removal events to the sinks of every open connection of one host. */
public final class EventBus {
    private static final Logger LOG = LoggerFactory.getLogger(EventBus.class);

    private final CopyOnWriteArraySet<DomainEventSink> sinks = new CopyOnWriteArraySet<>();

    public void add(DomainEventSink sink) {
        sinks.add(sink);
    }

    public void remove(DomainEventSink sink) {
        sinks.remove(sink);
    }

    public void emit(QemuDomainObj dom, DomainEventType type, int detail) {
        emit(dom, dom.id(), type, detail);
    }

    /** {@code id} is the domain id at the time of the event (before a stop clears it). */
    public void emit(QemuDomainObj dom, int id, DomainEventType type, int detail) {
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

    /** libvirt's reboot event (virDomainEventRebootNewFromObj): the guest was reset and runs on. */
    public void reboot(QemuDomainObj dom) {
        DomainRef ref = new DomainRef(dom.name(), dom.uuid(), dom.id());
        LOG.debug("event reboot for domain '{}'", dom.name());
        for (DomainEventSink s : sinks) {
            try {
                s.reboot(ref);
            } catch (RuntimeException ex) {
                LOG.warn("event sink failed on the reboot of {}", ref, ex);
            }
        }
    }

    /** libvirt's virDomainEventDeviceRemovedNewFromObj: the device {@code alias} is gone from the running guest. */
    public void deviceRemoved(QemuDomainObj dom, String alias) {
        DomainRef ref = new DomainRef(dom.name(), dom.uuid(), dom.id());
        LOG.debug("event device-removed {} for domain '{}'", alias, dom.name());
        for (DomainEventSink s : sinks) {
            try {
                s.deviceRemoved(ref, alias);
            } catch (RuntimeException ex) {
                LOG.warn("event sink failed on the removal of {} from {}", alias, ref, ex);
            }
        }
    }

    /** libvirt's virDomainEventDeviceRemovalFailedNewFromObj: the guest refused to release {@code alias}. */
    public void deviceRemovalFailed(QemuDomainObj dom, String alias) {
        DomainRef ref = new DomainRef(dom.name(), dom.uuid(), dom.id());
        LOG.debug("event device-removal-failed {} for domain '{}'", alias, dom.name());
        for (DomainEventSink s : sinks) {
            try {
                s.deviceRemovalFailed(ref, alias);
            } catch (RuntimeException ex) {
                LOG.warn("event sink failed on the failed removal of {} from {}", alias, ref, ex);
            }
        }
    }
}
