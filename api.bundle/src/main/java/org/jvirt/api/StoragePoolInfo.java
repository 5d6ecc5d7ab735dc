package org.jvirt.api;

/**
 * libvirt's {@code virStoragePoolInfo}.
 *
 * @param state      the pool's state
 * @param capacity   its logical size in bytes
 * @param allocation the bytes in use
 * @param available  the bytes still free for volumes
 */
public record StoragePoolInfo(StoragePoolState state, long capacity, long allocation, long available) {
}
