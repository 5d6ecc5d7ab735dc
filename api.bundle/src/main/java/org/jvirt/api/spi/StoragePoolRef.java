package org.jvirt.api.spi;

import java.util.UUID;

/**
 * How the core names a storage pool to a storage driver: libvirt's {@code remote_nonnull_storage_pool}.
 * Drivers find the pool by {@code uuid}.
 *
 * @param name the pool's name, never null
 * @param uuid the pool's UUID, never null
 */
public record StoragePoolRef(String name, UUID uuid) {
}
