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
 * Event callbacks the modern way (REMOTE_EVENT_CALLBACK feature): the client registers per event
 * ID, optionally for one domain, and gets MESSAGE packets carrying its callback ID. The callback
 * ID maps to a listener of the client's connection, so closing the connection drops them all.
 */
final class EventProcedures {

    /** VIR_DOMAIN_EVENT_ID_LAST of libvirt 9.0: the event IDs a client may register for are below it. */
    static final int EVENT_ID_LAST = 27;

    void registerInto(ProcedureTable t) {
        t.add(RemoteProc.CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY, "virConnectDomainEventRegisterAny", READ,
                (c, a, r) -> {
                    int eventId = a.readInt();
                    WireDomain filter = WireDomain.readOptional(a);
                    c.connection();
                    if (eventId < 0 || eventId >= EVENT_ID_LAST) {
                        // remoteDispatchConnectDomainEventCallbackRegisterAny's check and words
                        throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC,
                                "unsupported event ID " + eventId);
                    }
                    UUID only = filter == null ? null : filter.uuid();
                    // libvirtd accepts a callback for every event ID and the driver sends what it
                    // produces; jvirt's drivers produce lifecycle and reboot events only, so a
                    // callback for another ID is registered (and can be deregistered) but never called
                    int callbackId = c.addLifecycleListener(id -> new DomainEventListener() {
                        @Override
                        public void onLifecycle(Domain dom, DomainEvent ev) {
                            if (eventId == RemoteProc.EVENT_ID_LIFECYCLE && (only == null || only.equals(ev.uuid()))) {
                                c.sendEvent(RemoteProc.DOMAIN_EVENT_CALLBACK_LIFECYCLE, lifecycle(id, ev));
                            }
                        }

                        @Override
                        public void onReboot(Domain dom) {
                            if (eventId == RemoteProc.EVENT_ID_REBOOT && (only == null || only.equals(dom.uuid()))) {
                                c.sendEvent(RemoteProc.DOMAIN_EVENT_CALLBACK_REBOOT, reboot(id, dom));
                            }
                        }
                    });
                    r.writeInt(callbackId);
                });
        t.add(RemoteProc.CONNECT_DOMAIN_EVENT_CALLBACK_DEREGISTER_ANY, "virConnectDomainEventDeregisterAny", READ,
                (c, a, r) -> {
                    int callbackId = a.readInt();
                    if (!c.removeLifecycleListener(callbackId)) {
                        // libvirtd's words and code for a callback ID it does not know
                        throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC,
                                "domain event " + callbackId + " not registered");
                    }
                });
    }

    /** remote_domain_event_callback_reboot_msg. */
    static byte[] reboot(int callbackId, Domain dom) {
        XdrWriter w = new XdrWriter(80);
        w.writeInt(callbackId);
        new WireDomain(dom.name(), dom.uuid(), idOf(dom)).write(w);
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
