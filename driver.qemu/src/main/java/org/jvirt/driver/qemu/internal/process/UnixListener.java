package org.jvirt.driver.qemu.internal.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * A listening UNIX stream socket made by the driver for QEMU (libvirt's
 * qemuOpenChrChardevUNIXSocket): bound and listening here, with close-on-exec set, so that only
 * a child it is handed to on purpose ({@link FdSpawn}) gets it. The JDK's UNIX
 * {@code ServerSocketChannel} hides its descriptor, hence JNA.
 */
public final class UnixListener {
    private static final int AF_UNIX = 1;
    private static final int SOCK_STREAM = 1;
    private static final int SOCK_CLOEXEC = 0x80000;
    /** sizeof(struct sockaddr_un): sa_family_t then 108 bytes of path. */
    private static final int SOCKADDR_UN_SIZE = 110;
    private static final int PATH_MAX_BYTES = 107;
    private static final int ENOENT = 2;

    private interface LibC extends Library {
        int socket(int domain, int type, int protocol) throws LastErrorException;

        int bind(int fd, Pointer addr, int len) throws LastErrorException;

        int listen(int fd, int backlog) throws LastErrorException;

        int unlink(String path) throws LastErrorException;

        String strerror(int errnum);
    }

    private static final class Holder {
        static final LibC LIBC = Native.load("c", LibC.class);
    }

    private UnixListener() {
    }

    /**
     * Binds {@code path} (a stale file there is removed first) and listens with libvirt's backlog
     * of 1; the socket file gets the mode QEMU's umask 0002 would give it (virFileUpdatePerm).
     *
     * @return the descriptor, owned by the caller ({@link FdSpawn#close})
     * @throws IOException with libvirt's message, the cause's text after a colon
     */
    public static int listen(String path) throws IOException {
        LibC c = Holder.LIBC;
        byte[] name = path.getBytes(StandardCharsets.UTF_8);
        if (name.length > PATH_MAX_BYTES) {
            throw new IOException("UNIX socket path '" + path + "' too long");
        }
        int fd;
        try {
            fd = c.socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        } catch (LastErrorException e) {
            throw new IOException("Unable to create UNIX socket: " + c.strerror(e.getErrorCode()), e);
        }
        try {
            try {
                c.unlink(path);
            } catch (LastErrorException e) {
                if (e.getErrorCode() != ENOENT) {
                    throw new IOException("Unable to unlink " + path + ": " + c.strerror(e.getErrorCode()), e);
                }
            }
            Memory addr = new Memory(SOCKADDR_UN_SIZE);
            addr.clear();
            addr.setShort(0, (short) AF_UNIX);
            addr.write(2, name, 0, name.length);
            try {
                c.bind(fd, addr, SOCKADDR_UN_SIZE);
            } catch (LastErrorException e) {
                throw new IOException("Unable to bind to UNIX socket path '" + path + "': "
                        + c.strerror(e.getErrorCode()), e);
            }
            try {
                c.listen(fd, 1);
            } catch (LastErrorException e) {
                throw new IOException("Unable to listen to UNIX socket path '" + path + "': "
                        + c.strerror(e.getErrorCode()), e);
            }
            // we give QEMU's umask, 0002, whatever the daemon's is (libvirt: virFileUpdatePerm(path, 0002, 0664))
            Path p = Path.of(path);
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
            perms.remove(PosixFilePermission.OTHERS_WRITE);
            perms.addAll(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                    PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ));
            Files.setPosixFilePermissions(p, perms);
            return fd;
        } catch (IOException | RuntimeException e) {
            FdSpawn.close(fd);
            throw e;
        }
    }

    /** Closes this process's copy of a descriptor. */
    public static void close(int fd) {
        FdSpawn.close(fd);
    }
}
