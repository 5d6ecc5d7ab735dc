package org.jvirt.rpc.internal.wire;

/** libvirt's {@code virNetMessageType}. */
public final class MessageType {
    public static final int CALL = 0;
    public static final int REPLY = 1;
    public static final int MESSAGE = 2;
    public static final int STREAM = 3;
    public static final int CALL_WITH_FDS = 4;
    public static final int REPLY_WITH_FDS = 5;
    public static final int STREAM_HOLE = 6;

    /** libvirt's {@code virNetMessageStatus}. */
    public static final int STATUS_OK = 0;
    public static final int STATUS_ERROR = 1;
    public static final int STATUS_CONTINUE = 2;

    private MessageType() {
    }
}
