package org.jvirt.rpc.internal.wire;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * A UNIX or plain TCP socket channel in blocking mode. Uses the channel directly, not
 * {@code Channels.newInputStream}: on Java 17 those streams share the channel's blocking lock,
 * so a reader blocked in read would stall every writer.
 */
public final class ChannelTransport implements Transport {
    private final SocketChannel channel;
    private final boolean secure;
    private final String peer;

    public ChannelTransport(SocketChannel channel, boolean secure, String peer) {
        this.channel = channel;
        this.secure = secure;
        this.peer = peer;
    }

    @Override
    public void readFully(byte[] b, int off, int len) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(b, off, len);
        while (buf.hasRemaining()) {
            if (channel.read(buf) < 0) {
                throw new EOFException("peer closed the connection");
            }
        }
    }

    @Override
    public void write(byte[] frame) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(frame);
        while (buf.hasRemaining()) {
            channel.write(buf);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }

    @Override
    public boolean secure() {
        return secure;
    }

    @Override
    public String describe() {
        return peer;
    }
}
