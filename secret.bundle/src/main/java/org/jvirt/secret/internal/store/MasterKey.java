package org.jvirt.secret.internal.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.ByteBuffer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Set;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key that encrypts secret values at rest: 32 random bytes (AES-256) in a file only the
 * daemon's user may read or write (0600, in a 0700 folder), made on first use. The file is
 * created with its mode already set (a temporary file renamed into place), so it is never
 * readable by others, not even for a moment; a key file others can read is refused, since its
 * values must then be taken as known.
 */
public final class MasterKey {
    private static final Logger LOG = LoggerFactory.getLogger(MasterKey.class);
    /** AES-256. */
    public static final int LENGTH = 32;
    private static final Set<PosixFilePermission> OWNER_RW = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_RWX = PosixFilePermissions.fromString("rwx------");

    private final Path file;
    private final SecureRandom random;

    public MasterKey(Path file, SecureRandom random) {
        this.file = file;
        this.random = random;
    }

    public Path file() {
        return file;
    }

    /** The key: read from the file, or made and written to it when there is none yet. */
    public byte[] loadOrCreate() throws VirtException {
        try {
            if (!Files.exists(file)) {
                create();
            }
            return read();
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.SECRET,
                    "cannot use master key file '" + file + "': " + e, e);
        }
    }

    private byte[] read() throws IOException, VirtException {
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
        if (!OWNER_RW.containsAll(perms)) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.SECRET, "master key file '"
                    + file + "' is accessible to others (mode " + PosixFilePermissions.toString(perms)
                    + "); it must be readable by the daemon only (0600)");
        }
        byte[] key = Files.readAllBytes(file);
        if (key.length != LENGTH) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.SECRET, "master key file '" + file
                    + "' holds " + key.length + " bytes, not " + LENGTH);
        }
        return key;
    }

    private void create() throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_RWX));
        }
        byte[] key = new byte[LENGTH];
        random.nextBytes(key);
        Path tmp = Files.createTempFile(dir, ".master-key", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_RW));
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.write(ByteBuffer.wrap(key));
                ch.force(true);
            }
            try {
                // no REPLACE_EXISTING: when another process made one meanwhile, its key is the key
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
                LOG.info("created the secrets master key {}", file);
            } catch (FileAlreadyExistsException e) {
                LOG.debug("master key {} appeared meanwhile; using it", file);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
