package org.jvirt.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives domain lifecycle events of one connection. Called on a jvirt event thread, one event
 * at a time in the order the driver raised them; it must not block for long.
 */
@ConsumerType
@FunctionalInterface
public interface DomainEventListener {
    void onLifecycle(Domain domain, DomainEvent event);
}
