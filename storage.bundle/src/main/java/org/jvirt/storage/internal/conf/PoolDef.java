package org.jvirt.storage.internal.conf;

import java.util.UUID;

/**
 * A storage pool definition (libvirt's {@code virStoragePoolDef}).
 *
 * @param type              the pool type ({@code dir}, {@code fs}, ...)
 * @param name              the pool's name
 * @param uuid              its UUID
 * @param source            its {@code <source>}
 * @param targetPath        the cleaned target path, null for network pools (they have no target)
 * @param perms             the target's permissions
 * @param cow               the {@code <features><cow state=...>} setting, null when absent
 * @param refreshAllocation the {@code <refresh><volume allocation>} ("default", "capacity"), null when absent
 * @param namespace         the backend namespace data ({@code fs:mount_opts}, {@code rbd:config_opts}), null for none
 */
public record PoolDef(PoolType type, String name, UUID uuid, PoolSource source, String targetPath, Perms perms,
                      Boolean cow, String refreshAllocation, PoolNamespace namespace) {

    public PoolDef withUuid(UUID newUuid) {
        return new PoolDef(type, name, newUuid, source, targetPath, perms, cow, refreshAllocation, namespace);
    }

    /** The first source device's path (fs: the device to mount), null for none. */
    public String sourceDevice() {
        return source.firstDevice();
    }

    /** The source format (fs: the file system type), null for types without one. */
    public String sourceFormat() {
        return source.format();
    }
}
