package org.jvirt.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives domain events of one connection: lifecycle events, reboots and device removals
 * (libvirt's VIR_DOMAIN_EVENT_ID_LIFECYCLE, VIR_DOMAIN_EVENT_ID_REBOOT,
 * VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED and VIR_DOMAIN_EVENT_ID_DEVICE_REMOVAL_FAILED). Called on a jvirt event thread,
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

    /**
     * A device of the running {@code domain} is gone: the guest released it after a detach and the
     * hypervisor removed it (libvirt's device-removed event, sent once the removal is complete,
     * also when the detach call had returned before). {@code alias} is the device's alias as the
     * live XML showed it ({@code virtio-disk1}, {@code scsi0-0-0-1}), never null. Does nothing
     * unless overridden.
     *
     * @since 1.11
     */
    default void onDeviceRemoved(Domain domain, String alias) {
    }

    /**
     * The guest of {@code domain} refused to release the device {@code alias} that a detach asked
     * for (libvirt's device-removal-failed event); the device stays. Does nothing unless overridden.
     *
     * @since 1.11
     */
    default void onDeviceRemovalFailed(Domain domain, String alias) {
    }
}
