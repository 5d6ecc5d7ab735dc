package org.jvirt.rpc.internal.server;

import java.io.IOException;

import org.jvirt.api.Stream;
import org.jvirt.rpc.internal.wire.Message;
import org.jvirt.rpc.internal.wire.MessageType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stream side of one {@link ClientSession}: the streams its calls opened, the stream messages
 * it reads (routed to their stream) and the ones it writes (through the session's {@link Outbox}).
 * The session stays the reader, dispatcher and writer of the client; this keeps the
 * {@link ServerStreams} bookkeeping and the request slots stream messages hold.
 */
final class SessionStreams implements ServerStream.Client {
    private static final Logger LOG = LoggerFactory.getLogger(SessionStreams.class);

    private final ClientSession session;
    private final Outbox outbox;
    private final RequestSlots requests;
    private final ServerStreams streams = new ServerStreams();

    SessionStreams(ClientSession session, Outbox outbox, RequestSlots requests) {
        this.session = session;
        this.outbox = outbox;
        this.requests = requests;
    }

    /** A VIR_NET_STREAM(_HOLE) message read from the client; it owns one request slot. */
    void received(Message m) {
        if (!streams.route(m)) {
            requests.release();   // the stream took the slot, or there is none
        }
    }

    /**
     * The reply of a call that opened a stream, then the stream: registered first (the client
     * sends data as soon as it has the reply), started after the reply is queued (its data follows
     * the reply on the wire). A failed call aborts it.
     */
    void start(Message call, Message reply, Stream stream) {
        if (reply.status() != MessageType.STATUS_OK) {
            stream.abort();
            session.reply(call, reply);
            return;
        }
        ServerStream s = new ServerStream(this, call.proc(), call.serial(), stream);
        if (!streams.add(s)) {
            stream.abort();   // the client has gone
            requests.release();
            return;
        }
        session.reply(call, reply);
        s.start();
    }

    /** The client went away: every stream is aborted. */
    void closeAll() {
        streams.closeAll();
    }

    @Override
    public boolean sendStreamFrame(Message m, Runnable then) {
        if (session.isClosed()) {
            return false;
        }
        try {
            String drop = outbox.offerStream(m.encode(), then);
            if (drop != null) {
                drop(drop);
                return false;
            }
            return true;
        } catch (IOException e) {
            LOG.debug("client {} write failed: {}", describe(), e.toString());
            session.close();
            return false;
        }
    }

    @Override
    public void releaseSlot() {
        requests.release();
    }

    @Override
    public void drop(String why) {
        session.drop(why);
    }

    @Override
    public void removed(ServerStream stream) {
        streams.remove(stream);
    }

    @Override
    public String describe() {
        return session.describe();
    }
}
