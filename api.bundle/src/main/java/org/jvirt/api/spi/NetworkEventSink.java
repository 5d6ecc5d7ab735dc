package org.jvirt.api.spi;

import org.jvirt.api.NetworkEvent;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Where a network driver connection delivers network events. Must not block. Implemented by the
 * core (a provider type, as {@link DomainEventSink}).
 */
@ProviderType
@FunctionalInterface
public interface NetworkEventSink {
    void accept(NetworkEvent event);
}
