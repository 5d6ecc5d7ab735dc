package org.jvirt.rpc.internal.server;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.internal.dispatch.Dispatcher;
import org.jvirt.rpc.internal.wire.Frames;
import org.jvirt.rpc.internal.wire.Message;
import org.jvirt.rpc.internal.wire.RemoteError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns a reply into the frame that goes on the wire, so that it always can go there. */
final class Replies {
    private static final Logger LOG = LoggerFactory.getLogger(Replies.class);

    private Replies() {
    }

    /**
     * The frame of {@code reply}; a reply larger than libvirt's message limit becomes libvirt's
     * error for it (virNetMessageEncodePayload: "Unable to encode message payload"), since no
     * libvirt client would read the big one, and the caller must still get an answer.
     */
    static byte[] encode(Message call, Message reply) {
        long length = (long) Frames.LENGTH_BYTES + Frames.HEADER_BYTES + reply.payload().length;
        if (length > Frames.MESSAGE_MAX) {
            LOG.warn("the reply to {} has {} bytes, more than the message limit {}: answering with an error",
                    call, length, Frames.MESSAGE_MAX);
            return Dispatcher.error(call, RemoteError.of(new VirtException(ErrorCode.RPC, ErrorDomain.RPC,
                    "Unable to encode message payload: the reply of " + length
                    + " bytes exceeds the message limit of " + Frames.MESSAGE_MAX + " bytes"))).encode();
        }
        return reply.encode();
    }

    /** An error reply of the RPC domain. */
    static Message error(Message call, ErrorCode code, String message) {
        return Dispatcher.error(call, RemoteError.of(new VirtException(code, ErrorDomain.RPC, message)));
    }

    /** libvirt's INTERNAL_ERROR reply to {@code call}, naming what was thrown. */
    static Message internalError(Message call, Throwable t) {
        return Dispatcher.error(call, RemoteError.of(new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC,
                "procedure " + call.proc() + " failed: " + t)));
    }
}
