package org.jvirt.rpc.internal.server;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.Stream;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.internal.wire.Message;
import org.jvirt.rpc.internal.wire.MessageType;
import org.jvirt.rpc.internal.wire.Programs;
import org.jvirt.rpc.internal.wire.RemoteError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client stream of a call (libvirt's daemonClientStream), moving bytes between a {@link Stream}
 * and VIR_NET_STREAM messages carrying the call's procedure and serial:
 * <ul>
 * <li>out: what the stream yields goes out as CONTINUE messages, one at a time (the next read waits
 * until the last message is written, as libvirtd's {@code tx} flag); the stream's end is an empty
 * CONTINUE, its failure an ERROR message with the error;</li>
 * <li>in: the client's CONTINUE data is written to the stream in order; OK finishes the stream and
 * ERROR aborts it, each confirmed by an empty OK message. Every message the client sent holds one
 * of its request slots until done with, so max_client_requests bounds what waits here.</li>
 * </ul>
 */
final class ServerStream {
    private static final Logger LOG = LoggerFactory.getLogger(ServerStream.class);
    /** libvirtd reads at most VIR_NET_MESSAGE_LEGACY_PAYLOAD_MAX per message. */
    static final int CHUNK = 262120;

    /** What the stream needs of its client session. */
    interface Client {
        /** Queues a stream frame, running {@code then} once written; false when the client is gone. */
        boolean sendStreamFrame(Message m, Runnable then);

        /** Frees the request slot a message of the client held. */
        void releaseSlot();

        /** Drops the client (a protocol violation). */
        void drop(String why);

        /** The stream is done with: remove it from the client's streams. */
        void removed(ServerStream stream);

        String describe();
    }

    private final Client client;
    private final int proc;
    private final int serial;
    private final Stream stream;
    private final LinkedBlockingQueue<Message> incoming = new LinkedBlockingQueue<>();
    private final Semaphore written = new Semaphore(0);
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean inDone;

    ServerStream(Client client, int proc, int serial, Stream stream) {
        this.client = client;
        this.proc = proc;
        this.serial = serial;
        this.stream = stream;
    }

    int serial() {
        return serial;
    }

    int proc() {
        return proc;
    }

    void start() {
        Thread out = new Thread(this::pumpOut, "jvirt-stream-out " + serial + " " + client.describe());
        Thread in = new Thread(this::pumpIn, "jvirt-stream-in " + serial + " " + client.describe());
        out.setDaemon(true);
        in.setDaemon(true);
        out.start();
        in.start();
    }

    /** A client message for this stream; it holds a request slot, released once handled. */
    void received(Message m) {
        if (closed.get()) {
            client.releaseSlot();   // libvirtd ignores data for a stream it has closed
            return;
        }
        incoming.add(m);
        if (inDone) {
            drainIncoming();   // the in pump stopped meanwhile: nobody else frees the slot
        }
    }

    /** The client went away: abort the stream (libvirtd's daemonRemoveClientStream). */
    void clientClosed() {
        if (closed.compareAndSet(false, true)) {
            stream.abort();
        }
        written.release(Integer.MAX_VALUE / 2);
        incoming.add(POISON);
    }

    private static final Message POISON = new Message(0, 0, 0, -1, 0, 0, new byte[0]);

    private void pumpOut() {
        byte[] buf = new byte[CHUNK];
        try {
            while (!closed.get()) {
                int n;
                try {
                    n = stream.receive(buf, 0, buf.length);
                } catch (VirtException e) {
                    if (closed.compareAndSet(false, true)) {
                        LOG.debug("stream {} of {} failed: {}", serial, client.describe(), e.getMessage());
                        send(MessageType.STATUS_ERROR, RemoteError.of(e).encode());
                        finished();
                    }
                    return;
                }
                if (closed.get()) {
                    return;   // finished or aborted meanwhile: the client expects nothing more
                }
                byte[] data = new byte[n];
                System.arraycopy(buf, 0, data, 0, n);
                if (!send(MessageType.STATUS_CONTINUE, data)) {
                    return;
                }
                if (n == 0) {
                    return;   // EOF sent: the client finishes the stream, the in pump answers that
                }
                written.acquire();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void pumpIn() {
        try {
            while (true) {
                Message m = incoming.take();
                if (m == POISON) {
                    drainIncoming();
                    return;
                }
                try {
                    if (!handle(m)) {
                        drainIncoming();
                        return;
                    }
                } finally {
                    client.releaseSlot();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Handles one client message; false when the stream is over. */
    private boolean handle(Message m) {
        if (m.type() == MessageType.STREAM_HOLE) {
            client.drop("sent a stream hole on the non-sparse stream " + serial + ": Unexpected stream hole");
            return false;
        }
        switch (m.status()) {
            case MessageType.STATUS_CONTINUE -> {
                if (closed.get()) {
                    return true;
                }
                try {
                    stream.send(m.payload(), 0, m.payload().length);
                    return true;
                } catch (VirtException e) {
                    if (closed.compareAndSet(false, true)) {
                        stream.abort();
                        send(MessageType.STATUS_ERROR, RemoteError.of(e).encode());
                        finished();
                    }
                    return false;
                }
            }
            case MessageType.STATUS_OK -> {
                closed.set(true);
                try {
                    stream.finish();
                    send(MessageType.STATUS_OK, new byte[0]);
                } catch (VirtException e) {
                    send(MessageType.STATUS_ERROR, RemoteError.of(e).encode());
                }
                finished();
                return false;
            }
            default -> {
                // VIR_NET_ERROR: the client aborts; anything else is aborted with libvirtd's complaint
                closed.set(true);
                stream.abort();
                if (m.status() == MessageType.STATUS_ERROR) {
                    LOG.info("stream {} of {} aborted at client request", serial, client.describe());
                    send(MessageType.STATUS_OK, new byte[0]);
                } else {
                    send(MessageType.STATUS_ERROR, RemoteError.of(new VirtException(ErrorCode.RPC, ErrorDomain.RPC,
                            "stream aborted with unexpected status " + m.status())).encode());
                }
                finished();
                return false;
            }
        }
    }

    private boolean send(int status, byte[] payload) {
        Message m = new Message(Programs.REMOTE, Programs.REMOTE_VERSION, proc, MessageType.STREAM, serial, status,
                payload);
        return client.sendStreamFrame(m, written::release);
    }

    private void finished() {
        written.release(Integer.MAX_VALUE / 2);   // an out pump waiting for its last frame stops
        client.removed(this);
    }

    private void drainIncoming() {
        inDone = true;
        Message m;
        while ((m = incoming.poll()) != null) {
            if (m != POISON) {
                client.releaseSlot();
            }
        }
    }
}
