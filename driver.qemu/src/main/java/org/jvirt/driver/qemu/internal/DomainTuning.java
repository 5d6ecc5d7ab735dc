package org.jvirt.driver.qemu.internal;

/**
 * The tuning of a domain's cgroups and pinning (vCPU and emulator pinning, scheduler, memory and
 * blkio parameters), one object per concern, built together on one {@link TuneTarget}.
 */
record DomainTuning(VcpuPinning vcpuPins, SchedulerTuning scheduler, MemoryTuning memory, BlkioTuning blkio,
        EmulatorPinning emulatorPins) {

    static DomainTuning of(QemuHost host, GuestControl guests) {
        TuneTarget target = new TuneTarget(host);
        return new DomainTuning(new VcpuPinning(host, guests), new SchedulerTuning(target), new MemoryTuning(target),
                new BlkioTuning(target), new EmulatorPinning(target));
    }
}
