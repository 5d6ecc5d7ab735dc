package org.jvirt.driver.qemu.internal.security;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The backing files below a local qcow2 image, which QEMU opens read-only through the image (libvirt
 * learns them in qemuDomainDetermineDiskChain and labels and allows each one). Read from the qcow2
 * header itself (backing file offset and size at bytes 8 and 16, a relative name taken from the
 * image's folder), so a start spawns no {@code qemu-img}. Only qcow2 is followed: libvirt probes
 * no format it was not told, and a raw image has no backing file. A chain that names itself again,
 * or a backing file that cannot be read, ends the chain: QEMU then reports the error.
 */
public final class BackingChain {
    private static final int QCOW2_MAGIC = 0x514649fb;
    private static final int MAX_DEPTH = 200;
    private static final int MAX_NAME = 1023;

    private BackingChain() {
    }

    /** The backing files of {@code image} in order (its backing file first), empty for none. */
    public static List<Path> below(Path image, String format) {
        List<Path> out = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        seen.add(image.toAbsolutePath().normalize());
        Path current = image;
        String fmt = format;
        while ("qcow2".equals(fmt) && out.size() < MAX_DEPTH) {
            Path next = backingOf(current);
            if (next == null || !seen.add(next.toAbsolutePath().normalize())) {
                break;
            }
            out.add(next);
            current = next;
            // the backing format is in a header extension; QEMU probes it too when it is absent
            fmt = isQcow2(next) ? "qcow2" : "raw";
        }
        return out;
    }

    private static boolean isQcow2(Path p) {
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.allocate(4);
            return ch.read(b, 0) == 4 && b.getInt(0) == QCOW2_MAGIC;
        } catch (IOException e) {
            return false;
        }
    }

    private static Path backingOf(Path image) {
        try (FileChannel ch = FileChannel.open(image, StandardOpenOption.READ)) {
            ByteBuffer h = ByteBuffer.allocate(20);
            if (ch.read(h, 0) < 20 || h.getInt(0) != QCOW2_MAGIC) {
                return null;
            }
            long offset = h.getLong(8);
            int size = h.getInt(16);
            if (offset <= 0 || size <= 0 || size > MAX_NAME) {
                return null;
            }
            ByteBuffer name = ByteBuffer.allocate(size);
            if (ch.read(name, offset) != size) {
                return null;
            }
            String file = new String(name.array(), StandardCharsets.UTF_8);
            if (file.contains(":") && !file.startsWith("/") && !file.startsWith("./")) {
                return null; // a protocol (nbd:, http:...): not a local file
            }
            Path p = Path.of(file);
            return p.isAbsolute() ? p : image.toAbsolutePath().getParent().resolve(p).normalize();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
