package org.jvirt.api.spi;

/**
 * How the core names a storage volume to a storage driver: libvirt's {@code remote_nonnull_storage_vol}.
 * Drivers find the volume by pool and name.
 *
 * @param pool the name of its pool, never null
 * @param name the volume's name, never null
 * @param key  the volume's key, never null
 */
public record StorageVolRef(String pool, String name, String key) {
}
