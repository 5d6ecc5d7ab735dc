package org.jvirt.driver.qemu.internal.save;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

/**
 * Reads and writes libvirt's QEMU save image: {@link SaveImageHeader}, the domain XML, then QEMU's
 * migration stream. Written into a temporary file beside the image that becomes the image by a
 * rename only once complete (its header carries the partial magic until then, as libvirt's), so
 * that a save that fails or a daemon that dies never leaves a half image under the image's name.
 * The files are the daemon's own, mode 0600: QEMU never opens them (the driver relays the stream).
 */
public final class SaveImageFile {
    private SaveImageFile() {
    }

    /** What {@link #open} read: the header, the XML, and the file positioned at the stream. */
    public record Opened(SaveImageHeader header, String xml, FileChannel stream) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            stream.close();
        }
    }

    /**
     * Opens an image for a restore, as libvirt 9.0's qemuSaveImageOpen does for a managed save:
     * empty when the image is incomplete (shorter than a header, or with the partial magic), which
     * the caller removes and ignores; otherwise the header and XML are checked with libvirt's
     * messages (OPERATION_FAILED). Lengths are bounded by the file's size before anything is read.
     */
    public static Optional<Opened> open(Path path) throws VirtException {
        FileChannel ch;
        try {
            ch = FileChannel.open(path, StandardOpenOption.READ);
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU, "Failed to open file '" + path
                    + "': " + e.getMessage(), e);
        }
        boolean keep = false;
        try {
            byte[] raw = new byte[SaveImageHeader.SIZE];
            if (read(ch, raw) < raw.length) {
                return Optional.empty();
            }
            switch (SaveImageHeader.magicOf(raw)) {
                case PARTIAL:
                    return Optional.empty();
                case FOREIGN:
                    throw failed("image magic is incorrect");
                default:
                    break;
            }
            SaveImageHeader h = SaveImageHeader.decode(raw);
            if (Integer.compareUnsigned(h.version(), SaveImageHeader.VERSION) > 0) {
                throw failed("image version is not supported (" + h.version() + " > " + SaveImageHeader.VERSION
                        + ")");
            }
            if (h.dataLen() == 0) {
                throw failed("invalid header data length: " + h.dataLen());
            }
            long available = ch.size() - SaveImageHeader.SIZE;
            if (h.xmlLength() > available) {
                throw failed("failed to read domain XML");
            }
            if (h.xmlLength() > Integer.toUnsignedLong(h.dataLen())
                    || Integer.toUnsignedLong(h.dataLen()) > available) {
                throw failed("failed to read cookie");
            }
            byte[] xml = new byte[(int) h.xmlLength()];
            read(ch, xml);
            if (h.format() < 0 || h.format() >= SaveImageHeader.COMPRESSORS.length) {
                throw failed("Invalid compressed save format " + h.format());
            }
            ch.position(h.streamOffset());
            keep = true;
            return Optional.of(new Opened(h, cString(xml), ch));
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU, "cannot read save image '" + path
                    + "': " + e.getMessage(), e);
        } finally {
            if (!keep) {
                closeQuietly(ch);
            }
        }
    }

    /**
     * Starts an image for {@code target}: a temporary file beside it with the partial header, the
     * XML and libvirt's padding; QEMU's stream is appended to {@link Writer#stream()}.
     */
    public static Writer create(Path target, String xml, boolean wasRunning) throws IOException {
        byte[] xmlBytes = (xml + "\0").getBytes(StandardCharsets.UTF_8);
        SaveImageHeader header = SaveImageHeader.forXml(xmlBytes.length, wasRunning);
        Path temp = partPath(target);
        Files.deleteIfExists(temp); // a save that a dead daemon did not finish
        FileChannel ch = FileChannel.open(temp, java.util.Set.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                "rw-------")));
        try {
            write(ch, header.encode(false));
            write(ch, xmlBytes);
            write(ch, new byte[header.dataLen() - xmlBytes.length]);
            return new Writer(target, temp, header, ch);
        } catch (IOException | RuntimeException e) {
            closeQuietly(ch);
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /** Where the image for {@code target} is written until it is complete. */
    public static Path partPath(Path target) {
        return target.resolveSibling(target.getFileName() + ".part");
    }

    /** An image being written: {@link #commit} makes it the image, {@link #abort} removes it. */
    public static final class Writer implements AutoCloseable {
        private final Path target;
        private final Path temp;
        private final SaveImageHeader header;
        private final FileChannel stream;
        private boolean committed;

        private Writer(Path target, Path temp, SaveImageHeader header, FileChannel stream) {
            this.target = target;
            this.temp = temp;
            this.header = header;
            this.stream = stream;
        }

        public FileChannel stream() {
            return stream;
        }

        public Path temporaryPath() {
            return temp;
        }

        /** The complete header, the data on disk, then the rename and the folder's entry on disk. */
        public void commit() throws IOException {
            stream.position(0);
            write(stream, header.encode(true));
            stream.force(true);
            stream.close();
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
                throw new IOException("cannot rename " + temp + " to " + target + ": " + e.getMessage(), e);
            }
            try (FileChannel dir = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
                dir.force(true);
            } catch (IOException e) {
                // some file systems cannot sync a folder; the rename itself is atomic
            }
            committed = true;
        }

        /** Removes the unfinished image; never throws. */
        public void abort() {
            closeQuietly(stream);
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // nothing more to do: the partial magic marks it
            }
        }

        @Override
        public void close() {
            if (!committed) {
                abort();
            }
        }
    }

    private static VirtException failed(String message) {
        return new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU, message);
    }

    /** The C string at the start of {@code bytes}: up to the first NUL. */
    private static String cString(byte[] bytes) {
        int n = 0;
        while (n < bytes.length && bytes[n] != 0) {
            n++;
        }
        return new String(bytes, 0, n, StandardCharsets.UTF_8);
    }

    private static int read(FileChannel ch, byte[] into) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(into);
        while (b.hasRemaining() && ch.read(b) >= 0) {
            // until full or at the end
        }
        return b.position();
    }

    private static void write(FileChannel ch, byte[] bytes) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException e) {
            // closing a file we are giving up on
        }
    }
}
