package org.jvirt.api;

import java.util.UUID;

/**
 * A domain lifecycle event ({@code VIR_DOMAIN_EVENT_ID_LIFECYCLE}).
 *
 * @param name   the domain's name
 * @param uuid   the domain's UUID
 * @param id     the domain's ID at the time of the event, -1 when inactive
 * @param type   what happened
 * @param detail libvirt's detail number for {@code type}
 */
public record DomainEvent(String name, UUID uuid, int id, DomainEventType type, int detail) {
}
