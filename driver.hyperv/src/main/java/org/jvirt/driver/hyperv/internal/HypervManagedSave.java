package org.jvirt.driver.hyperv.internal;

import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.ManagedSaveDriver;
import org.jvirt.driver.hyperv.internal.wsman.HypervErrors;

/** The managed save calls of a {@link HypervConnection}: Hyper-V's saved state (see {@link VmOps}). */
final class HypervManagedSave implements ManagedSaveDriver {
    private final VmInventory vms;
    private final VmOps ops;

    HypervManagedSave(VmInventory vms, VmOps ops) {
        this.vms = vms;
        this.ops = ops;
    }

    @Override
    public void managedSave(DomainRef dom, int flags) throws VirtException {
        HypervErrors.checkFlags(flags, 0, "hypervDomainManagedSave");
        ops.managedSave(vms.of(dom));
    }

    @Override
    public boolean hasManagedSaveImage(DomainRef dom, int flags) throws VirtException {
        HypervErrors.checkFlags(flags, 0, "hypervDomainHasManagedSaveImage");
        return VmOps.hasManagedSaveImage(vms.of(dom));
    }

    @Override
    public void managedSaveRemove(DomainRef dom, int flags) throws VirtException {
        HypervErrors.checkFlags(flags, 0, "hypervDomainManagedSaveRemove");
        ops.managedSaveRemove(vms.of(dom));
    }
}
