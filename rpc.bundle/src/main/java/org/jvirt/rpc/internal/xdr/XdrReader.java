package org.jvirt.rpc.internal.xdr;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.UUID;

/**
 * Decodes XDR from a byte array. Every length read from the data is checked against the bytes
 * actually present and against the caller's maximum before anything is allocated, so a hostile
 * length can neither over-read nor make the reader allocate more than the message holds.
 */
public final class XdrReader {
    /** libvirt's REMOTE_STRING_MAX / VIR_NET_MESSAGE_STRING_MAX: 4 MiB. */
    public static final int STRING_MAX = 4 * 1024 * 1024;

    private final byte[] buf;
    private int pos;
    private final int limit;

    public XdrReader(byte[] buf) {
        this(buf, 0, buf.length);
    }

    public XdrReader(byte[] buf, int offset, int length) {
        this.buf = buf;
        this.pos = offset;
        this.limit = offset + length;
    }

    private void need(int n, String what) throws XdrException {
        if (n < 0 || limit - pos < n) {
            throw new XdrException("truncated data: " + what + " needs " + n + " bytes, "
                    + (limit - pos) + " left");
        }
    }

    public int readInt() throws XdrException {
        need(4, "int");
        int v = ((buf[pos] & 0xff) << 24) | ((buf[pos + 1] & 0xff) << 16)
                | ((buf[pos + 2] & 0xff) << 8) | (buf[pos + 3] & 0xff);
        pos += 4;
        return v;
    }

    public long readHyper() throws XdrException {
        long hi = readInt() & 0xffffffffL;
        long lo = readInt() & 0xffffffffL;
        return (hi << 32) | lo;
    }

    /**
     * An XDR {@code bool}, and the marker of an optional value (rpcgen's {@code *}, decoded by
     * xdr_pointer with xdr_bool): glibc's xdr_bool, which libvirtd decodes with, takes any non-zero
     * word as TRUE, so clients that send 0x01000000 (a little-endian 1) or -1 are understood.
     */
    public boolean readBool() throws XdrException {
        return readInt() != 0;
    }

    /** A length-prefixed count, checked against {@code max} and against what is left. */
    public int readCount(int max, int minBytesEach, String what) throws XdrException {
        int n = readInt();
        if (n < 0 || n > max) {
            throw new XdrException(what + " length " + (n & 0xffffffffL) + " exceeds maximum " + max);
        }
        need((int) Math.min(Integer.MAX_VALUE, (long) n * minBytesEach), what);
        return n;
    }

    public String readString() throws XdrException {
        return readString(STRING_MAX);
    }

    /**
     * A {@code string<max>}: glibc's xdr_string checks only the length against {@code max}; what
     * libvirtd then uses is a C string, which ends at the first NUL byte, so the rest is dropped
     * here too. The bytes must be UTF-8 (libvirt passes them on unchecked; jvirt refuses what it
     * could not hand on intact).
     */
    public String readString(int max) throws XdrException {
        int n = readCount(max, 1, "opaque");
        int start = skipPadded(n);
        int end = cStringEnd(buf, start, n);
        if (ascii(start, end)) {
            // the common case, decoded without a CharsetDecoder: ASCII bytes are the same characters
            // in UTF-8 and in ISO-8859-1, whose String constructor copies them as they are
            return new String(buf, start, end - start, StandardCharsets.ISO_8859_1);
        }
        return utf8(start, end);
    }

    /**
     * Reads past a {@code string<max>} with the checks of {@link #readString(int)} (length,
     * padding, UTF-8) but builds no String: the dispatcher's first decoding of a call's
     * arguments, whose values the procedure then reads again.
     */
    public void skipString(int max) throws XdrException {
        int n = readCount(max, 1, "opaque");
        int start = skipPadded(n);
        int end = cStringEnd(buf, start, n);
        if (!ascii(start, end)) {
            utf8(start, end);
        }
    }

    /** Checks that {@code n} bytes and their padding are there, moves past them; returns where they start. */
    private int skipPadded(int n) throws XdrException {
        int padded = (n + 3) & ~3;
        need(padded, "opaque");
        int start = pos;
        pos += padded;
        return start;
    }

    /** Where the {@code n} string bytes at {@code start} end: after {@code n}, or at the first NUL (a C string's end). */
    private static int cStringEnd(byte[] buf, int start, int n) {
        int end = start + n;
        for (int i = start; i < end; i++) {
            if (buf[i] == 0) {
                return i;
            }
        }
        return end;
    }

    private boolean ascii(int start, int end) {
        for (int i = start; i < end; i++) {
            if (buf[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private String utf8(int start, int end) throws XdrException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(buf, start, end - start)).toString();
        } catch (CharacterCodingException e) {
            throw new XdrException("string is not valid UTF-8");
        }
    }

    /** A {@code remote_string}: null when the pointer flag is 0. */
    public String readOptString() throws XdrException {
        return readBool() ? readString() : null;
    }

    /** Reads past a {@code remote_string} as {@link #skipString}. */
    public void skipOptString() throws XdrException {
        if (readBool()) {
            skipString(STRING_MAX);
        }
    }

    public byte[] readOpaque(int max) throws XdrException {
        int n = readCount(max, 1, "opaque");
        return readFixedOpaque(n);
    }

    /**
     * Fixed-length {@code opaque[n]} and its padding. Like glibc's xdr_opaque the padding bytes
     * must be there but their values are not checked.
     */
    public byte[] readFixedOpaque(int n) throws XdrException {
        int start = skipPadded(n);
        return Arrays.copyOfRange(buf, start, start + n);
    }

    public UUID readUuid() throws XdrException {
        byte[] b = readFixedOpaque(16);
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 8; i++) {
            hi = (hi << 8) | (b[i] & 0xff);
            lo = (lo << 8) | (b[8 + i] & 0xff);
        }
        return new UUID(hi, lo);
    }

    /** XDR {@code char name[n]}, each char in a 4-byte unit; stops at the first NUL. */
    public String readCharArray(int n) throws XdrException {
        byte[] b = new byte[n];
        int len = n;
        for (int i = 0; i < n; i++) {
            b[i] = (byte) readInt();
            if (b[i] == 0 && len == n) {
                len = i;
            }
        }
        return new String(b, 0, len, StandardCharsets.UTF_8);
    }

    public int remaining() {
        return limit - pos;
    }

    /**
     * Fails unless every byte was consumed. Not for call arguments: libvirtd decodes them with
     * virNetMessageDecodePayload, which ignores bytes after the arguments.
     */
    public void expectEnd() throws XdrException {
        if (pos != limit) {
            throw new XdrException((limit - pos) + " unexpected trailing bytes");
        }
    }
}
