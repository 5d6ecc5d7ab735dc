package org.jvirt.rpc.internal.client;

import org.jvirt.api.NetworkEvent;
import org.jvirt.api.NetworkEventType;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.NetworkEventSink;
import org.jvirt.rpc.internal.wire.Message;
import org.jvirt.rpc.internal.wire.RemoteProc;
import org.jvirt.rpc.internal.wire.WireNetwork;
import org.jvirt.rpc.internal.xdr.XdrException;
import org.jvirt.rpc.internal.xdr.XdrReader;
import org.jvirt.rpc.internal.xdr.XdrWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Network lifecycle events of a remote connection, as libvirt's remote driver forwards them: one
 * lifecycle callback registered with the server (REMOTE_PROC_CONNECT_NETWORK_EVENT_REGISTER_ANY, all
 * networks) while a sink is set, and the server's remote_network_event_lifecycle_msg decoded for it.
 */
final class RemoteNetworkEvents {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteNetworkEvents.class);

    private final RemoteCalls rpc;
    private volatile NetworkEventSink sink;
    private int callbackId = -1;

    RemoteNetworkEvents(RemoteCalls rpc) {
        this.rpc = rpc;
    }

    synchronized void setEventSink(NetworkEventSink newSink) {
        sink = newSink;
        try {
            if (newSink != null && callbackId < 0) {
                // remote_connect_network_event_register_any_args: the event id, no network (all of them)
                XdrReader r = rpc.call(RemoteProc.CONNECT_NETWORK_EVENT_REGISTER_ANY,
                        new XdrWriter().writeInt(NetworkEventType.ID_LIFECYCLE).writeInt(0));
                callbackId = rpc.decode(r::readInt);
            } else if (newSink == null && callbackId >= 0) {
                int id = callbackId;
                callbackId = -1;
                rpc.call(RemoteProc.CONNECT_NETWORK_EVENT_DEREGISTER_ANY, new XdrWriter().writeInt(id));
            }
        } catch (VirtException e) {
            LOG.warn("cannot (un)register network events with the server: {}", e.getMessage());
        }
    }

    /** Delivers a network event message; false when {@code m} is not one. */
    boolean onMessage(Message m) {
        if (m.proc() != RemoteProc.NETWORK_EVENT_LIFECYCLE) {
            return false;
        }
        NetworkEventSink s = sink;
        if (s == null) {
            return true;
        }
        try {
            XdrReader r = m.payloadReader();
            r.readInt(); // the callback id: one callback per connection
            WireNetwork n = WireNetwork.read(r);
            int event = r.readInt();
            for (NetworkEventType t : NetworkEventType.values()) {
                if (t.number() == event) {
                    s.accept(new NetworkEvent(n.name(), n.uuid(), t));
                    return true;
                }
            }
            LOG.debug("ignoring network event {} of {}: not a lifecycle event jvirt knows", event, n.name());
        } catch (XdrException e) {
            LOG.warn("dropping undecodable network event: {}", e.getMessage());
        }
        return true;
    }
}
