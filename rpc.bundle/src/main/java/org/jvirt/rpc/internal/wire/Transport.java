package org.jvirt.rpc.internal.wire;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A client's byte stream. Reading and writing happen on different threads at once, so
 * implementations must not share one lock between the two directions.
 */
public interface Transport extends Frames.Source, AutoCloseable {

    /** Writes all of {@code frame}, blocking as long as needed. */
    void write(byte[] frame) throws IOException;

    /** Writes all of {@code buf}, blocking as long as needed. */
    default void write(ByteBuffer buf) throws IOException {
        byte[] b = new byte[buf.remaining()];
        buf.get(b);
        write(b);
    }

    /**
     * Writes what the stream takes now without blocking and returns; false when this transport
     * cannot write without possibly blocking (then nothing was written).
     */
    default boolean writeNow(ByteBuffer buf) throws IOException {
        return false;
    }

    /**
     * Whether file descriptors can go over this transport: a UNIX socket (libvirt's
     * {@code virNetSocketHasPassFD}).
     */
    default boolean passesDescriptors() {
        return false;
    }

    /**
     * Sends {@code fd} after what was written so far (libvirt's {@code virNetSocketSendFD}): call
     * it once the message that announced it is written, before anything else is.
     */
    default void sendDescriptor(int fd) throws IOException {
        throw new IOException("file descriptors cannot be passed over " + describe());
    }

    /** Receives one descriptor the peer sent after the message just read ({@code virNetSocketRecvFD}). */
    default int receiveDescriptor() throws IOException {
        throw new IOException("file descriptors cannot be passed over " + describe());
    }

    /** Closes the stream; a thread blocked in read or write gets an exception. Idempotent. */
    @Override
    void close();

    /** libvirt's notion: UNIX sockets and TLS are secure, plain TCP is not. */
    boolean secure();

    /** The TLS protocol negotiated ("TLSv1.3"), or null for a transport without TLS. */
    default String tlsProtocol() {
        return null;
    }

    /** For logs: the peer. */
    String describe();
}
