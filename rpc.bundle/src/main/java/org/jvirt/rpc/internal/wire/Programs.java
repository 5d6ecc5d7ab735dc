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

    /** LXC_PROGRAM from lxc_protocol.x: libvirt's LXC-only calls. */
    public static final int LXC = 0x00068000;
    public static final int LXC_VERSION = 1;
    /** LXC_PROC_DOMAIN_OPEN_NAMESPACE: the reply carries the namespaces' descriptors. */
    public static final int LXC_PROC_DOMAIN_OPEN_NAMESPACE = 1;
    /** VIR_NET_MESSAGE_NUM_FDS_MAX: the most descriptors one message may carry. */
    public static final int MAX_DESCRIPTORS = 32;

    private Programs() {
    }
}
