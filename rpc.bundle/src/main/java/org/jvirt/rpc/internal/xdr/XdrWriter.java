package org.jvirt.rpc.internal.xdr;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

/**
 * Encodes XDR (RFC 4506) into a growing byte array: big-endian 4-byte units, strings and opaque
 * data padded to a multiple of four. Not thread-safe.
 */
public final class XdrWriter {
    private byte[] buf;
    private int pos;

    public XdrWriter() {
        this(256);
    }

    public XdrWriter(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    private void ensure(int more) {
        if (pos + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + more));
        }
    }

    public XdrWriter writeInt(int v) {
        ensure(4);
        buf[pos++] = (byte) (v >>> 24);
        buf[pos++] = (byte) (v >>> 16);
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
        return this;
    }

    /** An XDR {@code hyper} or {@code unsigned hyper}. */
    public XdrWriter writeHyper(long v) {
        writeInt((int) (v >>> 32));
        return writeInt((int) v);
    }

    public XdrWriter writeBool(boolean v) {
        return writeInt(v ? 1 : 0);
    }

    /** A {@code string<>} that may not be null. */
    public XdrWriter writeString(String s) {
        return writeOpaque(s.getBytes(StandardCharsets.UTF_8));
    }

    /** A {@code remote_string}: an optional string (pointer), 0 for null. */
    public XdrWriter writeOptString(String s) {
        if (s == null) {
            return writeInt(0);
        }
        writeInt(1);
        return writeString(s);
    }

    /** Variable-length {@code opaque<>}: length, bytes, padding. */
    public XdrWriter writeOpaque(byte[] data) {
        writeInt(data.length);
        return writeFixedOpaque(data);
    }

    /** Fixed-length {@code opaque[n]}: bytes and padding, no length. */
    public XdrWriter writeFixedOpaque(byte[] data) {
        int padded = (data.length + 3) & ~3;
        ensure(padded);
        System.arraycopy(data, 0, buf, pos, data.length);
        Arrays.fill(buf, pos + data.length, pos + padded, (byte) 0);
        pos += padded;
        return this;
    }

    /** A {@code remote_uuid}: 16 raw bytes. */
    public XdrWriter writeUuid(UUID uuid) {
        byte[] b = new byte[16];
        long hi = uuid.getMostSignificantBits();
        long lo = uuid.getLeastSignificantBits();
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (hi >>> (56 - 8 * i));
            b[8 + i] = (byte) (lo >>> (56 - 8 * i));
        }
        return writeFixedOpaque(b);
    }

    /** XDR {@code char name[n]}: rpcgen encodes each char as a 4-byte unit. */
    public XdrWriter writeCharArray(String s, int n) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < n; i++) {
            writeInt(i < b.length ? b[i] : 0);
        }
        return this;
    }

    public int size() {
        return pos;
    }

    /** Overwrites the 4-byte unit at {@code offset}, for lengths known only at the end. */
    public void patchInt(int offset, int v) {
        buf[offset] = (byte) (v >>> 24);
        buf[offset + 1] = (byte) (v >>> 16);
        buf[offset + 2] = (byte) (v >>> 8);
        buf[offset + 3] = (byte) v;
    }

    public XdrWriter writeRaw(byte[] data) {
        ensure(data.length);
        System.arraycopy(data, 0, buf, pos, data.length);
        pos += data.length;
        return this;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, pos);
    }
}
