package org.jvirt.rpc.internal.wire;

import java.io.IOException;

import org.jvirt.rpc.internal.wire.Frames;

/**
 * A client's byte stream. Reading and writing happen on different threads at once, so
 * implementations must not share one lock between the two directions.
 */
public interface Transport extends Frames.Source, AutoCloseable {

    void write(byte[] frame) throws IOException;

    /** Closes the stream; a thread blocked in read or write gets an exception. Idempotent. */
    @Override
    void close();

    /** libvirt's notion: UNIX sockets and TLS are secure, plain TCP is not. */
    boolean secure();

    /** For logs: the peer. */
    String describe();
}
