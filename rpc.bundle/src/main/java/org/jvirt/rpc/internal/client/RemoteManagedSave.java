package org.jvirt.rpc.internal.client;

import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.ManagedSaveDriver;
import org.jvirt.rpc.internal.wire.RemoteProc;

/** The remote daemon's managed save calls: one RPC each (as libvirt's remote driver). */
final class RemoteManagedSave implements ManagedSaveDriver {
    private final RemoteCalls rpc;

    RemoteManagedSave(RemoteCalls rpc) {
        this.rpc = rpc;
    }

    @Override
    public void managedSave(DomainRef dom, int flags) throws VirtException {
        rpc.call(RemoteProc.DOMAIN_MANAGED_SAVE, RemoteCalls.dom(dom).writeInt(flags));
    }

    @Override
    public boolean hasManagedSaveImage(DomainRef dom, int flags) throws VirtException {
        return rpc.integer(RemoteProc.DOMAIN_HAS_MANAGED_SAVE_IMAGE, RemoteCalls.dom(dom).writeInt(flags)) != 0;
    }

    @Override
    public void managedSaveRemove(DomainRef dom, int flags) throws VirtException {
        rpc.call(RemoteProc.DOMAIN_MANAGED_SAVE_REMOVE, RemoteCalls.dom(dom).writeInt(flags));
    }
}
