package org.jvirt.driver.qemu.internal.save;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * libvirt's {@code virQEMUSaveHeader} (qemu_saveimage.h): the 92 bytes in front of a QEMU save
 * image. {@code char magic[16]} ("LibvirtQemudSave", or "LibvirtQemudPart" while the image is
 * written), then {@code uint32_t version, data_len, was_running, format, cookieOffset,
 * unused[14]}, in the byte order of the host that wrote it: libvirt writes the struct as it is in
 * memory, so an x86_64 host writes little-endian, and a reader that sees a version above its own
 * swaps the bytes and tries again (qemuSaveImageBswapHeader). {@code data_len} bytes follow: the
 * domain XML, NUL-terminated, then at {@code cookieOffset} (0: none) the cookie, then zeros.
 *
 * @param version      2 (libvirt 0.9.x and later: the {@code format} field is honoured)
 * @param dataLen      bytes of XML, cookie and padding after the header
 * @param wasRunning   whether the guest ran when it was saved (restore resumes it)
 * @param format       {@link #FORMAT_RAW} or a compression program's number (qemuSaveFormat)
 * @param cookieOffset where the cookie starts within the data, 0 when there is none
 */
public record SaveImageHeader(int version, int dataLen, boolean wasRunning, int format, int cookieOffset) {
    /** The size of the struct: 16 bytes of magic and 19 unsigned 32-bit numbers. */
    public static final int SIZE = 16 + 19 * 4;
    public static final String MAGIC = "LibvirtQemudSave";
    /** The magic of an image still being written (QEMU_SAVE_PARTIAL). */
    public static final String PARTIAL = "LibvirtQemudPart";
    public static final int VERSION = 2;
    public static final int FORMAT_RAW = 0;
    /** qemuSaveFormat after raw, by number: the programs that decompress with {@code -dc}. */
    static final String[] COMPRESSORS = {"raw", "gzip", "bzip2", "xz", "lzop"};
    /** What libvirt leaves free after the XML so that a user can edit it in place (64 KiB). */
    static final int PADDING = 64 * 1024;

    /** A raw image of a new save: the data is {@code xmlBytes} (with its NUL) and the padding. */
    public static SaveImageHeader forXml(int xmlBytes, boolean wasRunning) {
        return new SaveImageHeader(VERSION, xmlBytes + PADDING, wasRunning, FORMAT_RAW, 0);
    }

    /** The struct in little-endian order, with the final magic or, while writing, the partial one. */
    public byte[] encode(boolean complete) {
        ByteBuffer b = ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.put((complete ? MAGIC : PARTIAL).getBytes(StandardCharsets.US_ASCII));
        b.putInt(version).putInt(dataLen).putInt(wasRunning ? 1 : 0).putInt(format).putInt(cookieOffset);
        return b.array(); // unused[14] stays zero
    }

    /** The magic of a header, read before anything else. */
    public enum Magic { COMPLETE, PARTIAL, FOREIGN }

    static Magic magicOf(byte[] raw) {
        byte[] m = Arrays.copyOf(raw, 16);
        if (Arrays.equals(m, MAGIC.getBytes(StandardCharsets.US_ASCII))) {
            return Magic.COMPLETE;
        }
        return Arrays.equals(m, PARTIAL.getBytes(StandardCharsets.US_ASCII)) ? Magic.PARTIAL : Magic.FOREIGN;
    }

    /**
     * The numbers of a complete header of {@link #SIZE} bytes: little-endian, or big-endian when
     * little-endian gives a version above {@link #VERSION} (libvirt's swap). The caller checks
     * the version and the lengths.
     */
    static SaveImageHeader decode(byte[] raw) {
        SaveImageHeader h = decode(raw, ByteOrder.LITTLE_ENDIAN);
        return Integer.compareUnsigned(h.version, VERSION) > 0 ? decode(raw, ByteOrder.BIG_ENDIAN) : h;
    }

    private static SaveImageHeader decode(byte[] raw, ByteOrder order) {
        ByteBuffer b = ByteBuffer.wrap(raw, 16, SIZE - 16).order(order);
        return new SaveImageHeader(b.getInt(), b.getInt(), b.getInt() != 0, b.getInt(), b.getInt());
    }

    /** The length of the XML within the data: up to the cookie, else all of it (with padding). */
    long xmlLength() {
        return cookieOffset != 0 ? Integer.toUnsignedLong(cookieOffset) : Integer.toUnsignedLong(dataLen);
    }

    /** Where QEMU's migration stream starts. */
    public long streamOffset() {
        return SIZE + Integer.toUnsignedLong(dataLen);
    }

    /** The program that decompresses the stream, or null for a raw image. */
    public String decompressor() {
        return format == FORMAT_RAW ? null : COMPRESSORS[format];
    }
}
