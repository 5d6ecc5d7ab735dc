package org.jvirt.rpc.internal.dispatch;

/** When a procedure may run, libvirtd's rules. */
public enum Access {
    /**
     * Authentication, and the keepalive probe: allowed before the client has authenticated
     * (libvirt's procedures without needAuth) and before CONNECT_OPEN.
     */
    AUTH,
    /** Authentication and the opening handshake: allowed before CONNECT_OPEN. */
    BEFORE_OPEN,
    /** Needs an open connection; allowed on read-only connections. */
    READ,
    /** Needs an open connection that is not read-only. */
    WRITE;

    /** True for procedures that run without an open connection. */
    public boolean beforeOpen() {
        return this == AUTH || this == BEFORE_OPEN;
    }
}
