package org.jvirt.rpc.internal.server;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Set;

import org.jvirt.api.spi.HostDirectories;

/**
 * Binds a listening UNIX socket at a path with its permissions already right when the path
 * appears, and refuses a path where a daemon still answers.
 * <p>
 * libvirtd sets its umask before bind(2) so that the socket file is born with its final mode.
 * Java cannot set the umask (it is process-wide and the JDK offers no call), and a bind followed
 * by chmod leaves a window in which anyone may connect to a read-write socket. So the socket is
 * bound inside a fresh folder that only the owner can enter (created with mode 0700 by mkdir(2)
 * itself, {@link PosixFilePermissions#asFileAttribute}; a umask can only take bits away), given
 * its mode there, and then renamed into place: rename(2) is atomic, so the path names either the
 * old file or the finished socket, and a listening socket stays bound to its inode when renamed.
 */
final class UnixSocketFiles {
    private static final Set<PosixFilePermission> PRIVATE_DIR = PosixFilePermissions.fromString("rwx------");
    /** Name of the socket inside the private folder: short, so that it fits wherever the final path fits. */
    private static final String TEMP_NAME = "s";
    private static final SecureRandom RANDOM = new SecureRandom();

    private UnixSocketFiles() {
    }

    /**
     * A channel listening at {@code path} with mode {@code perms}. A stale socket file there (its
     * daemon gone) is replaced; a socket a process still accepts on is refused, as is anything
     * that is not a socket.
     *
     * @param backlog connections the kernel holds before they are accepted (max_queued_clients)
     * @param setting the configuration that chooses {@code path}, named in errors
     */
    static ServerSocketChannel bind(Path path, Set<PosixFilePermission> perms, int backlog, String setting)
            throws IOException {
        Path target = path.toAbsolutePath();
        checkLength(target, setting);
        Path parent = target.getParent();
        Files.createDirectories(parent);
        refuseIfInUse(target, setting);
        Path privateDir = createPrivateDir(parent);
        Path temp = privateDir.resolve(TEMP_NAME);
        ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            checkLength(temp, setting);
            ch.bind(UnixDomainSocketAddress.of(temp), backlog);
            Files.setPosixFilePermissions(temp, perms);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            return ch;
        } catch (AtomicMoveNotSupportedException e) {
            ch.close();
            throw new IOException("cannot rename the socket into " + target + ": " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        } finally {
            Files.deleteIfExists(temp);
            Files.deleteIfExists(privateDir);
        }
    }

    /** libvirt's virNetSocketNewListenUNIX: "Path ... too long for unix socket", with the setting to change. */
    private static void checkLength(Path p, String setting) throws IOException {
        if (!HostDirectories.fitsUnixSocket(p)) {
            throw new IOException("Path " + p + " too long for unix socket ("
                    + p.toString().getBytes(StandardCharsets.UTF_8).length + " bytes, at most "
                    + HostDirectories.UNIX_PATH_MAX + "): set " + setting + " to a shorter folder");
        }
    }

    private static void refuseIfInUse(Path target, String setting) throws IOException {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return;
        }
        if (!attrs.isOther()) {
            throw new IOException("cannot listen on " + target + ": the path exists and is not a socket");
        }
        if (answers(target)) {
            throw new IOException("cannot listen on " + target + ": the socket is in use (a libvirtd or jvirtd "
                    + "answers there); stop that daemon or set " + setting);
        }
    }

    /** Whether a process accepts connections at {@code socket}; a stale file refuses them. */
    static boolean answers(Path socket) {
        try (SocketChannel c = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code <parent>/.XXXXXX}, mode 0700 from its creation on. */
    private static Path createPrivateDir(Path parent) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path dir = parent.resolve("." + Integer.toString(RANDOM.nextInt(Integer.MAX_VALUE), 36));
            try {
                return Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PRIVATE_DIR));
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }
}
