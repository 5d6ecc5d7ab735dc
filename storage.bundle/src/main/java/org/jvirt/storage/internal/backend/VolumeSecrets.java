package org.jvirt.storage.internal.backend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Supplier;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.SecretUsageType;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.SecretDriver;
import org.jvirt.api.spi.SecretDriverConnection;
import org.jvirt.api.spi.SecretRef;
import org.jvirt.storage.internal.conf.VolEncryption;

/**
 * The passphrases of encrypted volumes, from the host's shared secret driver (the {@code SecretDriver}
 * service, libvirt's {@code virGetConnectSecret}): written to a private file for qemu-img as
 * {@code storageBackendCreateQemuImgSecretPath} does, and found again by the volume's path as
 * {@code storageBackendLoadDefaultSecrets} does.
 */
public final class VolumeSecrets {
    private final Supplier<SecretDriver> drivers;
    private final Path dir;

    /**
     * @param drivers the currently bound secret driver, null when there is none
     * @param dir     where the passphrase files live while qemu-img runs (made 0700 when missing)
     */
    public VolumeSecrets(Supplier<SecretDriver> drivers, Path dir) {
        this.drivers = drivers;
        this.dir = dir;
    }

    /**
     * Writes the passphrase of the volume's one secret to a new 0600 file named after pool and volume;
     * the caller deletes it. Nothing is left behind on failure.
     */
    public Path writeFile(String pool, String volume, VolEncryption enc) throws VirtException {
        if (enc.secrets().size() != 1) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.STORAGE,
                    "A single <secret type='passphrase'...> element is expected in encryption description");
        }
        byte[] value = value(enc.secrets().get(0));
        Path file = null;
        try {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DirBackend.posix(0700)));
            file = Files.createTempFile(dir, pool + "." + volume + ".secret.", "",
                    PosixFilePermissions.asFileAttribute(DirBackend.posix(0600)));
            Files.write(file, value, StandardOpenOption.TRUNCATE_EXISTING);
            return file;
        } catch (IOException e) {
            delete(file);
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.STORAGE,
                    "failed to write secret file: " + DirBackend.reason(e), e);
        } finally {
            Arrays.fill(value, (byte) 0);
        }
    }

    /** The UUID of the volume secret whose usage is {@code path}, null when there is none (or no secret driver). */
    public UUID byVolumePath(String path) {
        SecretDriver driver = drivers.get();
        if (driver == null) {
            return null;
        }
        try {
            SecretDriverConnection secrets = driver.open(0);
            try {
                return secrets.lookupByUsage(SecretUsageType.VOLUME, path).uuid();
            } finally {
                secrets.close();
            }
        } catch (VirtException e) {
            return null; // libvirt: without such a secret the volume's XML names none
        }
    }

    /** {@code virSecretGetSecretString} for a volume: by UUID (its usage checked) or by usage, read internally. */
    private byte[] value(String[] secret) throws VirtException {
        SecretDriver driver = drivers.get();
        if (driver == null) {
            // what libvirt's virConnectOpen("secret:///system") says with no secret driver loaded
            throw new VirtException(ErrorCode.NO_CONNECT, ErrorDomain.NONE, "secret:///system");
        }
        SecretDriverConnection secrets = driver.open(0);
        try {
            SecretRef ref;
            if (secret[1] != null) {
                ref = secrets.lookupByUuid(uuid(secret[1]));
                if (ref.usageType() != SecretUsageType.NONE && ref.usageType() != SecretUsageType.VOLUME) {
                    throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.SECRET, "secret with uuid " + ref.uuid()
                            + " is of type '" + ref.usageType().xmlName() + "' not expected 'volume' type");
                }
            } else {
                ref = secrets.lookupByUsage(SecretUsageType.VOLUME, secret[2]);
            }
            return secrets.value(ref, 0, true);
        } finally {
            secrets.close();
        }
    }

    private static UUID uuid(String text) throws VirtException {
        String hex = text.trim().replace("-", "");
        if (!hex.matches("[0-9a-fA-F]{32}")) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.STORAGE, "malformed uuid element");
        }
        return new UUID(Long.parseUnsignedLong(hex.substring(0, 16), 16), Long.parseUnsignedLong(hex.substring(16), 16));
    }

    static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) { // best effort, as libvirt's unlink
            }
        }
    }
}
