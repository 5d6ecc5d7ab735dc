package org.jvirt.driver.qemu.internal;

import java.util.List;

import org.jvirt.api.TypedParameter;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.InterfaceTuningDriver;

/** The domiftune calls of a {@link QemuConnection}: each finds its domain and hands it to {@link InterfaceTuning}. */
final class QemuInterfaceTuningDriver implements InterfaceTuningDriver {
    private final DomainLookup lookup;
    private final InterfaceTuning tuning;

    QemuInterfaceTuningDriver(DomainLookup lookup, InterfaceTuning tuning) {
        this.lookup = lookup;
        this.tuning = tuning;
    }

    @Override
    public List<TypedParameter> interfaceParameters(DomainRef ref, String device, int flags) throws VirtException {
        return tuning.get(lookup.find(ref), device, flags);
    }

    @Override
    public int interfaceParameterCount(DomainRef ref, String device, int flags) throws VirtException {
        return tuning.count(lookup.find(ref), flags);
    }

    @Override
    public void setInterfaceParameters(DomainRef ref, String device, List<TypedParameter> params, int flags)
            throws VirtException {
        tuning.set(lookup.find(ref), device, params, flags);
    }
}
