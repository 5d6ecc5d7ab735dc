package org.jvirt.api;

import java.util.UUID;

/**
 * A storage pool event.
 *
 * @param uuid the pool's UUID
 * @param name the pool's name
 * @param type what happened
 */
public record StoragePoolEvent(UUID uuid, String name, StoragePoolEventType type) {
}
