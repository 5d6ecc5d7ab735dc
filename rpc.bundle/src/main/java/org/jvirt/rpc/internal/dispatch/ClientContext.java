package org.jvirt.rpc.internal.dispatch;

import org.jvirt.api.Connection;
import org.jvirt.api.VirtException;

/**
 * What a procedure sees of the client that called it: the connection the client opened, its
 * access rights and a way to push asynchronous messages (events) to it. Implemented by the
 * server's per-client session; thread-safe.
 */
public interface ClientContext {

    /**
     * The client's open connection.
     *
     * @throws VirtException libvirtd's "connection not open" internal error before CONNECT_OPEN
     */
    Connection connection() throws VirtException;

    /** Opens the client's connection; fails when one is open already. */
    void open(String uri, int flags) throws VirtException;

    /** Closes the client's connection, if any; the transport stays up. */
    void closeConnection();

    /** True when the client came in on a read-only listener. */
    boolean readOnlyListener();

    /** True for transports libvirt calls secure (UNIX sockets, TLS). */
    boolean secure();

    /** The client asked whether we speak keepalive: from now on the server pings it too. */
    void startKeepalive();

    /**
     * The client's event callbacks: the callback ID the client knows (allocated by
     * {@link EventCallbacks#reserve()}) to the listener id of its connection.
     */
    EventCallbacks eventCallbacks();

    /** Queues an asynchronous MESSAGE of the remote program; never blocks. */
    void sendEvent(int proc, byte[] payload);
}
