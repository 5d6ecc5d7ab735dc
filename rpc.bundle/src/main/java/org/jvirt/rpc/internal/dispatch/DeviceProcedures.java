package org.jvirt.rpc.internal.dispatch;

import static org.jvirt.rpc.internal.dispatch.Access.WRITE;
import static org.jvirt.rpc.internal.dispatch.Wire.domain;

import org.jvirt.api.Domain;
import org.jvirt.rpc.internal.wire.RemoteProc;

/**
 * The procedures that attach, detach and update a domain's devices. All are writes; each runs on a
 * handle of the domain (no lookup), and its arguments are the domain, the device XML and, but for
 * the two oldest, flags.
 */
final class DeviceProcedures {

    void registerInto(ProcedureTable t) {
        t.add(RemoteProc.DOMAIN_ATTACH_DEVICE, "virDomainAttachDevice", WRITE, (c, a, r) -> {
            Domain d = domain(c, a);
            d.attachDevice(a.readString());
        });
        t.add(RemoteProc.DOMAIN_ATTACH_DEVICE_FLAGS, "virDomainAttachDeviceFlags", WRITE, (c, a, r) -> {
            Domain d = domain(c, a);
            String xml = a.readString();
            d.attachDeviceFlags(xml, a.readInt());
        });
        t.add(RemoteProc.DOMAIN_DETACH_DEVICE, "virDomainDetachDevice", WRITE, (c, a, r) -> {
            Domain d = domain(c, a);
            d.detachDevice(a.readString());
        });
        t.add(RemoteProc.DOMAIN_DETACH_DEVICE_FLAGS, "virDomainDetachDeviceFlags", WRITE, (c, a, r) -> {
            Domain d = domain(c, a);
            String xml = a.readString();
            d.detachDeviceFlags(xml, a.readInt());
        });
        t.add(RemoteProc.DOMAIN_UPDATE_DEVICE_FLAGS, "virDomainUpdateDeviceFlags", WRITE, (c, a, r) -> {
            Domain d = domain(c, a);
            String xml = a.readString();
            d.updateDeviceFlags(xml, a.readInt());
        });
    }
}
