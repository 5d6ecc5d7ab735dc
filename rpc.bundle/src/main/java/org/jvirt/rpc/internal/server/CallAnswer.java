package org.jvirt.rpc.internal.server;

import org.jvirt.api.NamespaceDescriptors;
import org.jvirt.api.Stream;
import org.jvirt.rpc.internal.wire.Message;
import org.jvirt.rpc.internal.wire.MessageType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one call of a {@link ClientSession} on a worker and sends what it produced: a plain reply,
 * a reply followed by a stream, a reply carrying descriptors (VIR_NET_REPLY_WITH_FDS) or, for
 * CONNECT_CLOSE, a reply after which the client is closed. Every call gets a reply, whatever the
 * dispatcher does.
 */
final class CallAnswer {
    private static final Logger LOG = LoggerFactory.getLogger(CallAnswer.class);

    private final ClientSession session;
    private final RpcServer server;
    private final SessionStreams streams;
    private final DescriptorReplies descriptorReplies;

    CallAnswer(ClientSession session, RpcServer server, SessionStreams streams, DescriptorReplies descriptorReplies) {
        this.session = session;
        this.server = server;
        this.streams = streams;
        this.descriptorReplies = descriptorReplies;
    }

    void answer(Message call) {
        Message reply;
        CallContext context = new CallContext(session);
        try {
            reply = server.dispatcher().dispatch(context, call);
        } catch (Throwable t) {   // the dispatcher answers everything; this is the net under it
            LOG.error("client {}: call {} failed unexpectedly", session.describe(), call, t);
            reply = Replies.internalError(call, t);
        }
        Stream stream = context.stream();
        NamespaceDescriptors fds = context.descriptors();
        if (fds != null) {
            if (reply.status() == MessageType.STATUS_OK && stream == null && !context.closeAfterReply()) {
                replyWithDescriptors(call, reply, fds);
                return;
            }
            fds.close();
        }
        if (context.closeAfterReply()) {
            // libvirtd closes the client once the reply to CONNECT_CLOSE is written (delayed close)
            session.sendFrame(Replies.encode(call, reply), true, session::close);
        } else if (stream == null) {
            session.reply(call, reply);
        } else {
            streams.start(call, reply, stream);
        }
    }

    /** A reply whose descriptors follow it; it holds a request slot until written. */
    private void replyWithDescriptors(Message call, Message reply, NamespaceDescriptors fds) {
        Message m = descriptorReplies.message(reply, fds);
        if (m == null) {
            session.reply(call, DescriptorReplies.tooMany(call, fds));
            return;
        }
        session.sendFrame(m.encode(), true, descriptorReplies.sender(fds));
    }
}
