package org.jvirt.rpc.internal.server;

import java.io.EOFException;
import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;

import org.jvirt.api.Connection;
import org.jvirt.api.DomainEventListener;
import org.jvirt.api.NetworkEventListener;
import org.jvirt.api.SecretEventListener;
import org.jvirt.api.StoragePoolEventListener;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.OpenFlag;
import org.jvirt.api.Stream;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.internal.dispatch.ClientAuth;
import org.jvirt.rpc.internal.dispatch.ClientContext;
import org.jvirt.rpc.internal.wire.Frames;
import org.jvirt.rpc.internal.wire.LayeredTransport;
import org.jvirt.rpc.internal.wire.Message;
import org.jvirt.rpc.internal.wire.MessageType;
import org.jvirt.rpc.internal.wire.Programs;
import org.jvirt.rpc.internal.wire.SecurityLayer;
import org.jvirt.rpc.internal.wire.Transport;
import org.jvirt.rpc.internal.xdr.XdrException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connected client. A reader thread decodes frames and hands calls to the shared worker pool.
 * As in libvirtd, every message read takes one of the client's max_client_requests slots and a
 * call keeps it until its reply has been written: a client at the limit is not read from until
 * its replies drain, so neither the worker queue nor this client's {@link Outbox} grows with what
 * it sends. Every call gets a reply, whatever fails on the way (the dispatcher, encoding the
 * reply, a full worker queue); only a broken stream or a client that does not read closes the
 * connection.
 */
final class ClientSession implements ClientContext {
    private static final Logger LOG = LoggerFactory.getLogger(ClientSession.class);

    private final RpcServer server;
    private final Transport transport;
    private final LayeredTransport layered;
    private final SessionAuth auth;
    private final boolean readOnlyListener;
    private final RequestSlots requests;
    private final Outbox outbox;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ConnectionSlot connection = new ConnectionSlot();
    private final SessionStreams streams;
    private final SessionLiveness liveness;
    private final DescriptorReplies descriptorReplies;
    private final CallAnswer answers;

    ClientSession(RpcServer server, Transport raw, boolean readOnlyListener) {
        this.server = server;
        boolean tls = raw.tlsProtocol() != null;
        boolean unix = raw.secure() && !tls;
        int authType = server.settings().authFor(unix, readOnlyListener, tls);
        // only SASL can negotiate a security layer; other clients keep their transport as it is
        this.layered = authType == ClientAuth.SASL ? new LayeredTransport(raw) : null;
        this.transport = layered != null ? layered : raw;
        this.auth = new SessionAuth(authType, server.settings().auth().sasl(), raw.secure(), layered, raw.describe());
        this.readOnlyListener = readOnlyListener;
        this.requests = new RequestSlots(server.settings().limits().maxClientRequests());
        this.outbox = new Outbox(transport, server.settings().limits().maxClientEvents(), requests::release);
        this.streams = new SessionStreams(this, outbox, requests);
        this.liveness = new SessionLiveness(this, outbox);
        this.descriptorReplies = new DescriptorReplies(transport, this::close);
        this.answers = new CallAnswer(this, server, streams, descriptorReplies);
    }

    void start() {
        Thread reader = new Thread(this::readLoop, "jvirt-rpc-read " + transport.describe());
        Thread writer = new Thread(this::writeLoop, "jvirt-rpc-write " + transport.describe());
        reader.setDaemon(true);
        writer.setDaemon(true);
        writer.start();
        reader.start();
    }

    private void readLoop() {
        try {
            while (!closed.get()) {
                requests.take(transport.describe());
                if (closed.get()) {
                    return;
                }
                Message m = Frames.read(transport);
                liveness.received();
                handle(m);
            }
        } catch (EOFException e) {
            LOG.debug("client {} disconnected", transport.describe());
        } catch (Frames.FrameException e) {
            LOG.warn("client {} sent a bad frame, dropping it: {}", transport.describe(), e.getMessage());
        } catch (IOException e) {
            if (!closed.get()) {
                LOG.debug("client {} read failed: {}", transport.describe(), e.toString());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            LOG.error("client {}: reading its messages failed unexpectedly, dropping it", transport.describe(), e);
        } finally {
            close();
        }
    }

    /** Handles one message; owns one request slot, which it passes on with a call or releases. */
    private void handle(Message m) {
        boolean call = m.type() == MessageType.CALL || m.type() == MessageType.CALL_WITH_FDS;
        if (m.prog() == Programs.KEEPALIVE && m.vers() == Programs.KEEPALIVE_VERSION
                && m.type() == MessageType.MESSAGE) {
            requests.release();   // as libvirtd: keepalive messages take no request slot
            if (m.proc() == Programs.KEEPALIVE_PING) {
                send(Keepalive.pong());
            }
            return;
        }
        if (m.type() == MessageType.STREAM || m.type() == MessageType.STREAM_HOLE) {
            streams.received(m);
            return;
        }
        if (!call) {
            // libvirtd drops non-call messages it has no use for
            requests.release();
            LOG.debug("client {}: dropping {}", transport.describe(), m);
            return;
        }
        if (m.type() == MessageType.CALL_WITH_FDS) {
            String drop = descriptorReplies.discardReceived(m);
            if (drop != null) {
                requests.release();
                drop(drop);
                return;
            }
            reply(m, Replies.error(m, ErrorCode.NO_SUPPORT, "file descriptor passing"));
            return;
        }
        try {
            server.workers().submit(() -> answers.answer(m), WorkerPool.highPriority(m));
        } catch (RejectedExecutionException e) {
            if (server.workers().isShutdown()) {
                close();
                return;
            }
            LOG.error("client {}: the worker queue is full ({} calls), refusing {}", transport.describe(),
                    server.workers().queued(), m);
            reply(m, Replies.error(m, ErrorCode.INTERNAL_ERROR, "too many calls queued for the server's workers ("
                    + server.workers().capacity() + "): try again later"));
        }
    }

    /** Sends the reply to {@code call}; it holds a request slot until written. */
    void reply(Message call, Message reply) {
        byte[] frame;
        try {
            frame = Replies.encode(call, reply);
        } catch (Throwable t) {   // e.g. no memory for a huge reply: still answer, with a small one
            LOG.error("client {}: the reply to {} cannot be encoded", transport.describe(), call, t);
            frame = Replies.internalError(call, t).encode();
        }
        SecurityLayer layer = auth.takePendingLayer();
        sendFrame(frame, true, layer == null ? null : () -> layered.startWriting(layer));
    }

    private void writeLoop() {
        try {
            outbox.drain();
        } catch (IOException e) {
            if (!closed.get()) {
                LOG.debug("client {} write failed: {}", transport.describe(), e.toString());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            LOG.error("client {}: writing failed unexpectedly, dropping it", transport.describe(), e);
        } finally {
            close();
        }
    }

    /** Sends an untracked message (event, keepalive) without ever blocking. */
    void send(Message m) {
        sendFrame(m.encode(), false, null);
    }

    /** Queues a frame; a tracked one holds its request slot until written, then runs {@code afterWritten}. */
    void sendFrame(byte[] frame, boolean tracked, Runnable afterWritten) {
        String drop;
        try {
            drop = outbox.offer(frame, tracked, afterWritten);
        } catch (IOException e) {
            LOG.debug("client {} write failed: {}", transport.describe(), e.toString());
            close();
            return;
        }
        if (drop != null && close()) {
            LOG.warn("client {}: {}: dropping it", transport.describe(), drop);
        }
    }

    /** Called by the server's timer: see {@link SessionLiveness#tick}. */
    void keepaliveTick(long now, long intervalNanos, int count) {
        liveness.tick(now, intervalNanos, count);
    }

    /** Closes the session; true for the call that actually closed it. */
    boolean close() {
        if (!closed.compareAndSet(false, true)) {
            return false;
        }
        transport.close();
        outbox.close();
        descriptorReplies.close();
        requests.wakeReader();
        streams.closeAll();
        closeConnection();
        server.removed(this);
        return true;
    }

    /** Messages waiting to be written to this client. */
    int outboxSize() {
        return outbox.size();
    }

    boolean isClosed() {
        return closed.get();
    }

    @Override
    public Connection connection() throws VirtException {
        return connection.require().connection();
    }

    @Override
    public <T> T withConnection(String function, boolean repeatable, Attempt<T> attempt)
            throws VirtException, XdrException {
        SessionConnection s = connection.current();
        return s == null ? attempt.run() : s.call(function, repeatable, attempt);
    }

    @Override
    public void open(String uri, int flags) throws VirtException {
        // like libvirtd, a client of the read-only socket always gets a read-only connection
        connection.open(server.core(), uri, readOnlyListener ? flags | OpenFlag.READ_ONLY.bit() : flags);
        LOG.debug("client {} opened {}", transport.describe(), uri);
    }

    @Override
    public void closeConnection() {
        connection.close();
    }

    @Override
    public ClientAuth auth() {
        return auth;
    }

    @Override
    public boolean readOnlyListener() {
        return readOnlyListener;
    }

    @Override
    public boolean secure() {
        return transport.secure();
    }

    @Override
    public boolean passesDescriptors() {
        return transport.passesDescriptors();
    }

    @Override
    public void startKeepalive() {
        liveness.enableKeepalive();
    }

    @Override
    public int addLifecycleListener(int eventId, UUID filter, IntFunction<DomainEventListener> listenerFor)
            throws VirtException {
        return connection.require().addLifecycleListener(eventId, filter, listenerFor);
    }

    @Override
    public int domainEventCallback(int eventId) throws VirtException {
        return connection.require().domainEventCallback(eventId);
    }

    @Override
    public boolean removeLifecycleListener(int callbackId) throws VirtException {
        return connection.require().removeLifecycleListener(callbackId);
    }

    @Override
    public int addSecretEventListener(IntFunction<SecretEventListener> listenerFor) throws VirtException {
        return connection.require().addSecretEventListener(listenerFor);
    }

    @Override
    public boolean removeSecretEventListener(int callbackId) throws VirtException {
        return connection.require().removeSecretEventListener(callbackId);
    }

    @Override
    public int addStoragePoolEventListener(IntFunction<StoragePoolEventListener> listenerFor) throws VirtException {
        return connection.require().addStoragePoolEventListener(listenerFor);
    }

    @Override
    public boolean removeStoragePoolEventListener(int callbackId) throws VirtException {
        return connection.require().removeStoragePoolEventListener(callbackId);
    }

    @Override
    public int addNetworkEventListener(IntFunction<NetworkEventListener> listenerFor) throws VirtException {
        return connection.require().addNetworkEventListener(listenerFor);
    }

    @Override
    public boolean removeNetworkEventListener(int callbackId) throws VirtException {
        return connection.require().removeNetworkEventListener(callbackId);
    }

    @Override
    public void sendEvent(int proc, byte[] payload) {
        try {
            // libvirtd sends events with serial 1 (remoteDispatchObjectEventSend)
            send(new Message(Programs.REMOTE, Programs.REMOTE_VERSION, proc, MessageType.MESSAGE, 1,
                    MessageType.STATUS_OK, payload));
        } catch (RuntimeException | Error e) {
            // runs on the core's event thread: a failure here must not reach the other listeners
            LOG.error("client {}: event {} could not be sent, dropping the client", transport.describe(), proc, e);
            close();
        }
    }

    @Override
    public void attachStream(Stream stream) {
        // calls get a CallContext, which keeps their stream; the session itself has no call
        throw new IllegalStateException("a stream belongs to a call");
    }

    /** Drops the client for a protocol violation. */
    void drop(String why) {
        if (close()) {
            LOG.warn("client {} {}: dropping it", transport.describe(), why);
        }
    }

    String describe() {
        return transport.describe();
    }
}
