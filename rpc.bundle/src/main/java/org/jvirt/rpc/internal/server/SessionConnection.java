package org.jvirt.rpc.internal.server;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntFunction;

import org.jvirt.api.Connection;
import org.jvirt.api.ConnectionFactory;
import org.jvirt.api.DomainEventListener;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.NetworkEventListener;
import org.jvirt.api.SecretEventListener;
import org.jvirt.api.StoragePoolEventListener;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.internal.dispatch.ClientContext;
import org.jvirt.rpc.internal.xdr.XdrException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's open connection, kept across updates of the core.
 * <p>
 * When the core is updated or restarted, its {@link ConnectionFactory} service goes away and the
 * connections it handed out are closed. A libvirt client of this server must not notice (as the
 * core's own connections do not notice a driver update): this object remembers the URI and flags
 * the client opened and the lifecycle listeners it registered, opens the URI again on the core that
 * replaced the old one (waiting for it, and for the URI's driver to come back, at most the core
 * wait) and registers the listeners again under the client's callback IDs. A call that failed
 * because the core went away during it is repeated on the replacement if it changes nothing
 * ({@link #call}); a state change is not sent twice.
 * Thread-safe; reopening is serialised.
 */
final class SessionConnection {
    private static final Logger LOG = LoggerFactory.getLogger(SessionConnection.class);
    /** How often a reopen tries the new core while it has no driver for the URI yet. */
    private static final long DRIVER_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final CoreLink core;
    private final String uri;
    private final int flags;
    private final ReentrantLock reopenLock = new ReentrantLock();
    /** The client's callback ID to its listener and the listener's id on the current connection. */
    private final Map<Integer, Callback> callbacks = new ConcurrentSkipListMap<>();
    private final AtomicInteger nextCallbackId = new AtomicInteger();
    /** The callback IDs of storage pool listeners (kept apart so a domain deregistration cannot remove one). */
    private final Set<Integer> storageCallbackIds = ConcurrentHashMap.newKeySet();
    /** The callback IDs of network listeners, apart likewise. */
    private final Set<Integer> networkCallbackIds = ConcurrentHashMap.newKeySet();
    private volatile Opened opened;
    private volatile boolean closed;

    /** The connection of one core. */
    private record Opened(ConnectionFactory core, Connection connection) {
    }

    /**
     * A client's event callback: how to register it on a connection and remove it again; for a
     * domain event, its event ID and domain filter (null: every domain).
     */
    private static final class Callback {
        final boolean secret;
        final int eventId;
        final UUID filter;
        final Registrar registrar;
        volatile int listenerId;

        Callback(boolean secret, int eventId, UUID filter, Registrar registrar) {
            this.secret = secret;
            this.eventId = eventId;
            this.filter = filter;
            this.registrar = registrar;
        }

        boolean isDomainEvent(int id) {
            return !secret && eventId == id;
        }
    }

    /** Registers one listener on a connection (again after a reopen) and removes it. */
    /** How one callback's listener is added to a core connection and removed from it (again after a reopen). */
    private record Registrar(Adder adder, Remover remover) {
        int add(Connection c) throws VirtException {
            return adder.add(c);
        }

        void remove(Connection c, int listenerId) throws VirtException {
            remover.remove(c, listenerId);
        }
    }

    @FunctionalInterface
    private interface Adder {
        int add(Connection c) throws VirtException;
    }

    @FunctionalInterface
    private interface Remover {
        void remove(Connection c, int listenerId) throws VirtException;
    }

    private SessionConnection(CoreLink core, String uri, int flags) {
        this.core = core;
        this.uri = uri;
        this.flags = flags;
    }

    /** Opens {@code uri} on the core, waiting for one (bounded) when the core is being updated. */
    static SessionConnection open(CoreLink core, String uri, int flags) throws VirtException {
        SessionConnection s = new SessionConnection(core, uri, flags);
        long deadline = System.nanoTime() + core.waitTime().toNanos();
        ConnectionFactory factory = core.await(deadline, String.valueOf(uri));
        s.opened = new Opened(factory, factory.open(uri, flags));
        return s;
    }

    /** The connection on the current core, reopened first when the core it was on went away. */
    Connection connection() throws VirtException {
        Opened o = opened;
        if (core.isCurrent(o.core())) {
            return o.connection();
        }
        return reopen(o).connection();
    }

    /**
     * Runs {@code attempt} (which uses {@link #connection()}) as the API call {@code function};
     * when it fails and the core went away meanwhile, runs it again on the replacement, within the
     * core wait, if it is {@code repeatable}. Any other call may have reached the old core's
     * driver already, so it is not sent again (the core's own rule for a driver swap).
     */
    <T> T call(String function, boolean repeatable, ClientContext.Attempt<T> attempt)
            throws VirtException, XdrException {
        long deadline = System.nanoTime() + core.waitTime().toNanos();
        while (true) {
            Opened before = opened;
            try {
                return attempt.run();
            } catch (VirtException | RuntimeException | LinkageError e) {
                if (closed || !lostCore(before) || System.nanoTime() - deadline > 0) {
                    throw e;
                }
                if (!repeatable) {
                    throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.RPC, "the jvirt core "
                            + "serving " + uri + " was replaced during " + function + "; the outcome is unknown", e);
                }
                LOG.debug("the core went away during a call on {}; repeating it on the replacement", uri, e);
            }
        }
    }

    /**
     * Registers a domain event listener for {@code eventId} (of the domain {@code filter}, null for
     * all) under a new callback ID; {@code listenerFor} makes the listener for that ID (events
     * carry it), before it is registered. As libvirtd, whose connection tracks one callback per
     * event ID and domain filter (virObjectEventCallbackListAddID), a second one is refused
     * without using up a callback ID.
     */
    int addLifecycleListener(int eventId, UUID filter, IntFunction<DomainEventListener> listenerFor)
            throws VirtException {
        reopenLock.lock();
        try {
            for (Callback cb : callbacks.values()) {
                if (cb.isDomainEvent(eventId) && Objects.equals(cb.filter, filter)) {
                    throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.NONE, "event callback already tracked");
                }
            }
            int callbackId = nextCallbackId.getAndIncrement();   // from 0, as libvirtd numbers them
            DomainEventListener listener = listenerFor.apply(callbackId);
            return add(callbackId, new Callback(false, eventId, filter,
                    new Registrar(c -> c.addLifecycleListener(listener),
                            Connection::removeLifecycleListener)));
        } finally {
            reopenLock.unlock();
        }
    }

    /**
     * The callback ID of the first domain event callback registered for {@code eventId}, whatever
     * its filter (libvirtd's search of the legacy deregistrations), or -1.
     */
    int domainEventCallback(int eventId) {
        for (Map.Entry<Integer, Callback> e : callbacks.entrySet()) {
            if (e.getValue().isDomainEvent(eventId)) {
                return e.getKey();
            }
        }
        return -1;
    }

    /** Removes the lifecycle listener of {@code callbackId}; false when the client has no such callback. */
    boolean removeLifecycleListener(int callbackId) throws VirtException {
        if (storageCallbackIds.contains(callbackId) || networkCallbackIds.contains(callbackId)) {
            return false;
        }
        return remove(callbackId, false);
    }

    /** Registers a secret event listener under a new callback ID, as {@link #addLifecycleListener}. */
    int addSecretEventListener(IntFunction<SecretEventListener> listenerFor) throws VirtException {
        int callbackId = nextCallbackId.getAndIncrement();
        SecretEventListener listener = listenerFor.apply(callbackId);
        return add(callbackId, new Callback(true, -1, null, new Registrar(c -> c.addSecretEventListener(listener),
                Connection::removeSecretEventListener)));
    }

    /** Removes the secret event listener of {@code callbackId}; false when the client has no such callback. */
    boolean removeSecretEventListener(int callbackId) throws VirtException {
        return remove(callbackId, true);
    }

    /** Registers a storage pool event listener under a new callback ID, as {@link #addSecretEventListener}. */
    int addStoragePoolEventListener(IntFunction<StoragePoolEventListener> listenerFor) throws VirtException {
        int callbackId = nextCallbackId.getAndIncrement();
        StoragePoolEventListener listener = listenerFor.apply(callbackId);
        return addApart(storageCallbackIds, callbackId, new Registrar(c -> c.addStoragePoolEventListener(listener),
                Connection::removeStoragePoolEventListener));
    }

    /** Removes the storage pool event listener of {@code callbackId}; false when the client has no such callback. */
    boolean removeStoragePoolEventListener(int callbackId) throws VirtException {
        return removeApart(storageCallbackIds, callbackId);
    }

    /** Registers a network event listener under a new callback ID, as {@link #addStoragePoolEventListener}. */
    int addNetworkEventListener(IntFunction<NetworkEventListener> listenerFor) throws VirtException {
        int callbackId = nextCallbackId.getAndIncrement();
        NetworkEventListener listener = listenerFor.apply(callbackId);
        return addApart(networkCallbackIds, callbackId, new Registrar(c -> c.addNetworkEventListener(listener),
                Connection::removeNetworkEventListener));
    }

    /** Removes the network event listener of {@code callbackId}; false when the client has no such callback. */
    boolean removeNetworkEventListener(int callbackId) throws VirtException {
        return removeApart(networkCallbackIds, callbackId);
    }

    /** Adds a listener whose callback IDs {@code ids} keeps apart from the domain ones. */
    private int addApart(Set<Integer> ids, int callbackId, Registrar registrar) throws VirtException {
        ids.add(callbackId);
        try {
            return add(callbackId, new Callback(false, -1, null, registrar));
        } catch (VirtException | RuntimeException e) {
            ids.remove(callbackId);
            throw e;
        }
    }

    private boolean removeApart(Set<Integer> ids, int callbackId) throws VirtException {
        if (!ids.contains(callbackId) || !remove(callbackId, false)) {
            return false;
        }
        ids.remove(callbackId);
        return true;
    }

    private int add(int callbackId, Callback cb) throws VirtException {
        reopenLock.lock(); // a reopen registers every listener again: not while this one is half added
        try {
            cb.listenerId = cb.registrar.add(connection());
            callbacks.put(callbackId, cb);
        } finally {
            reopenLock.unlock();
        }
        return callbackId;
    }

    private boolean remove(int callbackId, boolean secret) throws VirtException {
        reopenLock.lock();
        try {
            Callback cb = callbacks.get(callbackId);
            if (cb == null || cb.secret != secret) {
                return false;
            }
            callbacks.remove(callbackId);
            cb.registrar.remove(connection(), cb.listenerId);
            return true;
        } finally {
            reopenLock.unlock();
        }
    }

    void close() {
        closed = true;
        callbacks.clear();
        Opened o = opened;
        if (o != null) {
            o.connection().close();
        }
    }

    private boolean lostCore(Opened before) {
        return opened != before || !core.isCurrent(before.core());
    }

    /** Opens the URI on the current core; another thread may have done so already. */
    private Opened reopen(Opened stale) throws VirtException {
        long deadline = System.nanoTime() + core.waitTime().toNanos();
        try {
            if (!reopenLock.tryLock(core.waitTime().toNanos(), TimeUnit.NANOSECONDS)) {
                throw new VirtException(ErrorCode.NO_CONNECT, ErrorDomain.NONE,
                        uri + ": the jvirt core did not come back within " + core.waitTime().toMillis() + " ms");
            }
        } catch (InterruptedException e) {
            throw interrupted();
        }
        try {
            Opened o = opened;
            if (o != stale && core.isCurrent(o.core())) {
                return o;
            }
            Opened fresh = openOnReplacement(deadline);
            opened = fresh;
            try { // the departed core has closed it already; this only makes sure
                stale.connection().close();
            } catch (RuntimeException | LinkageError e) {
                LOG.debug("closing {} of the departed core failed", uri, e);
            }
            LOG.info("{} reopened on the replacement core, {} event callbacks registered again", uri, callbacks.size());
            return fresh;
        } finally {
            reopenLock.unlock();
        }
    }

    /**
     * A new core registers its service before the drivers it binds come back: "no driver" on a URI
     * this session had open means "not yet", so the open is repeated until the deadline.
     */
    private Opened openOnReplacement(long deadline) throws VirtException {
        while (true) {
            if (closed) {
                throw new VirtException(ErrorCode.INVALID_CONN, ErrorDomain.NONE, "connection to " + uri + " is closed");
            }
            ConnectionFactory factory = core.await(deadline, uri);
            try {
                Connection c = factory.open(uri, flags);
                registerCallbacks(c);
                return new Opened(factory, c);
            } catch (VirtException e) {
                boolean noDriverYet = e.code() == ErrorCode.NO_CONNECT || e.code() == ErrorCode.INVALID_CONN
                        || !core.isCurrent(factory);
                if (!noDriverYet || System.nanoTime() - deadline > 0) {
                    throw e;
                }
                LOG.debug("{} cannot be opened on the replacement core yet: {}", uri, e.getMessage());
            } catch (RuntimeException | LinkageError e) {
                if (core.isCurrent(factory) || System.nanoTime() - deadline > 0) {
                    throw e;
                }
            }
            try {
                core.awaitChange(factory, Math.min(DRIVER_POLL_NANOS, deadline - System.nanoTime()));
            } catch (InterruptedException e) {
                throw interrupted();
            }
        }
    }

    private void registerCallbacks(Connection c) throws VirtException {
        try {
            for (Callback cb : callbacks.values()) {
                cb.listenerId = cb.registrar.add(c);
            }
        } catch (VirtException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    private VirtException interrupted() {
        Thread.currentThread().interrupt();
        return new VirtException(ErrorCode.OPERATION_ABORTED, ErrorDomain.NONE,
                "interrupted while reopening " + uri + " on the jvirt core");
    }
}
