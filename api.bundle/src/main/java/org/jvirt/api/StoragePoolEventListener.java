package org.jvirt.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives the storage pool events of one connection. Called on a jvirt event thread, one event at
 * a time in the order they happened; it must not block for long.
 */
@ConsumerType
@FunctionalInterface
public interface StoragePoolEventListener {
    void onStoragePoolEvent(StoragePool pool, StoragePoolEvent event);
}
