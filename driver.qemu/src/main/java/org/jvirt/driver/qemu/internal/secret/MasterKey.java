package org.jvirt.driver.qemu.internal.secret;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Random;

import org.jvirt.api.VirtException;
import org.jvirt.driver.qemu.internal.QemuErrors;

/**
 * A guest's master key (libvirt's {@code qemuDomainMasterKeyCreate} and
 * {@code qemuDomainWriteMasterKeyFile}): 32 random bytes, written before QEMU starts to
 * {@code master-key.aes} in the guest's run folder (mode 0600), which QEMU reads as the raw secret
 * {@code masterKey0}; every other secret passed to the guest is encrypted with it. The file stays
 * while the guest runs (a restarted driver reads it back, as libvirt's status XML keeps the key)
 * and goes with the guest's run folder when it stops.
 */
public final class MasterKey {
    /** libvirt's QEMU_DOMAIN_MASTER_KEY_LEN. */
    public static final int LENGTH = 32;
    /** The file name libvirt uses in the domain's private folder. */
    public static final String FILE_NAME = "master-key.aes";

    private MasterKey() {
    }

    /** A new key from {@code random}. */
    public static byte[] create(Random random) {
        byte[] key = new byte[LENGTH];
        random.nextBytes(key);
        return key;
    }

    /** Writes {@code key} to {@code <domainDir>/master-key.aes}, mode 0600, replacing an older one. */
    public static Path write(Path domainDir, byte[] key) throws VirtException {
        Path file = domainDir.resolve(FILE_NAME);
        try {
            Files.createDirectories(domainDir);
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(file, key);
            return file;
        } catch (IOException e) {
            // libvirt: "failed to write master key file for domain"
            throw QemuErrors.system("failed to write master key file for domain: " + file + ": " + e.getMessage());
        }
    }
}
