package org.jvirt.rpc.internal.server;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.NamespaceDescriptors;
import org.jvirt.rpc.internal.wire.DescriptorPassing;
import org.jvirt.rpc.internal.wire.Message;
import org.jvirt.rpc.internal.wire.MessageType;
import org.jvirt.rpc.internal.wire.Programs;
import org.jvirt.rpc.internal.wire.Transport;
import org.jvirt.rpc.internal.xdr.XdrException;
import org.jvirt.rpc.internal.xdr.XdrWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * File descriptors on one client's connection. Replies that carry them go as libvirtd sends them: the header's type
 * is VIR_NET_REPLY_WITH_FDS, the number of descriptors follows the header (virNetMessageEncodeNumFDs),
 * then the payload; once the whole message is written, each descriptor goes with sendmsg(2)
 * ({@link Transport#sendDescriptor}), before any later message. The descriptors are closed when
 * sent, and when the client goes away before they are.
 */
final class DescriptorReplies {
    private static final Logger LOG = LoggerFactory.getLogger(DescriptorReplies.class);

    private final Transport transport;
    private final Runnable dropClient;
    private final Set<NamespaceDescriptors> unsent = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    DescriptorReplies(Transport transport, Runnable dropClient) {
        this.transport = transport;
        this.dropClient = dropClient;
    }

    /** The reply's message with the descriptors' count; null (and the descriptors closed) when too many. */
    Message message(Message reply, NamespaceDescriptors fds) {
        List<Integer> list = fds.descriptors();
        if (list.size() > Programs.MAX_DESCRIPTORS) {
            fds.close();
            return null;
        }
        unsent.add(fds);
        if (closed) {
            release(fds);
        }
        byte[] payload = new XdrWriter().writeInt(list.size()).writeRaw(reply.payload()).toByteArray();
        return new Message(reply.prog(), reply.vers(), reply.proc(), MessageType.REPLY_WITH_FDS, reply.serial(),
                MessageType.STATUS_OK, payload);
    }

    /** libvirt's error for a reply with more descriptors than a message may carry. */
    static Message tooMany(Message call, NamespaceDescriptors fds) {
        return Replies.error(call, ErrorCode.RPC, "Too many FDs to send " + fds.descriptors().size()
                + ", expected " + Programs.MAX_DESCRIPTORS + " maximum");
    }

    /** What runs once the message is written: sends the descriptors, then closes them. */
    Runnable sender(NamespaceDescriptors fds) {
        return () -> {
            try {
                for (int fd : fds.descriptors()) {
                    transport.sendDescriptor(fd);
                }
            } catch (IOException | RuntimeException e) {
                // libvirtd closes a client it cannot send descriptors to: the stream is out of step
                LOG.warn("client {}: sending file descriptors failed, dropping it: {}", transport.describe(),
                        e.toString());
                dropClient.run();
            } finally {
                release(fds);
            }
        };
    }

    private void release(NamespaceDescriptors fds) {
        if (unsent.remove(fds)) {
            fds.close();
        }
    }

    /**
     * Receives and closes the descriptors a CALL_WITH_FDS announces (no served procedure takes
     * any), so that the stream stays in step and the call can be refused; over a transport
     * without descriptor passing nothing follows the message. Null when done, else why the client
     * must be dropped (libvirt's "Received too many FDs", a receive that failed).
     */
    String discardReceived(Message call) {
        if (!transport.passesDescriptors()) {
            return null;
        }
        int count;
        try {
            count = call.payloadReader().readInt();
        } catch (XdrException e) {
            return "its call with descriptors does not say how many";
        }
        if (count < 0 || count > Programs.MAX_DESCRIPTORS) {
            return "Received too many FDs " + count + ", expected " + Programs.MAX_DESCRIPTORS + " maximum";
        }
        try {
            for (int i = 0; i < count; i++) {
                DescriptorPassing.close(transport.receiveDescriptor());
            }
        } catch (IOException e) {
            return "its file descriptors could not be received: " + e.getMessage();
        }
        return null;
    }

    /** The client is gone: closes what was not sent. */
    void close() {
        closed = true;
        unsent.forEach(this::release);
    }
}
