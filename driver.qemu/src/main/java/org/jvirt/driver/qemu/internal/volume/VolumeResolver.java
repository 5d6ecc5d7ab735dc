package org.jvirt.driver.qemu.internal.volume;

import org.jvirt.api.StorageVolType;
import org.jvirt.api.VirtException;

/**
 * Where a {@code <disk type='volume'>} points: libvirt's lookups on the daemon's storage connection
 * in {@code virDomainDiskTranslateSourcePool}. Production asks the host's {@code StorageDriver}
 * ({@link SharedVolumeResolver}); libvirt's test harness answers from fixtures, which the conformance
 * tests fake behind this seam.
 */
@FunctionalInterface
public interface VolumeResolver {

    /** A volume of an active pool: the pool's type ({@code dir}, {@code logical}, ...), the volume's type and path. */
    record Resolved(String poolType, StorageVolType volType, String path) {
    }

    /**
     * @throws VirtException libvirt's {@code NO_STORAGE_POOL} / {@code NO_STORAGE_VOL} when there is no
     *                       such pool or volume, {@code CONFIG_UNSUPPORTED} when the pool is not active
     */
    Resolved resolve(String pool, String volume) throws VirtException;
}
