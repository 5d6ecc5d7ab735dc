package org.jvirt.api.spi;

import java.util.UUID;

import org.jvirt.api.SecretUsageType;

/**
 * How the core names a secret to a secret driver: libvirt's {@code remote_nonnull_secret}. Drivers
 * find the secret by {@code uuid}; the usage is informative.
 *
 * @param uuid      the secret's UUID, never null
 * @param usageType its usage type, never null
 * @param usageId   its usage identifier, "" for none, never null
 */
public record SecretRef(UUID uuid, SecretUsageType usageType, String usageId) {
}
