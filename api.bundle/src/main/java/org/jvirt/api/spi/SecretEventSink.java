package org.jvirt.api.spi;

import org.jvirt.api.SecretEvent;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Where a secret driver connection delivers secret events. Must not block. Implemented by the core
 * (a provider type, as {@link DomainEventSink}).
 */
@ProviderType
@FunctionalInterface
public interface SecretEventSink {
    void accept(SecretEvent event);
}
