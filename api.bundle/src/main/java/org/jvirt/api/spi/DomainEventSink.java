package org.jvirt.api.spi;

import org.jvirt.api.DomainEvent;
import org.osgi.annotation.versioning.ConsumerType;

/** Where a driver connection delivers domain lifecycle events. Must not block. */
@ConsumerType
@FunctionalInterface
public interface DomainEventSink {
    void accept(DomainEvent event);
}
