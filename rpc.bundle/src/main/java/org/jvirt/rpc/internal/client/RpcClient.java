package org.jvirt.rpc.internal.client;

import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.internal.wire.Frames;
import org.jvirt.rpc.internal.wire.Message;
import org.jvirt.rpc.internal.wire.MessageType;
import org.jvirt.rpc.internal.wire.Programs;
import org.jvirt.rpc.internal.wire.RemoteError;
import org.jvirt.rpc.internal.wire.Transport;
import org.jvirt.rpc.internal.xdr.XdrException;
import org.jvirt.rpc.internal.xdr.XdrReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client end of libvirt's RPC: calls of the remote program from any number of threads at
 * once (each gets a serial; a reader thread matches replies by serial), asynchronous MESSAGEs
 * handed to an event consumer, STREAM messages to the stream their call opened, keepalive pings
 * answered.
 */
public final class RpcClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RpcClient.class);

    private final Transport transport;
    private final AtomicInteger serials = new AtomicInteger();
    private final Map<Integer, CompletableFuture<Message>> pending = new ConcurrentHashMap<>();
    /** Open streams by the serial of the call that opened them. */
    private final Map<Integer, RemoteStream> streams = new ConcurrentHashMap<>();
    /** Descriptors received with a reply, until its caller takes them. */
    private final Map<Integer, int[]> descriptors = new ConcurrentHashMap<>();
    private final Object writeLock = new Object();
    private final long timeoutMillis;
    private volatile Consumer<Message> events = m -> { };
    private volatile boolean closed;
    private volatile String closeReason;

    public RpcClient(Transport transport, long timeoutMillis) {
        this.transport = transport;
        this.timeoutMillis = timeoutMillis;
        Thread reader = new Thread(this::readLoop, "jvirt-rpc-client " + transport.describe());
        reader.setDaemon(true);
        reader.start();
    }

    /** Where MESSAGE packets of the remote program (events) go; called on the reader thread. */
    public void onEvent(Consumer<Message> consumer) {
        this.events = consumer;
    }

    /**
     * Calls procedure {@code proc} of the remote program and returns the reply payload.
     *
     * @throws VirtException the server's error, or an RPC error when the connection failed
     */
    public XdrReader call(int proc, byte[] args) throws VirtException {
        return call(proc, args, serials.incrementAndGet());
    }

    /**
     * Calls procedure {@code proc}, which opens a stream (the console): the stream is listening
     * before the call goes out, as the server's data may follow its reply at once.
     */
    RemoteStream callOpeningStream(int proc, byte[] args) throws VirtException {
        int serial = serials.incrementAndGet();
        RemoteStream stream = new RemoteStream(this, proc, serial, timeoutMillis);
        streams.put(serial, stream);
        try {
            call(proc, args, serial);
            return stream;
        } catch (VirtException | RuntimeException e) {
            streams.remove(serial);
            throw e;
        }
    }

    void removeStream(int serial) {
        streams.remove(serial);
    }

    private XdrReader call(int proc, byte[] args, int serial) throws VirtException {
        return call(Programs.REMOTE, Programs.REMOTE_VERSION, proc, args, serial).payloadReader();
    }

    /**
     * Calls procedure {@code proc} of the LXC program, whose reply carries file descriptors
     * (VIR_NET_REPLY_WITH_FDS); the caller owns them.
     */
    int[] callLxcForDescriptors(int proc, byte[] args) throws VirtException {
        int serial = serials.incrementAndGet();
        try {
            call(Programs.LXC, Programs.LXC_VERSION, proc, args, serial);
        } catch (VirtException | RuntimeException e) {
            int[] fds = descriptors.remove(serial);
            if (fds != null) {
                ReceivedDescriptors.closeAll(fds);
            }
            throw e;
        }
        int[] fds = descriptors.remove(serial);
        return fds == null ? new int[0] : fds;
    }

    private Message call(int prog, int vers, int proc, byte[] args, int serial) throws VirtException {
        CompletableFuture<Message> reply = new CompletableFuture<>();
        pending.put(serial, reply);
        try {
            send(new Message(prog, vers, proc, MessageType.CALL, serial, MessageType.STATUS_OK, args));
            Message m = reply.get(timeoutMillis, TimeUnit.MILLISECONDS);
            if (m.status() == MessageType.STATUS_ERROR) {
                throw RemoteError.decode(m.payloadReader()).toException();
            }
            return m;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof VirtException v ? v : failure(e.getCause().toString());
        } catch (TimeoutException e) {
            throw new VirtException(ErrorCode.OPERATION_TIMEOUT, ErrorDomain.RPC,
                    "no reply to procedure " + proc + " within " + timeoutMillis + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("interrupted");
        } catch (XdrException e) {
            throw new VirtException(ErrorCode.RPC, ErrorDomain.RPC, "bad error reply: " + e.getMessage());
        } finally {
            pending.remove(serial);
        }
    }

    void send(Message m) throws VirtException {
        if (closed) {
            throw failure(closeReason == null ? "connection closed" : closeReason);
        }
        byte[] frame = m.encode();
        synchronized (writeLock) {
            try {
                transport.write(frame);
            } catch (IOException e) {
                close("cannot send: " + e.getMessage());
                throw failure("cannot send data: " + e.getMessage());
            }
        }
    }

    private void readLoop() {
        String reason = "connection closed by the server";
        try {
            while (!closed) {
                Message m = Frames.read(transport);
                if (m.prog() == Programs.KEEPALIVE) {
                    if (m.proc() == Programs.KEEPALIVE_PING) {
                        send(new Message(Programs.KEEPALIVE, Programs.KEEPALIVE_VERSION, Programs.KEEPALIVE_PONG,
                                MessageType.MESSAGE, 0, MessageType.STATUS_OK, new byte[0]));
                    }
                } else if (m.type() == MessageType.REPLY || m.type() == MessageType.REPLY_WITH_FDS) {
                    if (m.type() == MessageType.REPLY_WITH_FDS) {
                        m = receiveDescriptors(m);
                    }
                    CompletableFuture<Message> f = pending.get(m.serial());
                    if (f != null) {
                        f.complete(m);
                    } else {
                        LOG.debug("reply with unknown serial {}", m.serial());
                    }
                } else if (m.type() == MessageType.STREAM) {
                    RemoteStream s = streams.get(m.serial());
                    if (s != null) {
                        s.deliver(m);
                    } else {
                        LOG.debug("stream message for no open stream (serial {})", m.serial());
                    }
                } else if (m.type() == MessageType.MESSAGE) {
                    try {
                        events.accept(m);
                    } catch (RuntimeException e) {
                        LOG.warn("event handler failed on {}", m, e);
                    }
                }
            }
        } catch (EOFException e) {
            reason = "End of file while reading data";
        } catch (IOException | Frames.FrameException | VirtException e) {
            reason = closed ? "connection closed" : "cannot read data: " + e.getMessage();
        } finally {
            close(reason);
        }
    }

    /**
     * Receives the descriptors that follow a VIR_NET_REPLY_WITH_FDS (their count comes first in
     * the payload) before anything else is read, keeps them for the caller by serial (closed when
     * no call waits), and returns the reply without the count.
     */
    private Message receiveDescriptors(Message m) throws IOException, VirtException {
        int count;
        try {
            count = m.payloadReader().readInt();
        } catch (XdrException e) {
            throw failure("a reply with file descriptors does not say how many");
        }
        if (count < 0 || count > Programs.MAX_DESCRIPTORS) {
            throw failure("Received too many FDs " + count + ", expected " + Programs.MAX_DESCRIPTORS + " maximum");
        }
        int[] fds = new int[count];
        for (int i = 0; i < count; i++) {
            fds[i] = transport.receiveDescriptor();
        }
        descriptors.put(m.serial(), fds);
        if (!pending.containsKey(m.serial())) {   // nobody waits (any more): nobody will take them
            int[] orphans = descriptors.remove(m.serial());
            if (orphans != null) {
                ReceivedDescriptors.closeAll(orphans);
            }
        }
        byte[] payload = Arrays.copyOfRange(m.payload(), 4, m.payload().length);
        return new Message(m.prog(), m.vers(), m.proc(), MessageType.REPLY, m.serial(), m.status(), payload);
    }

    private static VirtException failure(String why) {
        return new VirtException(ErrorCode.RPC, ErrorDomain.RPC, why);
    }

    public boolean isOpen() {
        return !closed;
    }

    private void close(String reason) {
        if (closed) {
            return;
        }
        closeReason = reason;
        closed = true;
        transport.close();
        for (CompletableFuture<Message> f : pending.values()) {
            f.completeExceptionally(failure(reason));
        }
        streams.values().forEach(s -> s.connectionClosed(reason));
        streams.clear();
    }

    @Override
    public void close() {
        close("connection closed");
    }
}
