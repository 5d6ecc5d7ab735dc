package org.jvirt.api;

import java.util.UUID;

/**
 * A secret event: defined (also when redefined), undefined, or its value changed.
 *
 * @param uuid      the secret's UUID
 * @param usageType the secret's usage type
 * @param usageId   the secret's usage identifier, "" for none
 * @param type      what happened
 */
public record SecretEvent(UUID uuid, SecretUsageType usageType, String usageId, SecretEventType type) {
}
