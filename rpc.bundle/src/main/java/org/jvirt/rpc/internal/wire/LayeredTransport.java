package org.jvirt.rpc.internal.wire;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A transport that can switch to a SASL security layer once authentication has negotiated one,
 * as libvirt's virNetSocket does with virNetSocketSetSASLSession: each direction switches on its
 * own (reading as soon as the final authentication step succeeds, writing after its reply has
 * gone out in the clear). On the wire every protected buffer is a 4-byte big-endian length and
 * the wrapped bytes (virNetSASLSessionEncode/Decode; the length is the SASL framing, not libvirt's).
 * <p>
 * Reading may switch in the middle of a blocked read: the reader waits for the next frame's
 * length word in the clear while the worker installs the layer; the client sends nothing
 * between its last authentication call and its first protected buffer, so bytes that arrive
 * after the switch are the start of that buffer and are read again as such.
 */
public final class LayeredTransport implements Transport {
    private static final int LENGTH_BYTES = 4;

    private final Transport inner;
    private volatile SecurityLayer readLayer;
    private volatile SecurityLayer writeLayer;
    /** Raw bytes read in the clear that belong to the first protected buffer (reader thread only). */
    private byte[] pushback = new byte[0];
    private int pushbackPos;
    /** Decrypted bytes not yet consumed (reader thread only). */
    private byte[] plain = new byte[0];
    private int plainPos;
    private final Object writeLock = new Object();

    public LayeredTransport(Transport inner) {
        this.inner = inner;
    }

    /** From now on what is read is protected by {@code layer}. */
    public void startReading(SecurityLayer layer) {
        readLayer = layer;
    }

    /** From now on what is written is protected by {@code layer}. */
    public void startWriting(SecurityLayer layer) {
        synchronized (writeLock) {
            writeLayer = layer;
        }
    }

    /** True once a security layer protects both directions. */
    public boolean layered() {
        return readLayer != null && writeLayer != null;
    }

    @Override
    public void readFully(byte[] b, int off, int len) throws IOException {
        if (readLayer == null) {
            inner.readFully(b, off, len);
            if (readLayer == null) {
                return;
            }
            // the layer came while this read waited: these bytes open the first protected buffer
            pushback = Arrays.copyOfRange(b, off, off + len);
            pushbackPos = 0;
        }
        int done = 0;
        while (done < len) {
            if (plainPos == plain.length) {
                plain = readBuffer();
                plainPos = 0;
                continue;
            }
            int n = Math.min(len - done, plain.length - plainPos);
            System.arraycopy(plain, plainPos, b, off + done, n);
            plainPos += n;
            done += n;
        }
    }

    /** Reads and unwraps one protected buffer. */
    private byte[] readBuffer() throws IOException {
        byte[] lenWord = new byte[LENGTH_BYTES];
        readRaw(lenWord, 0, LENGTH_BYTES);
        long length = ByteBuffer.wrap(lenWord).getInt() & 0xffffffffL;
        if (length == 0 || length > readLayer.maxWrappedSize()) {
            throw new EOFException("SASL buffer of " + length + " bytes is outside 1.." + readLayer.maxWrappedSize());
        }
        byte[] wrapped = new byte[(int) length];
        readRaw(wrapped, 0, wrapped.length);
        return readLayer.unwrap(wrapped, 0, wrapped.length);
    }

    private void readRaw(byte[] b, int off, int len) throws IOException {
        int fromPushback = Math.min(len, pushback.length - pushbackPos);
        System.arraycopy(pushback, pushbackPos, b, off, fromPushback);
        pushbackPos += fromPushback;
        if (fromPushback < len) {
            inner.readFully(b, off + fromPushback, len - fromPushback);
        }
    }

    @Override
    public void write(byte[] frame) throws IOException {
        synchronized (writeLock) {
            SecurityLayer layer = writeLayer;
            if (layer == null) {
                inner.write(frame);
                return;
            }
            for (int off = 0; off < frame.length; ) {
                int n = Math.min(layer.maxPlainSize(), frame.length - off);
                byte[] wrapped = layer.wrap(frame, off, n);
                ByteBuffer out = ByteBuffer.allocate(LENGTH_BYTES + wrapped.length);
                out.putInt(wrapped.length).put(wrapped).flip();
                inner.write(out);
                off += n;
            }
        }
    }

    /** In the clear the inner transport writes what it can; protected frames go whole through {@link #write}. */
    @Override
    public boolean writeNow(ByteBuffer buf) throws IOException {
        synchronized (writeLock) {
            return writeLayer == null && inner.writeNow(buf);
        }
    }

    @Override
    public void close() {
        inner.close();
    }

    /** libvirt counts a transport with a SASL layer as encrypted. */
    @Override
    public boolean secure() {
        return inner.secure() || layered();
    }

    @Override
    public String tlsProtocol() {
        return inner.tlsProtocol();
    }

    @Override
    public String describe() {
        return inner.describe();
    }

    /** Descriptors go on the socket itself, outside any security layer, as libvirt's virNetSocketSendFD. */
    @Override
    public boolean passesDescriptors() {
        return inner.passesDescriptors();
    }

    @Override
    public void sendDescriptor(int fd) throws IOException {
        inner.sendDescriptor(fd);
    }

    @Override
    public int receiveDescriptor() throws IOException {
        return inner.receiveDescriptor();
    }
}
