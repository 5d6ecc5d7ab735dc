package org.jvirt.rpc.internal.client;

import org.jvirt.api.DomainEvent;
import org.jvirt.api.DomainEventType;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainEventSink;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.rpc.internal.wire.Message;
import org.jvirt.rpc.internal.wire.RemoteProc;
import org.jvirt.rpc.internal.wire.WireDomain;
import org.jvirt.rpc.internal.xdr.XdrException;
import org.jvirt.rpc.internal.xdr.XdrReader;
import org.jvirt.rpc.internal.xdr.XdrWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Domain events of a remote connection: registers the lifecycle, reboot, device-removed and
 * device-removal-failed callbacks with the server while a sink is set, and decodes the server's
 * event messages for that sink.
 */
final class RemoteEvents {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteEvents.class);

    private final RemoteCalls rpc;
    private final boolean eventCallbacks;
    private volatile DomainEventSink sink;
    private volatile int callbackId = -1;
    private volatile int rebootCallbackId = -1;
    private volatile int removedCallbackId = -1;
    private volatile int removalFailedCallbackId = -1;

    /** @param eventCallbacks whether the server supports the event-callback procedures */
    RemoteEvents(RemoteCalls rpc, boolean eventCallbacks) {
        this.rpc = rpc;
        this.eventCallbacks = eventCallbacks;
    }

    void setEventSink(DomainEventSink newSink) {
        this.sink = newSink;
        try {
            if (newSink != null && callbackId < 0 && eventCallbacks) {
                callbackId = registerCallback(RemoteProc.EVENT_ID_LIFECYCLE);
                rebootCallbackId = registerCallback(RemoteProc.EVENT_ID_REBOOT);
                removedCallbackId = registerCallback(RemoteProc.EVENT_ID_DEVICE_REMOVED);
                removalFailedCallbackId = registerCallback(RemoteProc.EVENT_ID_DEVICE_REMOVAL_FAILED);
            } else if (newSink == null && callbackId >= 0) {
                deregisterCallback(callbackId);
                callbackId = -1;
                rebootCallbackId = deregisterIfSet(rebootCallbackId);
                removedCallbackId = deregisterIfSet(removedCallbackId);
                removalFailedCallbackId = deregisterIfSet(removalFailedCallbackId);
            }
        } catch (VirtException e) {
            LOG.warn("cannot (un)register domain events with the server: {}", e.getMessage());
        }
    }

    private int registerCallback(int eventId) throws VirtException {
        XdrReader r = rpc.call(RemoteProc.CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY,
                new XdrWriter().writeInt(eventId).writeInt(0));
        return rpc.decode(r::readInt);
    }

    private int deregisterIfSet(int id) throws VirtException {
        if (id >= 0) {
            deregisterCallback(id);
        }
        return -1;
    }

    private void deregisterCallback(int id) throws VirtException {
        rpc.call(RemoteProc.CONNECT_DOMAIN_EVENT_CALLBACK_DEREGISTER_ANY, new XdrWriter().writeInt(id));
    }

    /** Passes a lifecycle, reboot or device event message to the sink; other messages and no sink: ignored. */
    void onMessage(Message m) {
        DomainEventSink s = sink;
        int proc = m.proc();
        if (s == null || proc != RemoteProc.DOMAIN_EVENT_CALLBACK_LIFECYCLE
                && proc != RemoteProc.DOMAIN_EVENT_CALLBACK_REBOOT
                && proc != RemoteProc.DOMAIN_EVENT_CALLBACK_DEVICE_REMOVED
                && proc != RemoteProc.DOMAIN_EVENT_CALLBACK_DEVICE_REMOVAL_FAILED) {
            return;
        }
        try {
            XdrReader r = m.payloadReader();
            r.readInt();
            WireDomain d = WireDomain.read(r);
            DomainRef ref = new DomainRef(d.name(), d.uuid(), d.id());
            switch (proc) {
                case RemoteProc.DOMAIN_EVENT_CALLBACK_REBOOT -> { // remote_domain_event_callback_reboot_msg
                    s.reboot(ref);
                    return;
                }
                case RemoteProc.DOMAIN_EVENT_CALLBACK_DEVICE_REMOVED -> {
                    s.deviceRemoved(ref, r.readString());
                    return;
                }
                case RemoteProc.DOMAIN_EVENT_CALLBACK_DEVICE_REMOVAL_FAILED -> {
                    s.deviceRemovalFailed(ref, r.readString());
                    return;
                }
                default -> {
                }
            }
            int event = r.readInt();
            int detail = r.readInt();
            s.accept(new DomainEvent(d.name(), d.uuid(), d.id(), DomainEventType.ofNumber(event), detail));
        } catch (XdrException | IllegalArgumentException e) {
            LOG.warn("dropping undecodable domain event {}: {}", proc, e.getMessage());
        }
    }
}
