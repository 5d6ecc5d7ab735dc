package org.jvirt.api.spi;

import java.util.UUID;

/**
 * How the core names a domain to a driver: libvirt's {@code remote_nonnull_domain}. Drivers
 * find the domain by {@code uuid}; name and id are informative.
 *
 * @param name the domain's name
 * @param uuid the domain's UUID, never null
 * @param id   the domain's ID, -1 when inactive
 */
public record DomainRef(String name, UUID uuid, int id) {
}
