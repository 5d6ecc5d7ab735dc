package org.jvirt.api.spi;

import org.jvirt.api.DomainEvent;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Where a driver connection delivers domain lifecycle events. Must not block.
 * <p>
 * The core implements it and drivers call it (like Event Admin, unlike a listener), so it is a
 * provider type: a method added here is a minor change of this package (only the core implements it).
 */
@ProviderType
@FunctionalInterface
public interface DomainEventSink {
    void accept(DomainEvent event);
}
