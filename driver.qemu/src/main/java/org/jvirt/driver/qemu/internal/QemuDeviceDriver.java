package org.jvirt.driver.qemu.internal;

import org.jvirt.api.ModificationFlag;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainDeviceDriver;
import org.jvirt.api.spi.DomainRef;

/** The device calls of a {@link QemuConnection}: each finds its domain and hands it to {@link DeviceCalls}. */
final class QemuDeviceDriver implements DomainDeviceDriver {
    private final DomainLookup lookup;
    private final DeviceCalls devices;

    QemuDeviceDriver(DomainLookup lookup, DeviceCalls devices) {
        this.lookup = lookup;
        this.devices = devices;
    }

    /** qemuDomainAttachDevice: the live guest (VIR_DOMAIN_AFFECT_LIVE). */
    @Override
    public void attachDevice(DomainRef ref, String xml) throws VirtException {
        devices.attach(lookup.find(ref), xml, ModificationFlag.LIVE.bit());
    }

    @Override
    public void attachDeviceFlags(DomainRef ref, String xml, int flags) throws VirtException {
        devices.attach(lookup.find(ref), xml, flags);
    }

    /** qemuDomainDetachDevice: the live guest (VIR_DOMAIN_AFFECT_LIVE). */
    @Override
    public void detachDevice(DomainRef ref, String xml) throws VirtException {
        devices.detach(lookup.find(ref), xml, ModificationFlag.LIVE.bit());
    }

    @Override
    public void detachDeviceFlags(DomainRef ref, String xml, int flags) throws VirtException {
        devices.detach(lookup.find(ref), xml, flags);
    }

    @Override
    public void updateDeviceFlags(DomainRef ref, String xml, int flags) throws VirtException {
        devices.update(lookup.find(ref), xml, flags);
    }
}
