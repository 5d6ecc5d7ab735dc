package org.jvirt.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives domain events of one connection: lifecycle events and reboots (libvirt's
 * VIR_DOMAIN_EVENT_ID_LIFECYCLE and VIR_DOMAIN_EVENT_ID_REBOOT). Called on a jvirt event thread,
 * one event at a time in the order the driver raised them; it must not block for long.
 */
@ConsumerType
@FunctionalInterface
public interface DomainEventListener {
    void onLifecycle(Domain domain, DomainEvent event);

    /**
     * The guest of {@code domain} was reset (it rebooted, was rebooted by {@link Domain#reboot}
     * or reset): libvirt's reboot event. The domain keeps running, so no lifecycle event comes
     * with it. Does nothing unless overridden.
     */
    default void onReboot(Domain domain) {
    }
}
