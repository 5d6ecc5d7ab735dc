package org.jvirt.driver.qemu.internal.command;

import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.SecretUsageType;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Disk;
import org.jvirt.api.xml.DiskAuth;
import org.jvirt.api.xml.DiskEncryption;
import org.jvirt.api.xml.DiskSecret;
import org.jvirt.api.xml.DiskSource;
import org.jvirt.driver.qemu.internal.secret.EncryptedSecret;
import org.jvirt.driver.qemu.internal.secret.GuestSecrets;

/**
 * The secrets of one disk source, as libvirt's {@code qemuDomainSecretStorageSourcePrepare}: the
 * authentication secret of an iSCSI, RBD or curl source (usage {@code ceph} for RBD, else
 * {@code iscsi}), named {@code <storage node>-auth-secret0}, and each encryption secret (usage
 * {@code volume}), named {@code <format node>-encryption-secret<i>}, where the format node is the
 * storage node when there is no format layer. Each becomes a {@code -object secret} ahead of the
 * disk's {@code -blockdev}s (auth first), its value encrypted with the guest's master key.
 */
final class StorageSecrets {
    /** The alias of the auth secret, or null. */
    final String authAlias;
    /** The aliases of the encryption secrets, in order; empty for none. */
    final List<String> encryptionAliases;
    /** The user name of the auth, or null. */
    final String username;
    final DiskEncryption encryption;

    private final DiskAuth auth;
    private final SecretUsageType authUsage;

    StorageSecrets(Disk disk, String storageNode, String formatNode) {
        DiskSource src = disk.source();
        this.auth = hasAuth(disk) ? auth(disk) : null;
        this.username = auth == null ? null : auth.username();
        this.authUsage = "rbd".equals(src.protocol()) ? SecretUsageType.CEPH : SecretUsageType.ISCSI;
        this.authAlias = auth == null ? null : storageNode + "-auth-secret0";
        this.encryption = encryption(disk);
        List<String> aliases = new ArrayList<>();
        if (encryption != null) {
            for (int i = 0; i < encryption.secrets().size(); i++) {
                aliases.add(formatNode + "-encryption-secret" + i);
            }
        }
        this.encryptionAliases = List.copyOf(aliases);
    }

    /** The {@code <encryption>} of the disk's source, or of the disk itself (the older placement), or null. */
    static DiskEncryption encryption(Disk disk) {
        DiskSource src = disk.source();
        return src != null && src.encryption() != null ? src.encryption() : disk.encryption();
    }

    /** True when QEMU decrypts the image itself (libvirt's engine {@code qemu}, the default). */
    static boolean qemuDecrypts(DiskEncryption enc) {
        return enc != null && !enc.secrets().isEmpty() && (enc.engine() == null || "qemu".equals(enc.engine()));
    }

    private static DiskAuth auth(Disk disk) {
        DiskSource src = disk.source();
        return src != null && src.auth() != null ? src.auth() : disk.auth();
    }

    /** libvirt's qemuDomainStorageSourceHasAuth: a network source of a protocol QEMU authenticates for. */
    private static boolean hasAuth(Disk disk) {
        DiskAuth a = auth(disk);
        String proto = disk.source().protocol();
        return a != null && a.secret() != null && "network".equals(disk.type()) && proto != null
                && List.of("iscsi", "rbd", "http", "https", "ftp", "ftps").contains(proto);
    }

    /** Writes the {@code -object secret}s, auth first. */
    void objects(Argv a, GuestSecrets secrets) throws VirtException {
        if (authAlias != null) {
            a.object(object(authAlias, secrets.encrypted(authUsage, auth.secret())));
        }
        for (int i = 0; i < encryptionAliases.size(); i++) {
            DiskSecret s = encryption.secrets().get(i);
            a.object(object(encryptionAliases.get(i), secrets.encrypted(SecretUsageType.VOLUME, s)));
        }
    }

    /** libvirt's qemuBuildSecretInfoProps for an AES secret. */
    private static Json object(String alias, EncryptedSecret s) {
        return Json.object().put("qom-type", "secret").put("id", alias).put("data", s.data())
                .put("keyid", "masterKey0").put("iv", s.iv()).put("format", "base64");
    }
}
