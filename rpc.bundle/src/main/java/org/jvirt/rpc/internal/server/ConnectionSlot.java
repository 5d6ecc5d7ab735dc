package org.jvirt.rpc.internal.server;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

/** The one connection a client may have open (CONNECT_OPEN to CONNECT_CLOSE); thread-safe. */
final class ConnectionSlot {
    private SessionConnection connection;   // guarded by this

    /** Opens {@code uri}; libvirtd's error when the client has a connection open already. */
    synchronized void open(CoreLink core, String uri, int flags) throws VirtException {
        if (connection != null) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC, "connection already open");
        }
        connection = SessionConnection.open(core, uri, flags);
    }

    /** The open connection; libvirtd's "connection not open" before CONNECT_OPEN. */
    synchronized SessionConnection require() throws VirtException {
        if (connection == null) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC, "connection not open");
        }
        return connection;
    }

    /** The open connection, or null. */
    synchronized SessionConnection current() {
        return connection;
    }

    /** Closes the connection, if any. */
    void close() {
        SessionConnection c;
        synchronized (this) {
            c = connection;
            connection = null;
        }
        if (c != null) {
            c.close();
        }
    }
}
