package org.jvirt.api.spi;

import org.jvirt.api.DomainEvent;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Where a driver connection delivers domain events (lifecycle events, reboots, device removals). Must
 * not block.
 * <p>
 * The core implements it and drivers call it (like Event Admin, unlike a listener), so it is a
 * provider type: a method added here is a minor change of this package (only the core implements it).
 */
@ProviderType
@FunctionalInterface
public interface DomainEventSink {
    void accept(DomainEvent event);

    /**
     * The guest of {@code dom} was reset and keeps running (libvirt's VIR_DOMAIN_EVENT_ID_REBOOT).
     * A no-op by default, for sinks that deliver lifecycle events only.
     */
    default void reboot(DomainRef dom) {
    }

    /**
     * The device {@code alias} of the running guest {@code dom} was removed after a detach
     * (libvirt's VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED). A no-op by default.
     */
    default void deviceRemoved(DomainRef dom, String alias) {
    }

    /**
     * The guest {@code dom} refused to release the device {@code alias}
     * (libvirt's VIR_DOMAIN_EVENT_ID_DEVICE_REMOVAL_FAILED). A no-op by default.
     */
    default void deviceRemovalFailed(DomainRef dom, String alias) {
    }
}
