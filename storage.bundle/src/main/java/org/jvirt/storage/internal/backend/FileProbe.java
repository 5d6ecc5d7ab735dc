package org.jvirt.storage.internal.backend;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * What a volume file is, read from its header as libvirt's {@code virStorageFileProbe} does for the
 * formats jvirt creates: qcow2 (magic {@code QFI\xfb}: virtual size, backing file and its format,
 * compat level, cluster size, lazy refcounts, encryption method), else raw (the file's size), a raw
 * file starting with a LUKS header being an encrypted raw volume whose capacity is the size after
 * the header (libvirt's {@code luksEncryptionInfo}).
 *
 * @param format        {@code qcow2} or {@code raw}
 * @param capacity      the virtual size
 * @param backingPath   the backing file, null for none
 * @param backingFormat its format ({@code raw} when the image does not say)
 * @param compat        {@code 0.10} (version 2) or {@code 1.1} (version 3), null for raw
 * @param clusterSize   bytes per cluster, 0 for raw
 * @param features      qcow2 features set, null for raw
 * @param encryption    the encryption format ({@code luks}, {@code qcow}), null for none
 */
public record FileProbe(String format, long capacity, String backingPath, String backingFormat, String compat,
                        long clusterSize, List<String> features, String encryption) {
    private static final int QCOW2_MAGIC = 0x514649fb;
    private static final byte[] LUKS_MAGIC = {'L', 'U', 'K', 'S', (byte) 0xba, (byte) 0xbe};
    /** Where LUKS1 keeps the payload offset, in 512-byte sectors (big endian). */
    private static final int LUKS_PAYLOAD_OFFSET = 104;
    private static final int EXT_BACKING_FORMAT = 0xe2792aca;

    public static FileProbe of(Path file) throws IOException {
        long size = Files.size(file);
        if (size < 72) {
            return raw(size);
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer h = ByteBuffer.allocate((int) Math.min(size, 65536));
            while (h.hasRemaining() && ch.read(h) > 0) {
                // read the header
            }
            h.flip();
            if (h.getInt(0) != QCOW2_MAGIC) {
                return isLuks(h) ? new FileProbe("raw", size - 512L * Integer.toUnsignedLong(h.getInt(LUKS_PAYLOAD_OFFSET)),
                        null, null, null, 0, null, "luks") : raw(size);
            }
            int version = h.getInt(4);
            long backingOffset = h.getLong(8);
            int backingSize = h.getInt(16);
            int clusterBits = h.getInt(20);
            long capacity = h.getLong(24);
            int cryptMethod = h.getInt(32);
            String backing = null;
            if (backingOffset > 0 && backingSize > 0 && backingOffset + backingSize <= h.limit()) {
                byte[] name = new byte[backingSize];
                h.get((int) backingOffset, name);
                backing = new String(name, StandardCharsets.UTF_8);
            }
            List<String> features = new ArrayList<>();
            int headerLength = 72;
            if (version >= 3 && h.limit() >= 104) {
                long compatible = h.getLong(80);
                if ((compatible & 1) != 0) {
                    features.add("lazy_refcounts");
                }
                long incompatible = h.getLong(72);
                if ((incompatible & (1L << 4)) != 0) {
                    features.add("extended_l2");
                }
                headerLength = h.getInt(100);
            }
            String backingFormat = backing == null ? null : extensionFormat(h, headerLength);
            return new FileProbe("qcow2", capacity, backing, backingFormat, version >= 3 ? "1.1" : "0.10",
                    clusterBits > 0 && clusterBits < 31 ? 1L << clusterBits : 0, version >= 3 ? features : null,
                    cryptMethod == 2 ? "luks" : cryptMethod == 1 ? "qcow" : null);
        }
    }

    private static FileProbe raw(long size) {
        return new FileProbe("raw", size, null, null, null, 0, null, null);
    }

    private static boolean isLuks(ByteBuffer h) {
        if (h.limit() < LUKS_PAYLOAD_OFFSET + 4) {
            return false;
        }
        for (int i = 0; i < LUKS_MAGIC.length; i++) {
            if (h.get(i) != LUKS_MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    /** The backing format header extension, "raw" when there is none (libvirt then probes; raw is its safe answer). */
    private static String extensionFormat(ByteBuffer h, int start) {
        int pos = start;
        while (pos + 8 <= h.limit()) {
            int type = h.getInt(pos);
            int len = h.getInt(pos + 4);
            if (type == 0 || len < 0 || pos + 8 + len > h.limit()) {
                break;
            }
            if (type == EXT_BACKING_FORMAT) {
                byte[] b = new byte[len];
                h.get(pos + 8, b);
                return new String(b, StandardCharsets.UTF_8);
            }
            pos += 8 + ((len + 7) & ~7);
        }
        return "raw";
    }
}
