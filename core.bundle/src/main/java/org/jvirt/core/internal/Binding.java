package org.jvirt.core.internal;

import org.jvirt.api.spi.DriverConnection;

/**
 * A facade's current link to a driver: the driver registration and the connection it opened.
 *
 * @param entry      the driver registration
 * @param connection the driver's connection for the facade's URI
 * @param generation counts the bindings of one facade; a new number means another driver
 *                   connection, so cached {@code DomainRef}s must be re-resolved
 */
record Binding(DriverEntry entry, DriverConnection connection, long generation) {
}
