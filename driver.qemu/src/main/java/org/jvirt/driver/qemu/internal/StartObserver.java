package org.jvirt.driver.qemu.internal;

import org.jvirt.driver.qemu.internal.domain.QemuDomainObj;

/**
 * Told when a guest start passes each of its steps, under the domain's lock. The driver observes
 * nothing ({@link #NONE}); crash tests stop a daemon at a chosen step to kill it there.
 */
@FunctionalInterface
public interface StartObserver {
    /** The steps, in order. */
    enum Stage {
        /** The emulator runs (paused, {@code -S}); the status record names its pid. */
        SPAWNED,
        /** The QMP monitor is connected. */
        MONITOR_CONNECTED,
        /** vCPU threads are known, pinned and recorded: the last step before {@code cont}. */
        VCPUS_READY,
        /** {@code cont} was answered; the status record does not say so yet. */
        CONTINUED,
        /** The start is complete and recorded. */
        STARTED
    }

    StartObserver NONE = (stage, dom) -> {
    };

    void reached(Stage stage, QemuDomainObj dom);
}
