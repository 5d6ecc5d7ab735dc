package org.jvirt.rpc.internal.server;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;

import org.jvirt.api.Connection;
import org.jvirt.api.DomainEventListener;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.OpenFlag;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.internal.dispatch.ClientContext;
import org.jvirt.rpc.internal.dispatch.Dispatcher;
import org.jvirt.rpc.internal.wire.Frames;
import org.jvirt.rpc.internal.wire.Message;
import org.jvirt.rpc.internal.wire.MessageType;
import org.jvirt.rpc.internal.wire.Programs;
import org.jvirt.rpc.internal.wire.RemoteError;
import org.jvirt.rpc.internal.wire.Transport;
import org.jvirt.rpc.internal.xdr.XdrException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connected client. A reader thread decodes frames and hands calls to the shared worker pool
 * (at most {@code maxClientRequests} in flight: the reader stops reading while the client has that
 * many, as libvirtd does). A reply is written by the worker that made it when the socket takes it
 * at once; otherwise it waits in this client's outbox for the client's own writer thread, so a
 * client that does not read never blocks a worker. An outbox that grows past its bounds means the client
 * is not reading: it is dropped.
 */
final class ClientSession implements ClientContext {
    private static final Logger LOG = LoggerFactory.getLogger(ClientSession.class);
    private static final int OUTBOX_MESSAGES_MAX = 1024;
    private static final long OUTBOX_BYTES_MAX = 2L * Frames.MESSAGE_MAX;

    private final RpcServer server;
    private final Transport transport;
    private final boolean readOnlyListener;
    private final Semaphore inflight;
    private final Object writeLock = new Object();
    private final ArrayDeque<ByteBuffer> outbox = new ArrayDeque<>();   // guarded by writeLock
    private long outboxBytes;                                           // guarded by writeLock
    private boolean writerBusy;                                         // guarded by writeLock
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Object connLock = new Object();
    private SessionConnection connection;                               // guarded by connLock

    private volatile boolean keepalive;
    private volatile long lastReceived = System.nanoTime();
    private volatile long lastPing;
    private volatile int unansweredPings;

    ClientSession(RpcServer server, Transport transport, boolean readOnlyListener) {
        this.server = server;
        this.transport = transport;
        this.readOnlyListener = readOnlyListener;
        this.inflight = new Semaphore(Math.max(1, server.settings().maxClientRequests()));
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
                Message m = Frames.read(transport);
                lastReceived = System.nanoTime();
                unansweredPings = 0;
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
        } finally {
            close();
        }
    }

    private void handle(Message m) throws InterruptedException {
        boolean call = m.type() == MessageType.CALL || m.type() == MessageType.CALL_WITH_FDS;
        if (m.prog() == Programs.KEEPALIVE && m.vers() == Programs.KEEPALIVE_VERSION
                && m.type() == MessageType.MESSAGE) {
            if (m.proc() == Programs.KEEPALIVE_PING) {
                send(new Message(Programs.KEEPALIVE, Programs.KEEPALIVE_VERSION, Programs.KEEPALIVE_PONG,
                        MessageType.MESSAGE, 0, MessageType.STATUS_OK, new byte[0]));
            }
            return;
        }
        if (!call) {
            // libvirtd drops non-call messages it has no use for (no streams here)
            LOG.debug("client {}: dropping {}", transport.describe(), m);
            return;
        }
        if (m.type() == MessageType.CALL_WITH_FDS) {
            send(Dispatcher.error(m, RemoteError.of(new VirtException(ErrorCode.NO_SUPPORT,
                    ErrorDomain.RPC, "file descriptor passing"))));
            return;
        }
        inflight.acquire();
        try {
            server.workers().execute(() -> {
                try {
                    send(server.dispatcher().dispatch(this, m));
                } finally {
                    inflight.release();
                }
            });
        } catch (RejectedExecutionException e) {
            inflight.release();
            close();
        }
    }

    /**
     * Drains the outbox. It only runs while the socket could not take a reply at once; the
     * common case never comes here (see {@link #send}).
     */
    private void writeLoop() {
        try {
            while (true) {
                ByteBuffer next;
                synchronized (writeLock) {
                    while (outbox.isEmpty() && !closed.get()) {
                        writerBusy = false;
                        writeLock.wait();
                    }
                    if (closed.get()) {
                        return;
                    }
                    next = outbox.peekFirst();   // stays queued, so senders keep the order
                }
                transport.write(next);           // may block: only this client's writer waits
                synchronized (writeLock) {
                    outbox.pollFirst();
                    outboxBytes -= next.capacity();
                }
            }
        } catch (IOException e) {
            if (!closed.get()) {
                LOG.debug("client {} write failed: {}", transport.describe(), e.toString());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            close();
        }
    }

    /**
     * Sends a message without ever blocking: written at once when the socket takes it (no thread
     * hand-off), else queued for this client's writer. An outbox past its bounds means the client
     * stopped reading: it is dropped.
     */
    void send(Message m) {
        ByteBuffer frame = ByteBuffer.wrap(m.encode());
        boolean drop = false;
        synchronized (writeLock) {
            if (closed.get()) {
                return;
            }
            if (!writerBusy) {
                try {
                    if (transport.writeNow(frame) && !frame.hasRemaining()) {
                        return;
                    }
                } catch (IOException e) {
                    LOG.debug("client {} write failed: {}", transport.describe(), e.toString());
                    drop = true;
                }
            }
            if (!drop && (outbox.size() >= OUTBOX_MESSAGES_MAX
                    || outboxBytes + frame.capacity() > OUTBOX_BYTES_MAX)) {
                LOG.warn("client {} does not read its replies ({} queued, {} bytes): dropping it",
                        transport.describe(), outbox.size(), outboxBytes);
                drop = true;
            }
            if (!drop) {
                outbox.addLast(frame);
                outboxBytes += frame.capacity();
                writerBusy = true;
                writeLock.notifyAll();
                return;
            }
        }
        close();
    }

    /** Called by the server's keepalive timer. */
    void keepaliveTick(long now, long intervalNanos, int count) {
        if (!keepalive || closed.get() || intervalNanos <= 0) {
            return;
        }
        long silentSince = Math.max(lastReceived, lastPing);
        if (now - silentSince < intervalNanos) {
            return;
        }
        if (unansweredPings >= count) {
            LOG.warn("client {} did not answer {} keepalive pings: dropping it", transport.describe(), count);
            close();
            return;
        }
        unansweredPings++;
        lastPing = now;
        send(new Message(Programs.KEEPALIVE, Programs.KEEPALIVE_VERSION, Programs.KEEPALIVE_PING,
                MessageType.MESSAGE, 0, MessageType.STATUS_OK, new byte[0]));
    }

    /** Closes the session; true for the call that actually closed it. */
    boolean close() {
        if (!closed.compareAndSet(false, true)) {
            return false;
        }
        transport.close();
        synchronized (writeLock) {
            outbox.clear();
            writeLock.notifyAll();
        }
        closeConnection();
        server.removed(this);
        return true;
    }

    boolean isClosed() {
        return closed.get();
    }

    @Override
    public Connection connection() throws VirtException {
        return session().connection();
    }

    @Override
    public <T> T withConnection(Attempt<T> attempt) throws VirtException, XdrException {
        SessionConnection s;
        synchronized (connLock) {
            s = connection;
        }
        return s == null ? attempt.run() : s.call(attempt);
    }

    @Override
    public void open(String uri, int flags) throws VirtException {
        synchronized (connLock) {
            if (connection != null) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.REMOTE, "connection already open");
            }
            // like libvirtd, a client of the read-only socket always gets a read-only connection
            int f = readOnlyListener ? flags | OpenFlag.READ_ONLY.bit() : flags;
            connection = SessionConnection.open(server.core(), uri, f);
            LOG.debug("client {} opened {}", transport.describe(), uri);
        }
    }

    @Override
    public void closeConnection() {
        SessionConnection c;
        synchronized (connLock) {
            c = connection;
            connection = null;
        }
        if (c != null) {
            c.close();
        }
    }

    private SessionConnection session() throws VirtException {
        synchronized (connLock) {
            if (connection == null) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.REMOTE, "connection not open");
            }
            return connection;
        }
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
    public void startKeepalive() {
        keepalive = true;
    }

    @Override
    public int addLifecycleListener(IntFunction<DomainEventListener> listenerFor) throws VirtException {
        return session().addLifecycleListener(listenerFor);
    }

    @Override
    public boolean removeLifecycleListener(int callbackId) throws VirtException {
        return session().removeLifecycleListener(callbackId);
    }

    @Override
    public void sendEvent(int proc, byte[] payload) {
        // libvirtd sends events with serial 1 (remoteDispatchObjectEventSend)
        send(new Message(Programs.REMOTE, Programs.REMOTE_VERSION, proc, MessageType.MESSAGE, 1,
                MessageType.STATUS_OK, payload));
    }
}
