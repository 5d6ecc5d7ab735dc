package org.jvirt.api;

/**
 * libvirt's {@code virStorageVolInfo}.
 *
 * @param type       what the volume is on the host
 * @param capacity   its logical size in bytes
 * @param allocation the bytes it takes on the host
 */
public record StorageVolInfo(StorageVolType type, long capacity, long allocation) {
}
