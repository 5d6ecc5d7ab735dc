package org.jvirt.rpc.internal.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jvirt.api.ConnectionFactory;
import org.jvirt.rpc.internal.dispatch.Dispatcher;
import org.jvirt.rpc.internal.dispatch.ProcedureTable;
import org.jvirt.rpc.internal.wire.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * jvirtd's libvirt RPC server: the listeners, the clients, one bounded worker pool shared by all
 * clients, the keepalive timer. Plain Java; {@link RpcServerComponent} runs it under DS.
 */
public final class RpcServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RpcServer.class);

    private final CoreLink core;
    private final ServerSettings settings;
    private final Dispatcher dispatcher = new Dispatcher(ProcedureTable.standard());
    private final Set<ClientSession> sessions = ConcurrentHashMap.newKeySet();
    private final List<AutoCloseable> listeners = new ArrayList<>();
    private WorkerPool workers;
    private ScheduledExecutorService timer;
    private ChannelListener tcpListener;
    private TlsListener tlsListener;

    /** A server on one core, for use without OSGi. */
    public RpcServer(ConnectionFactory core, ServerSettings settings) {
        this(CoreLink.to(core), settings);
    }

    /** A server on whichever core {@code core} has bound at the time of each call. */
    RpcServer(CoreLink core, ServerSettings settings) {
        this.core = core;
        this.settings = settings;
    }

    public synchronized void start() throws IOException {
        workers = new WorkerPool(settings.limits());
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "jvirt-rpc-keepalive");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::keepaliveTick, 250, 250, TimeUnit.MILLISECONDS);
        try {
            if (settings.rwSocket() != null) {
                add(ChannelListener.unix(this, settings.rwSocket(), settings.rwPerms(), false, backlog()));
            }
            if (settings.roSocket() != null) {
                add(ChannelListener.unix(this, settings.roSocket(), settings.roPerms(), true, backlog()));
            }
            if (settings.tcp()) {
                if (!InetAddress.getByName(settings.tcpAddress()).isLoopbackAddress()) {
                    // plain TCP carries no authentication: only loopback, as the issue demands
                    throw new IOException("refusing plain TCP on non-loopback address "
                            + settings.tcpAddress() + ": use TLS");
                }
                tcpListener = ChannelListener.tcp(this, settings.tcpAddress(), settings.tcpPort(), backlog());
                add(tcpListener);
            }
            if (settings.tls() != null) {
                tlsListener = TlsListener.open(this, settings.tls(), backlog(), settings.limits().maxAnonymousClients());
                listeners.add(tlsListener);
                tlsListener.start();
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private void add(ChannelListener l) {
        listeners.add(l);
        l.start();
    }

    /** The bound TCP address (useful with port 0), or null when TCP is off. */
    public InetSocketAddress tcpAddress() throws IOException {
        return tcpListener == null ? null : (InetSocketAddress) tcpListener.address();
    }

    public InetSocketAddress tlsAddress() {
        return tlsListener == null ? null : tlsListener.address();
    }

    /** max_queued_clients: connections the kernel holds for us before we accept them. */
    private int backlog() {
        return settings.limits().maxQueuedClients();
    }

    /**
     * A new client, or its refusal at max_clients. libvirtd stops accepting at the limit (later
     * clients wait in the backlog without a word); jvirt closes the extra connection at once with
     * libvirtd's log line, so the client learns at once instead of hanging. Synchronized: the
     * listeners accept on threads of their own, and the count must hold across them.
     */
    synchronized void accept(Transport t, boolean readOnly) {
        if (sessions.size() >= settings.maxClients()) {
            LOG.warn("Too many active clients ({}), dropping connection from {}", settings.maxClients(), t.describe());
            t.close();
            return;
        }
        ClientSession s = new ClientSession(this, t, readOnly);
        sessions.add(s);
        try {
            s.start();
        } catch (RuntimeException | Error e) {   // e.g. no more threads: refuse this client cleanly
            LOG.error("client {} cannot be served", t.describe(), e);
            s.close();
        }
    }

    /** Completed TLS handshakes by negotiated protocol ("TLSv1.3" to count); empty without TLS. */
    public Map<String, Long> tlsHandshakes() {
        return tlsListener == null ? Map.of() : tlsListener.handshakes();
    }

    void removed(ClientSession s) {
        sessions.remove(s);
    }

    public int clientCount() {
        return sessions.size();
    }

    /** The most messages any one client has waiting to be written (tests: the queues stay bounded). */
    int largestOutbox() {
        int max = 0;
        for (ClientSession s : sessions) {
            max = Math.max(max, s.outboxSize());
        }
        return max;
    }

    ServerSettings settings() {
        return settings;
    }

    Dispatcher dispatcher() {
        return dispatcher;
    }

    CoreLink core() {
        return core;
    }

    WorkerPool workers() {
        return workers;
    }

    private void keepaliveTick() {
        long now = System.nanoTime();
        long interval = TimeUnit.SECONDS.toNanos(settings.keepaliveInterval());
        for (ClientSession s : sessions) {
            try {
                s.keepaliveTick(now, interval, settings.keepaliveCount());
            } catch (RuntimeException | Error e) {
                // a failure must not cancel the timer: every other client's keepalive runs on it
                LOG.error("keepalive of a client failed", e);
            }
        }
    }

    @Override
    public synchronized void close() {
        for (AutoCloseable l : listeners) {
            try {
                l.close();
            } catch (Exception e) {
                LOG.debug("closing listener: {}", e.toString());
            }
        }
        listeners.clear();
        for (ClientSession s : List.copyOf(sessions)) {
            s.close();
        }
        if (timer != null) {
            timer.shutdownNow();
        }
        if (workers != null) {
            workers.close();
        }
    }
}
