package org.jvirt.driver.test.internal;

import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.ManagedSaveDriver;

/**
 * The managed save calls of a {@link TestConnection} (libvirt's testDomainManagedSave and friends),
 * kept in {@link DomainLifecycle} because a start consumes the image.
 */
final class TestManagedSave implements ManagedSaveDriver {
    private final DomainLifecycle lifecycle;

    TestManagedSave(DomainLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void managedSave(DomainRef dom, int flags) throws VirtException {
        lifecycle.managedSave(dom, flags);
    }

    @Override
    public boolean hasManagedSaveImage(DomainRef dom, int flags) throws VirtException {
        return lifecycle.hasManagedSaveImage(dom, flags);
    }

    @Override
    public void managedSaveRemove(DomainRef dom, int flags) throws VirtException {
        lifecycle.managedSaveRemove(dom, flags);
    }
}
