package org.jvirt.rpc.internal.dispatch;

import java.util.UUID;
import java.util.function.IntFunction;

import org.jvirt.api.Connection;
import org.jvirt.api.DomainEventListener;
import org.jvirt.api.NamespaceDescriptors;
import org.jvirt.api.NetworkEventListener;
import org.jvirt.api.SecretEventListener;
import org.jvirt.api.StoragePoolEventListener;
import org.jvirt.api.Stream;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.internal.xdr.XdrException;

/**
 * What a procedure sees of the client that called it: the connection the client opened, its
 * access rights and a way to push asynchronous messages (events) to it. Implemented by the
 * server's per-client session; thread-safe.
 */
public interface ClientContext {

    /** Work on the client's connection that may be run again (a procedure with fresh arguments). */
    @FunctionalInterface
    interface Attempt<T> {
        T run() throws VirtException, XdrException;
    }

    /**
     * The client's open connection. While the core is being updated this waits (bounded) for the
     * replacement and returns the connection reopened on it.
     *
     * @throws VirtException libvirtd's "connection not open" internal error before CONNECT_OPEN
     */
    Connection connection() throws VirtException;

    /**
     * Runs {@code attempt}, which uses {@link #connection()}, as the libvirt API call
     * {@code function}. When it fails because the core went away during it (an update), a
     * {@code repeatable} call runs again on the replacement core, within a bounded wait; any other
     * call may already have changed something, so it is not sent twice: it fails with
     * OPERATION_FAILED saying its outcome is unknown.
     */
    <T> T withConnection(String function, boolean repeatable, Attempt<T> attempt) throws VirtException, XdrException;

    /** Opens the client's connection; fails when one is open already. */
    void open(String uri, int flags) throws VirtException;

    /**
     * Closes the client's connection, if any (CONNECT_CLOSE); the transport is closed once the
     * call's reply has been written, as libvirtd does.
     */
    void closeConnection();

    /** The client's authentication: what its listener demands and how far it got. */
    ClientAuth auth();

    /** True when the client came in on a read-only listener. */
    boolean readOnlyListener();

    /** True for transports libvirt calls secure (UNIX sockets, TLS). */
    boolean secure();

    /** The client asked whether we speak keepalive: from now on the server pings it too. */
    void startKeepalive();

    /**
     * Registers a domain event listener for {@code eventId} of the domain {@code filter} (null:
     * every domain) on the client's connection and returns the callback ID the client knows it by;
     * {@code listenerFor} makes the listener for that ID before it is registered, so an event
     * during registration already carries it. The registration is kept when the connection is
     * reopened on a new core.
     *
     * @throws VirtException INVALID_ARG "event callback already tracked" when the client has a
     *         callback for the same event ID and filter (libvirtd tracks one per connection)
     */
    int addLifecycleListener(int eventId, UUID filter, IntFunction<DomainEventListener> listenerFor)
            throws VirtException;

    /** The callback ID of the client's first domain event callback for {@code eventId}, any filter; -1 if none. */
    int domainEventCallback(int eventId) throws VirtException;

    /** Removes the listener of {@code callbackId}; false when the client registered no such callback. */
    boolean removeLifecycleListener(int callbackId) throws VirtException;

    /**
     * Registers a secret event listener on the client's connection, as {@link #addLifecycleListener};
     * the callback IDs of both kinds are distinct.
     */
    int addSecretEventListener(IntFunction<SecretEventListener> listenerFor) throws VirtException;

    /** Removes the secret listener of {@code callbackId}; false when the client registered no such secret callback. */
    boolean removeSecretEventListener(int callbackId) throws VirtException;

    /** Registers a storage pool event listener on the client's connection, as {@link #addSecretEventListener}. */
    int addStoragePoolEventListener(IntFunction<StoragePoolEventListener> listenerFor) throws VirtException;

    /** Removes the storage pool listener of {@code callbackId}; false when the client registered no such callback. */
    boolean removeStoragePoolEventListener(int callbackId) throws VirtException;

    /** Registers a network event listener on the client's connection, as {@link #addStoragePoolEventListener}. */
    int addNetworkEventListener(IntFunction<NetworkEventListener> listenerFor) throws VirtException;

    /** Removes the network listener of {@code callbackId}; false when the client registered no such callback. */
    boolean removeNetworkEventListener(int callbackId) throws VirtException;

    /** Queues an asynchronous MESSAGE of the remote program; never blocks. */
    void sendEvent(int proc, byte[] payload);

    /**
     * Makes {@code stream} the stream of the call being answered (libvirt's daemonAddClientStream):
     * once the call's OK reply is queued, the stream's data flows as VIR_NET_STREAM messages with
     * the call's procedure and serial. When the call fails after this, the stream is aborted.
     */
    void attachStream(Stream stream);

    /** True when file descriptors can go to the client with a reply (a UNIX socket). */
    default boolean passesDescriptors() {
        return false;
    }

    /**
     * Makes {@code descriptors} go with the reply of the call being answered (VIR_NET_REPLY_WITH_FDS):
     * from now on the context owns them and closes them once sent, or when the call fails.
     */
    default void attachDescriptors(NamespaceDescriptors descriptors) {
        descriptors.close();
        throw new IllegalStateException("descriptors belong to a call");
    }
}
