package org.jvirt.api;

import java.util.UUID;

/**
 * A network lifecycle event.
 *
 * @param name the network's name
 * @param uuid the network's UUID
 * @param type what happened
 */
public record NetworkEvent(String name, UUID uuid, NetworkEventType type) {
}
