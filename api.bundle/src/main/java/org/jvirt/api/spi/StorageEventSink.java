package org.jvirt.api.spi;

import org.jvirt.api.StoragePoolEvent;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Where a storage driver connection delivers storage pool events. Must not block. Implemented by
 * the core (a provider type, as {@link DomainEventSink}).
 */
@ProviderType
@FunctionalInterface
public interface StorageEventSink {
    void accept(StoragePoolEvent event);
}
