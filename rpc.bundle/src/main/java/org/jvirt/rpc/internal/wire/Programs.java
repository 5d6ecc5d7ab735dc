package org.jvirt.rpc.internal.wire;

/** Program numbers and versions of libvirt's RPC programs that jvirt speaks. */
public final class Programs {
    /** REMOTE_PROGRAM from remote_protocol.x. */
    public static final int REMOTE = 0x20008086;
    public static final int REMOTE_VERSION = 1;
    /** KEEPALIVE_PROGRAM ("keep") from virkeepaliveprotocol.x. */
    public static final int KEEPALIVE = 0x6b656570;
    public static final int KEEPALIVE_VERSION = 1;
    public static final int KEEPALIVE_PING = 1;
    public static final int KEEPALIVE_PONG = 2;

    private Programs() {
    }
}
