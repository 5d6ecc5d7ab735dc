package org.jvirt.rpc.internal.dispatch;

/** When a procedure may run, libvirtd's rules. */
public enum Access {
    /** Authentication and the opening handshake: allowed before CONNECT_OPEN. */
    BEFORE_OPEN,
    /** Needs an open connection; allowed on read-only connections. */
    READ,
    /** Needs an open connection that is not read-only. */
    WRITE
}
