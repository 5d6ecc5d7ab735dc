package org.jvirt.rpc.internal.wire;

import java.io.EOFException;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

/**
 * A UNIX or plain TCP socket channel in non-blocking mode, with one selector per direction: the
 * reader waits for data on its own, a writer can write what the socket takes right now
 * ({@link #writeNow}) and only a writer that must wait waits for room. That lets the server write
 * a reply from the worker that computed it without a thread hand-off, yet never block a worker on
 * a client that does not read. (The channel is used directly, not through
 * {@code Channels.newInputStream}: on Java 17 those streams share one lock for both directions.)
 */
public final class ChannelTransport implements Transport {
    private final SocketChannel channel;
    private final Selector readable;
    private final Selector writable;
    private final boolean secure;
    private final String peer;
    private final boolean unix;
    private volatile int fd = -1;   // the channel's descriptor number, once known (a second lookup in a race gives the same)

    public ChannelTransport(SocketChannel channel, boolean secure, String peer) throws IOException {
        this.channel = channel;
        this.secure = secure;
        this.peer = peer;
        this.unix = channel.getLocalAddress() instanceof UnixDomainSocketAddress;
        channel.configureBlocking(false);
        this.readable = Selector.open();
        this.writable = Selector.open();
        channel.register(readable, SelectionKey.OP_READ);
        channel.register(writable, SelectionKey.OP_WRITE);
    }

    @Override
    public void readFully(byte[] b, int off, int len) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(b, off, len);
        try {
            while (buf.hasRemaining()) {
                int n = channel.read(buf);
                if (n < 0) {
                    throw new EOFException("peer closed the connection");
                }
                if (n == 0) {
                    readable.select();
                    readable.selectedKeys().clear();
                }
            }
        } catch (ClosedSelectorException e) {
            throw new EOFException("connection closed");
        }
    }

    @Override
    public boolean writeNow(ByteBuffer buf) throws IOException {
        channel.write(buf);
        return true;
    }

    @Override
    public void write(ByteBuffer buf) throws IOException {
        try {
            while (buf.hasRemaining()) {
                if (channel.write(buf) == 0) {
                    writable.select();
                    writable.selectedKeys().clear();
                }
            }
        } catch (ClosedSelectorException e) {
            throw new IOException("connection closed");
        }
    }

    @Override
    public void write(byte[] frame) throws IOException {
        write(ByteBuffer.wrap(frame));
    }

    @Override
    public boolean passesDescriptors() {
        return unix;
    }

    @Override
    public void sendDescriptor(int fd) throws IOException {
        int sock = descriptor();
        try {
            DescriptorPassing.send(sock, fd);
        } catch (LinkageError e) {
            throw missingJna(e);
        }
    }

    @Override
    public int receiveDescriptor() throws IOException {
        int sock = descriptor();
        try {
            return DescriptorPassing.receive(sock);
        } catch (LinkageError e) {
            throw missingJna(e);
        }
    }

    private int descriptor() throws IOException {
        if (!passesDescriptors()) {
            throw new IOException("file descriptors cannot be passed over " + peer);
        }
        if (!channel.isOpen()) {
            throw new IOException("connection closed");
        }
        try {
            if (fd < 0) {   // the channel's descriptor never changes: found once, on first use
                fd = ChannelDescriptor.of(channel);
            }
            return fd;
        } catch (LinkageError e) {
            throw missingJna(e);
        }
    }

    /** JNA and sun.misc are optional imports of the bundle: without them descriptors cannot pass. */
    private static IOException missingJna(LinkageError e) {
        return new IOException("file descriptor passing needs JNA and sun.misc: " + e, e);
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing left to release
        }
        try {
            readable.close();       // wakes a reader blocked in select
        } catch (IOException e) {
            // nothing left to release
        }
        try {
            writable.close();
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
