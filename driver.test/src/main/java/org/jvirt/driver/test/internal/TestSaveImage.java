package org.jvirt.driver.test.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

/**
 * libvirt 9.0's test driver save image ({@code testDomainSaveImageWrite}/{@code testDomainSaveImageOpen}):
 * the magic {@code "TestGuestMagic"} with its NUL, the XML's length as a native (little-endian) int,
 * the XML. Readers accept 1 to 8192 bytes of XML, as libvirt's does, so nothing larger is read. Written
 * to a temporary file beside the image and renamed over it (mode 0600, as libvirt's open).
 */
final class TestSaveImage {
    static final byte[] MAGIC = "TestGuestMagic\0".getBytes(StandardCharsets.US_ASCII);
    static final int MAX_XML = 8192;

    private TestSaveImage() {
    }

    static void write(Path path, String name, String xml) throws VirtException {
        byte[] body = xml.getBytes(StandardCharsets.UTF_8);
        ByteBuffer buf = ByteBuffer.allocate(MAGIC.length + 4 + body.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(MAGIC).putInt(body.length).put(body);
        Path tmp = path.resolveSibling("." + path.getFileName() + ".tmp");
        try {
            Files.deleteIfExists(tmp);
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (IOException e) {
            throw system("saving domain '" + name + "' to '" + path + "': open failed", e);
        }
        try {
            Files.write(tmp, buf.array());
            Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw system("saving domain '" + name + "' to '" + path + "': write failed", e);
        }
    }

    /** The image's XML; libvirt's errors for a file that is missing, short, or not a test save image. */
    static String read(Path path) throws VirtException {
        if (Files.isDirectory(path)) {
            throw system("incomplete save header in '" + path + "'", "Is a directory");
        }
        try (InputStream in = Files.newInputStream(path)) {
            byte[] magic = in.readNBytes(MAGIC.length);
            if (magic.length != MAGIC.length) {
                throw shortRead("incomplete save header in '" + path + "'");
            }
            if (!Arrays.equals(magic, MAGIC)) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.TEST, "mismatched header magic");
            }
            byte[] len = in.readNBytes(4);
            if (len.length != 4) {
                throw shortRead("failed to read metadata length in '" + path + "'");
            }
            int n = ByteBuffer.wrap(len).order(ByteOrder.LITTLE_ENDIAN).getInt();
            if (n < 1 || n > MAX_XML) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.TEST, "length of metadata out of range");
            }
            byte[] xml = in.readNBytes(n);
            if (xml.length != n) {
                throw shortRead("incomplete metadata in '" + path + "'");
            }
            // libvirt stops at the first NUL (a C string)
            String text = new String(xml, StandardCharsets.UTF_8);
            int nul = text.indexOf('\0');
            return nul >= 0 ? text.substring(0, nul) : text;
        } catch (IOException e) {
            throw system("cannot read domain image '" + path + "'", e);
        }
    }

    /** A short read leaves errno 0: libvirt's message ends in strerror(0). */
    private static VirtException shortRead(String message) {
        return system(message, "Success");
    }

    private static VirtException system(String message, IOException e) {
        return system(message, strerror(e));
    }

    private static VirtException system(String message, String reason) {
        return new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.TEST, message + ": " + reason);
    }

    /** The strerror text of the errno behind {@code e}, as far as Java tells it. */
    static String strerror(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage();
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // the write failed already; that is the error the caller reports
        }
    }
}
