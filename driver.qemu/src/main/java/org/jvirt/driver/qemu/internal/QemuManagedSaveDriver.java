package org.jvirt.driver.qemu.internal;

import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.ManagedSaveDriver;

/** The managed save calls of a {@link QemuConnection}: each finds its domain and hands it to {@link ManagedSave}. */
final class QemuManagedSaveDriver implements ManagedSaveDriver {
    private final QemuHost host;
    private final DomainLookup lookup;
    private final ManagedSave managedSave;

    QemuManagedSaveDriver(QemuHost host, DomainLookup lookup) {
        this.host = host;
        this.lookup = lookup;
        this.managedSave = new ManagedSave(host);
    }

    @Override
    public void managedSave(DomainRef ref, int flags) throws VirtException {
        managedSave.save(lookup.find(ref), flags);
    }

    @Override
    public boolean hasManagedSaveImage(DomainRef ref, int flags) throws VirtException {
        QemuErrors.checkFlags(flags, 0, "qemuDomainHasManagedSaveImage");
        return ManagedSave.hasImage(host.context(), lookup.find(ref));
    }

    @Override
    public void managedSaveRemove(DomainRef ref, int flags) throws VirtException {
        managedSave.remove(lookup.find(ref), flags);
    }
}
