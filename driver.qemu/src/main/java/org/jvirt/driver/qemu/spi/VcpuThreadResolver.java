package org.jvirt.driver.qemu.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Judges the host thread ids QEMU reports for a guest's vCPUs. QEMU gives one id per vCPU
 * ({@code query-cpus-fast}); with KVM or multi-threaded TCG each vCPU has its own thread, with
 * single-threaded TCG they share one, and older QEMU releases reported the emulator's main PID.
 * Only ids that really name one vCPU each may be used for vCPU info and pinning.
 * <p>
 * Register implementations as OSGi services; the QEMU driver binds the one with the highest
 * {@code service.ranking} (the built-in default has ranking 0) and asks it again at every
 * refresh (guest start, reattach, vCPU info and pinning requests, vCPU hotplug), so a new
 * resolver takes over without restarting the driver or any guest.
 * <p>
 * Implementations must be thread-safe, must not block, and must not throw: an id set they cannot
 * judge is {@link VcpuThreadResolution#unusable unusable}.
 */
@ConsumerType
public interface VcpuThreadResolver {

    /**
     * Decides which thread ids are usable.
     *
     * @param query the emulator PID and what QEMU reported for every vCPU; never null
     * @return usable ids per vCPU, or unusable with the reason; never null
     */
    VcpuThreadResolution resolve(VcpuThreadQuery query);
}
