package org.jvirt.rpc.internal.dispatch;

import static org.jvirt.rpc.internal.dispatch.Access.READ;

import java.util.UUID;

import org.jvirt.api.Domain;
import org.jvirt.api.DomainEvent;
import org.jvirt.api.DomainEventListener;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.internal.wire.RemoteProc;
import org.jvirt.rpc.internal.wire.WireDomain;
import org.jvirt.rpc.internal.xdr.XdrWriter;

/**
 * Domain event registrations. The modern way (REMOTE_EVENT_CALLBACK feature): the client registers
 * per event ID, optionally for one domain, and gets MESSAGE packets carrying its callback ID. The
 * legacy way of clients older than libvirt 1.2.1, which libvirtd 9.0 still serves:
 * CONNECT_DOMAIN_EVENT_REGISTER/DEREGISTER (lifecycle) and CONNECT_DOMAIN_EVENT_REGISTER_ANY/
 * DEREGISTER_ANY (by event ID), whose events carry no callback ID (DOMAIN_EVENT_LIFECYCLE,
 * DOMAIN_EVENT_REBOOT). Both kinds share one list per connection, as in libvirtd: one callback
 * per event ID and domain filter, callback IDs from one counter, and the legacy deregistrations
 * remove the first callback of the event ID, whichever way it was registered. A callback ID maps
 * to a listener of the client's connection, so closing the connection drops them all.
 */
final class EventProcedures {

    /** VIR_DOMAIN_EVENT_ID_LAST of libvirt 9.0: the event IDs a client may register for are below it. */
    static final int EVENT_ID_LAST = 27;
    /**
     * VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED: the last event ID the legacy registrations take
     * (remoteDispatchConnectDomainEventRegisterAny: newer events only use the callback style).
     */
    static final int LEGACY_EVENT_ID_LAST = 15;

    void registerInto(ProcedureTable t) {
        t.add(RemoteProc.CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY, "virConnectDomainEventRegisterAny", READ,
                (c, a, r) -> {
                    int eventId = a.readInt();
                    WireDomain filter = WireDomain.readOptional(a);
                    c.connection();
                    if (eventId < 0 || eventId >= EVENT_ID_LAST) {
                        throw unsupported(eventId);
                    }
                    UUID only = filter == null ? null : filter.uuid();
                    r.writeInt(c.addLifecycleListener(eventId, only, id -> listener(c, id, eventId, only, false)));
                });
        t.add(RemoteProc.CONNECT_DOMAIN_EVENT_CALLBACK_DEREGISTER_ANY, "virConnectDomainEventDeregisterAny", READ,
                (c, a, r) -> {
                    int callbackId = a.readInt();
                    if (!c.removeLifecycleListener(callbackId)) {
                        // libvirtd's words and code for a callback ID it does not know
                        throw notRegistered(callbackId);
                    }
                });
        registerLegacy(t);
    }

    private static void registerLegacy(ProcedureTable t) {
        t.add(RemoteProc.CONNECT_DOMAIN_EVENT_REGISTER, "virConnectDomainEventRegister", READ, (c, a, r) -> {
            c.connection();
            c.addLifecycleListener(RemoteProc.EVENT_ID_LIFECYCLE, null,
                    id -> listener(c, id, RemoteProc.EVENT_ID_LIFECYCLE, null, true));
            r.writeInt(0); // libvirtd leaves cb_registered as it is: 0
        });
        t.add(RemoteProc.CONNECT_DOMAIN_EVENT_DEREGISTER, "virConnectDomainEventDeregister", READ, (c, a, r) -> {
            c.connection();
            deregisterLegacy(c, RemoteProc.EVENT_ID_LIFECYCLE);
            r.writeInt(0);
        });
        t.add(RemoteProc.CONNECT_DOMAIN_EVENT_REGISTER_ANY, "virConnectDomainEventRegisterAny", READ, (c, a, r) -> {
            int eventId = a.readInt();
            c.connection();
            if (eventId < 0 || eventId > LEGACY_EVENT_ID_LAST) {
                throw unsupported(eventId);
            }
            c.addLifecycleListener(eventId, null, id -> listener(c, id, eventId, null, true));
        });
        t.add(RemoteProc.CONNECT_DOMAIN_EVENT_DEREGISTER_ANY, "virConnectDomainEventDeregisterAny", READ,
                (c, a, r) -> {
                    int eventId = a.readInt();
                    c.connection();
                    if (eventId < 0 || eventId > LEGACY_EVENT_ID_LAST) {
                        throw unsupported(eventId);
                    }
                    deregisterLegacy(c, eventId);
                });
    }

    /** libvirtd removes the first callback of the event ID, "domain event N not registered" if none. */
    private static void deregisterLegacy(ClientContext c, int eventId) throws VirtException {
        int callbackId = c.domainEventCallback(eventId);
        if (callbackId < 0 || !c.removeLifecycleListener(callbackId)) {
            throw notRegistered(eventId);
        }
    }

    /**
     * The listener of one callback: it sends the events of {@code eventId} (of the domain
     * {@code only}, or all) in the modern form carrying {@code callbackId}, or in the legacy form.
     * libvirtd accepts a callback for every event ID and the driver sends what it produces; jvirt's
     * drivers produce lifecycle, reboot, device-removed and device-removal-failed events only, so a
     * callback for another ID is registered (and can be deregistered) but never called.
     */
    private static DomainEventListener listener(ClientContext c, int callbackId, int eventId, UUID only,
                                                boolean legacy) {
        return new DomainEventListener() {
            @Override
            public void onLifecycle(Domain dom, DomainEvent ev) {
                if (eventId == RemoteProc.EVENT_ID_LIFECYCLE && (only == null || only.equals(ev.uuid()))) {
                    if (legacy) {
                        c.sendEvent(RemoteProc.DOMAIN_EVENT_LIFECYCLE, lifecycleMsg(ev));
                    } else {
                        c.sendEvent(RemoteProc.DOMAIN_EVENT_CALLBACK_LIFECYCLE, lifecycle(callbackId, ev));
                    }
                }
            }

            @Override
            public void onReboot(Domain dom) {
                if (eventId == RemoteProc.EVENT_ID_REBOOT && (only == null || only.equals(dom.uuid()))) {
                    if (legacy) {
                        c.sendEvent(RemoteProc.DOMAIN_EVENT_REBOOT, rebootMsg(dom));
                    } else {
                        c.sendEvent(RemoteProc.DOMAIN_EVENT_CALLBACK_REBOOT, reboot(callbackId, dom));
                    }
                }
            }

            @Override
            public void onDeviceRemoved(Domain dom, String alias) {
                if (eventId == RemoteProc.EVENT_ID_DEVICE_REMOVED && (only == null || only.equals(dom.uuid()))) {
                    if (legacy) {
                        c.sendEvent(RemoteProc.DOMAIN_EVENT_DEVICE_REMOVED, deviceMsg(dom, alias));
                    } else {
                        c.sendEvent(RemoteProc.DOMAIN_EVENT_CALLBACK_DEVICE_REMOVED, device(callbackId, dom, alias));
                    }
                }
            }

            @Override
            public void onDeviceRemovalFailed(Domain dom, String alias) {
                // a callback-only event (newer than the legacy registrations)
                if (eventId == RemoteProc.EVENT_ID_DEVICE_REMOVAL_FAILED && !legacy
                        && (only == null || only.equals(dom.uuid()))) {
                    c.sendEvent(RemoteProc.DOMAIN_EVENT_CALLBACK_DEVICE_REMOVAL_FAILED,
                            device(callbackId, dom, alias));
                }
            }
        };
    }

    /** remoteDispatchConnectDomainEvent(Callback)RegisterAny's check and words. */
    private static VirtException unsupported(int eventId) {
        return new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC, "unsupported event ID " + eventId);
    }

    private static VirtException notRegistered(int id) {
        return new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC, "domain event " + id + " not registered");
    }

    /** remote_domain_event_reboot_msg. */
    static byte[] rebootMsg(Domain dom) {
        XdrWriter w = new XdrWriter(76);
        new WireDomain(dom.name(), dom.uuid(), idOf(dom)).write(w);
        return w.toByteArray();
    }

    /** remote_domain_event_lifecycle_msg. */
    static byte[] lifecycleMsg(DomainEvent ev) {
        XdrWriter w = new XdrWriter(92);
        new WireDomain(ev.name(), ev.uuid(), ev.id()).write(w);
        w.writeInt(ev.type().number()).writeInt(ev.detail());
        return w.toByteArray();
    }

    /** remote_domain_event_callback_reboot_msg. */
    static byte[] reboot(int callbackId, Domain dom) {
        XdrWriter w = new XdrWriter(80);
        w.writeInt(callbackId);
        new WireDomain(dom.name(), dom.uuid(), idOf(dom)).write(w);
        return w.toByteArray();
    }

    /** remote_domain_event_device_removed_msg. */
    static byte[] deviceMsg(Domain dom, String alias) {
        XdrWriter w = new XdrWriter(80 + alias.length());
        new WireDomain(dom.name(), dom.uuid(), idOf(dom)).write(w);
        w.writeString(alias);
        return w.toByteArray();
    }

    /**
     * remote_domain_event_callback_device_removed_msg, and remote_domain_event_callback_device_removal_failed_msg
     * (the same fields: callback ID, domain, alias).
     */
    static byte[] device(int callbackId, Domain dom, String alias) {
        XdrWriter w = new XdrWriter(84 + alias.length());
        w.writeInt(callbackId);
        new WireDomain(dom.name(), dom.uuid(), idOf(dom)).write(w);
        w.writeString(alias);
        return w.toByteArray();
    }

    /** The running domain's id from the driver (in process); -1 when it ended since the reboot. */
    private static int idOf(Domain dom) {
        try {
            return dom.id();
        } catch (VirtException e) {
            return -1;
        }
    }

    /** remote_domain_event_callback_lifecycle_msg. */
    static byte[] lifecycle(int callbackId, DomainEvent ev) {
        XdrWriter w = new XdrWriter(96);
        w.writeInt(callbackId);
        new WireDomain(ev.name(), ev.uuid(), ev.id()).write(w);
        w.writeInt(ev.type().number()).writeInt(ev.detail());
        return w.toByteArray();
    }
}
