package org.jvirt.driver.qemu.internal;

import java.util.Optional;

import org.jvirt.api.spi.BlockStatsDriver;
import org.jvirt.api.spi.DomainDeviceDriver;
import org.jvirt.api.spi.DomainSaveDriver;
import org.jvirt.api.spi.DriverConnection;
import org.jvirt.api.spi.InterfaceTuningDriver;
import org.jvirt.api.spi.ManagedSaveDriver;

/**
 * The call groups a QEMU connection hands out (devices, interface tuning, block statistics,
 * managed save, save to a file), each a class of its own; {@link QemuConnection} adds the calls
 * of {@link DriverConnection} itself.
 */
abstract class QemuCallGroups implements DriverConnection {
    private final QemuManagedSaveDriver managedSave;
    private final QemuInterfaceTuningDriver ifaceTune;
    private final QemuDeviceDriver devices;
    private final DiskIoCounters blockStats;
    private final QemuSaves saves;

    QemuCallGroups(QemuHost host, Definitions definitions, DomainLookup lookup) {
        this.managedSave = new QemuManagedSaveDriver(host, lookup);
        this.ifaceTune = new QemuInterfaceTuningDriver(lookup,
                new InterfaceTuning(new TuneTarget(host), host.context().networks().bandwidth()));
        this.devices = new QemuDeviceDriver(lookup, new DeviceCalls(host, definitions));
        this.blockStats = new DiskIoCounters(lookup);
        this.saves = new QemuSaves(host, lookup, definitions);
    }

    @Override
    public Optional<DomainDeviceDriver> ownDevices() {
        return Optional.of(devices);
    }

    @Override
    public Optional<InterfaceTuningDriver> ownInterfaceTuning() {
        return Optional.of(ifaceTune);
    }

    @Override
    public Optional<BlockStatsDriver> ownBlockStats() {
        return Optional.of(blockStats);
    }

    @Override
    public Optional<ManagedSaveDriver> ownManagedSave() {
        return Optional.of(managedSave);
    }

    @Override
    public Optional<DomainSaveDriver> ownSaves() {
        return Optional.of(saves);
    }
}
