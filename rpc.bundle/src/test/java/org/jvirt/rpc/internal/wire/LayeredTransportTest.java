package org.jvirt.rpc.internal.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** Switching to a security layer in each direction, including while a read is blocked. */
class LayeredTransportTest {

    /** A toy layer: XOR with 0x5a plus a marker byte, so that wrapped bytes differ from plain ones. */
    private static final SecurityLayer XOR = new SecurityLayer() {
        @Override
        public byte[] wrap(byte[] plain, int off, int len) {
            byte[] out = new byte[len + 1];
            out[0] = 'W';
            for (int i = 0; i < len; i++) {
                out[i + 1] = (byte) (plain[off + i] ^ 0x5a);
            }
            return out;
        }

        @Override
        public byte[] unwrap(byte[] wrapped, int off, int len) throws IOException {
            if (wrapped[off] != 'W') {
                throw new IOException("not wrapped");
            }
            byte[] out = new byte[len - 1];
            for (int i = 0; i < out.length; i++) {
                out[i] = (byte) (wrapped[off + 1 + i] ^ 0x5a);
            }
            return out;
        }

        @Override
        public int maxPlainSize() {
            return 3;
        }

        @Override
        public int maxWrappedSize() {
            return 64;
        }
    };

    /** A transport over a pipe (reads) and a buffer (writes). */
    private static final class Pipe implements Transport {
        final PipedOutputStream peer = new PipedOutputStream();
        final PipedInputStream in;
        final ByteArrayOutputStream written = new ByteArrayOutputStream();

        Pipe() throws IOException {
            in = new PipedInputStream(peer, 4096);
        }

        @Override
        public void readFully(byte[] b, int off, int len) throws IOException {
            int done = 0;
            while (done < len) {
                int n = in.read(b, off + done, len - done);
                if (n < 0) {
                    throw new IOException("eof");
                }
                done += n;
            }
        }

        @Override
        public void write(byte[] frame) throws IOException {
            written.write(frame);
        }

        @Override
        public void write(ByteBuffer buf) throws IOException {
            byte[] b = new byte[buf.remaining()];
            buf.get(b);
            write(b);
        }

        @Override
        public boolean writeNow(ByteBuffer buf) throws IOException {
            write(buf);
            return true;
        }

        @Override
        public void close() {
        }

        @Override
        public boolean secure() {
            return false;
        }

        @Override
        public String describe() {
            return "pipe";
        }
    }

    private static byte[] protectedBuffer(byte[] plain) throws IOException {
        byte[] w = XOR.wrap(plain, 0, plain.length);
        return ByteBuffer.allocate(4 + w.length).putInt(w.length).put(w).array();
    }

    @Test
    void aReadBlockedInTheClearContinuesThroughTheLayer() throws Exception {
        Pipe pipe = new Pipe();
        LayeredTransport t = new LayeredTransport(pipe);
        byte[] got = new byte[6];
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
            try {
                t.readFully(got, 0, 4);      // waits in the clear, like the server's reader
                t.readFully(got, 4, 2);
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        Thread.sleep(100);
        assertFalse(reader.isDone());
        t.startReading(XOR);                  // the worker completes authentication meanwhile
        byte[] plain = {1, 2, 3, 4, 5, 6};
        pipe.peer.write(protectedBuffer(Arrays.copyOfRange(plain, 0, 5)));
        pipe.peer.write(protectedBuffer(Arrays.copyOfRange(plain, 5, 6)));
        pipe.peer.flush();
        reader.get(5, TimeUnit.SECONDS);
        assertArrayEquals(plain, got);
    }

    @Test
    void writesSwitchOnlyWhenTold() throws Exception {
        Pipe pipe = new Pipe();
        LayeredTransport t = new LayeredTransport(pipe);
        t.write(new byte[] {9, 9});
        assertTrue(t.writeNow(ByteBuffer.allocate(0)));
        t.startWriting(XOR);
        assertFalse(t.writeNow(ByteBuffer.wrap(new byte[] {1})), "protected frames go whole through write");
        t.write(new byte[] {1, 2, 3, 4});     // two buffers: the peer's maximum is 3 plain bytes
        byte[] expected = ByteBuffer.allocate(2 + 8 + 6)
                .put(new byte[] {9, 9}).put(protectedBuffer(new byte[] {1, 2, 3}))
                .put(protectedBuffer(new byte[] {4})).array();
        assertArrayEquals(expected, pipe.written.toByteArray());
    }
}
