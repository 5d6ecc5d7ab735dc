package org.jvirt.api.spi;

import java.util.UUID;

/**
 * How the core names a network to a network driver: libvirt's {@code remote_nonnull_network}.
 * Drivers find the network by {@code uuid}.
 *
 * @param name the network's name, never null
 * @param uuid the network's UUID, never null
 */
public record NetworkRef(String name, UUID uuid) {
}
