package org.jvirt.secret.internal.conf;

import java.util.UUID;

import org.jvirt.api.SecretUsageType;
import org.jvirt.api.spi.SecretRef;

/**
 * A secret's definition: libvirt's {@code virSecretDef}.
 *
 * @param uuid        never null (generated when the XML has none)
 * @param description null when none
 * @param ephemeral   kept in memory only, never on disk
 * @param isPrivate   its value is never handed out (only to hypervisor drivers)
 * @param usageType   never null
 * @param usageId     the usage's identifier, null for {@link SecretUsageType#NONE}
 */
public record SecretDef(UUID uuid, String description, boolean ephemeral, boolean isPrivate,
                        SecretUsageType usageType, String usageId) {

    /** How the core names this secret. */
    public SecretRef ref() {
        return new SecretRef(uuid, usageType, usageId == null ? "" : usageId);
    }
}
