package org.jvirt.rpc.internal.client;

import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainDeviceDriver;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.rpc.internal.wire.RemoteProc;

/** The remote daemon's device calls: one RPC each, the call's own procedure (as libvirt's remote driver). */
final class RemoteDevices implements DomainDeviceDriver {
    private final RemoteCalls rpc;

    RemoteDevices(RemoteCalls rpc) {
        this.rpc = rpc;
    }

    @Override
    public void attachDevice(DomainRef dom, String xml) throws VirtException {
        rpc.call(RemoteProc.DOMAIN_ATTACH_DEVICE, RemoteCalls.dom(dom).writeString(xml));
    }

    @Override
    public void attachDeviceFlags(DomainRef dom, String xml, int flags) throws VirtException {
        rpc.call(RemoteProc.DOMAIN_ATTACH_DEVICE_FLAGS, RemoteCalls.dom(dom).writeString(xml).writeInt(flags));
    }

    @Override
    public void detachDevice(DomainRef dom, String xml) throws VirtException {
        rpc.call(RemoteProc.DOMAIN_DETACH_DEVICE, RemoteCalls.dom(dom).writeString(xml));
    }

    @Override
    public void detachDeviceFlags(DomainRef dom, String xml, int flags) throws VirtException {
        rpc.call(RemoteProc.DOMAIN_DETACH_DEVICE_FLAGS, RemoteCalls.dom(dom).writeString(xml).writeInt(flags));
    }

    @Override
    public void updateDeviceFlags(DomainRef dom, String xml, int flags) throws VirtException {
        rpc.call(RemoteProc.DOMAIN_UPDATE_DEVICE_FLAGS, RemoteCalls.dom(dom).writeString(xml).writeInt(flags));
    }
}
