package org.jvirt.rpc.internal.wire;

import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;

import org.jvirt.rpc.internal.xdr.XdrException;
import org.jvirt.rpc.internal.xdr.XdrReader;

/**
 * libvirt's framing. Each message is a 4-byte big-endian length that COUNTS ITSELF, then the
 * 24-byte header, then the payload. This is not ONC RPC record marking (RFC 5531: no
 * last-fragment bit, no fragments, the length includes the length word), which is why jvirt has
 * its own small codec instead of an ONC RPC library.
 */
public final class Frames {
    /** VIR_NET_MESSAGE_MAX: the largest whole message, length word included (32 MiB). */
    public static final int MESSAGE_MAX = 33554432;
    /** VIR_NET_MESSAGE_HEADER_MAX. */
    public static final int HEADER_BYTES = 24;
    /** VIR_NET_MESSAGE_LEN_MAX. */
    public static final int LENGTH_BYTES = 4;
    /** VIR_NET_MESSAGE_INITIAL: what a frame's buffer starts with. */
    static final int INITIAL_BUFFER = 65536;

    private Frames() {
    }

    /** Where frames are read from: fills the array completely or throws. */
    public interface Source {
        void readFully(byte[] b, int off, int len) throws IOException;
    }

    /**
     * Reads one frame. The declared length is checked before the body is allocated.
     *
     * @throws EOFException       at a clean end of stream before a frame starts
     * @throws FrameException     for a length outside libvirt's bounds (the stream cannot be
     *                            resynchronised: close the connection)
     */
    public static Message read(Source in) throws IOException, FrameException {
        byte[] len = new byte[LENGTH_BYTES];
        in.readFully(len, 0, LENGTH_BYTES);
        long length = ((len[0] & 0xffL) << 24) | ((len[1] & 0xff) << 16) | ((len[2] & 0xff) << 8)
                | (len[3] & 0xff);
        if (length < LENGTH_BYTES + HEADER_BYTES || length > MESSAGE_MAX) {
            throw new FrameException("packet length " + length + " is outside "
                    + (LENGTH_BYTES + HEADER_BYTES) + ".." + MESSAGE_MAX);
        }
        return decodeBody(readBody(in, (int) length - LENGTH_BYTES));
    }

    /**
     * Reads {@code total} bytes, growing the buffer as the bytes arrive: memory follows what the
     * peer really sent, not what its length word claims (a client announcing 32 MiB and sending
     * nothing costs 64 KiB, not 32 MiB).
     */
    private static byte[] readBody(Source in, int total) throws IOException {
        byte[] body = new byte[Math.min(total, INITIAL_BUFFER)];
        int have = 0;
        while (have < total) {
            if (have == body.length) {
                body = Arrays.copyOf(body, (int) Math.min(total, 2L * body.length));
            }
            int n = body.length - have;
            in.readFully(body, have, n);
            have += n;
        }
        return body;
    }

    /** Decodes the header and payload of a frame whose length word was already removed. */
    public static Message decodeBody(byte[] body) throws FrameException {
        try {
            XdrReader r = new XdrReader(body, 0, HEADER_BYTES);
            int prog = r.readInt();
            int vers = r.readInt();
            int proc = r.readInt();
            int type = r.readInt();
            int serial = r.readInt();
            int status = r.readInt();
            byte[] payload = new byte[body.length - HEADER_BYTES];
            System.arraycopy(body, HEADER_BYTES, payload, 0, payload.length);
            return new Message(prog, vers, proc, type, serial, status, payload);
        } catch (XdrException e) {
            throw new FrameException(e.getMessage());
        }
    }

    /** A frame that violates libvirt's framing rules. */
    public static final class FrameException extends Exception {
        private static final long serialVersionUID = 1L;

        public FrameException(String message) {
            super(message);
        }
    }
}
