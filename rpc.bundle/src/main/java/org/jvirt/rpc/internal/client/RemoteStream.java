package org.jvirt.rpc.internal.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.Stream;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.internal.wire.Message;
import org.jvirt.rpc.internal.wire.MessageType;
import org.jvirt.rpc.internal.wire.Programs;
import org.jvirt.rpc.internal.wire.RemoteError;
import org.jvirt.rpc.internal.xdr.XdrException;

/**
 * The client end of a stream opened by a call (libvirt's virNetClientStream): VIR_NET_STREAM
 * messages carrying the call's procedure and serial. The server's CONTINUE data is what
 * {@link #receive} returns (an empty one is the end), its ERROR the stream's failure; {@link #send}
 * writes CONTINUE messages, {@link #finish} an OK the server confirms, {@link #abort} an ERROR.
 */
final class RemoteStream implements Stream {
    /** libvirt sends at most VIR_NET_MESSAGE_LEGACY_PAYLOAD_MAX of data per message. */
    private static final int CHUNK = 262120;
    private static final Message CLOSED = new Message(0, 0, 0, -1, 0, 0, new byte[0]);

    private final RpcClient client;
    private final int proc;
    private final int serial;
    private final long timeoutMillis;
    private final LinkedBlockingQueue<Message> incoming = new LinkedBlockingQueue<>();
    private final CompletableFuture<Message> finishReply = new CompletableFuture<>();
    private volatile boolean done;
    private volatile String closeReason;
    /** Receiving side, used by one thread at a time: the rest of the last message, the end seen. */
    private byte[] rest = new byte[0];
    private int restOffset;
    private boolean eof;
    private VirtException failure;

    RemoteStream(RpcClient client, int proc, int serial, long timeoutMillis) {
        this.client = client;
        this.proc = proc;
        this.serial = serial;
        this.timeoutMillis = timeoutMillis;
    }

    /** A STREAM message of this stream, from the client's reader thread. */
    void deliver(Message m) {
        if (done && m.status() != MessageType.STATUS_CONTINUE) {
            finishReply.complete(m);   // the server's answer to our finish (or abort)
        } else {
            incoming.add(m);
        }
    }

    /** The connection is gone. */
    void connectionClosed(String reason) {
        closeReason = reason;
        finishReply.completeExceptionally(rpcError(reason));
        incoming.add(CLOSED);
    }

    @Override
    public void send(byte[] data, int offset, int len) throws VirtException {
        if (done || closeReason != null) {
            throw rpcError(closeReason != null ? closeReason : "stream is closed");
        }
        for (int at = offset; at < offset + len; at += CHUNK) {
            int n = Math.min(CHUNK, offset + len - at);
            byte[] chunk = new byte[n];
            System.arraycopy(data, at, chunk, 0, n);
            client.send(frame(MessageType.STATUS_CONTINUE, chunk));
        }
    }

    @Override
    public int receive(byte[] buf, int offset, int len) throws VirtException {
        while (restOffset >= rest.length) {
            if (failure != null) {
                throw failure;
            }
            if (eof) {
                return 0;
            }
            take();
        }
        int n = Math.min(len, rest.length - restOffset);
        System.arraycopy(rest, restOffset, buf, offset, n);
        restOffset += n;
        return n;
    }

    /** Waits for the next message of the server and takes it in. */
    private void take() throws VirtException {
        Message m;
        try {
            m = incoming.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw rpcError("interrupted");
        }
        if (m == CLOSED) {
            failure = rpcError(done ? "stream aborted" : closeReason == null ? "connection closed" : closeReason);
        } else if (m.status() == MessageType.STATUS_CONTINUE) {
            rest = m.payload();
            restOffset = 0;
            eof = rest.length == 0;
        } else if (m.status() == MessageType.STATUS_ERROR) {
            failure = decodeError(m);
        } else {
            eof = true;
        }
    }

    @Override
    public void finish() throws VirtException {
        if (done) {
            return;
        }
        done = true;
        try {
            client.send(frame(MessageType.STATUS_OK, new byte[0]));
            Message reply = finishReply.get(timeoutMillis, TimeUnit.MILLISECONDS);
            if (reply.status() == MessageType.STATUS_ERROR) {
                throw decodeError(reply);
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof VirtException v ? v : rpcError(e.getCause().toString());
        } catch (TimeoutException e) {
            throw new VirtException(ErrorCode.OPERATION_TIMEOUT, ErrorDomain.RPC,
                    "no answer to the end of stream " + serial + " within " + timeoutMillis + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw rpcError("interrupted");
        } finally {
            ended();
        }
    }

    @Override
    public void abort() {
        if (done) {
            return;
        }
        done = true;
        try {
            client.send(frame(MessageType.STATUS_ERROR, new byte[0]));
        } catch (VirtException e) {
            // the connection is gone: so is the stream
        }
        ended();
    }

    private void ended() {
        client.removeStream(serial);
        incoming.add(CLOSED);   // a receive waiting for data ends
    }

    private Message frame(int status, byte[] payload) {
        return new Message(Programs.REMOTE, Programs.REMOTE_VERSION, proc, MessageType.STREAM, serial, status, payload);
    }

    private static VirtException decodeError(Message m) {
        try {
            return RemoteError.decode(m.payloadReader()).toException();
        } catch (XdrException e) {
            return rpcError("bad stream error: " + e.getMessage());
        }
    }

    private static VirtException rpcError(String why) {
        return new VirtException(ErrorCode.RPC, ErrorDomain.RPC, why);
    }
}
