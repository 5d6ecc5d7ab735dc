package org.jvirt.storage.internal.conf;

import java.util.UUID;

/**
 * A storage pool definition (libvirt's {@code virStoragePoolDef}) for the pool types jvirt knows.
 *
 * @param type         the pool type ({@code dir}, {@code fs}, ...)
 * @param name         the pool's name
 * @param uuid         its UUID
 * @param sourceDevice the source device path (fs), null for none
 * @param sourceFormat the source format (fs: the file system type), null for none
 * @param targetPath   the cleaned target path
 * @param perms        the target's permissions
 * @param cow          the {@code <features><cow state=...>} setting, null when absent
 */
public record PoolDef(PoolType type, String name, UUID uuid, String sourceDevice, String sourceFormat,
                      String targetPath, Perms perms, Boolean cow) {

    public PoolDef withUuid(UUID newUuid) {
        return new PoolDef(type, name, newUuid, sourceDevice, sourceFormat, targetPath, perms, cow);
    }
}
