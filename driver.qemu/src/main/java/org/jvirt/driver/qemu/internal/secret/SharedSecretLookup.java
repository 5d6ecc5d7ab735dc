package org.jvirt.driver.qemu.internal.secret;

import java.util.UUID;
import java.util.function.Supplier;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.SecretUsageType;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.SecretDriver;
import org.jvirt.api.spi.SecretDriverConnection;
import org.jvirt.api.spi.SecretRef;
import org.jvirt.api.xml.DiskSecret;

/**
 * Secret values from the host's shared secret driver (the {@code SecretDriver} service, libvirt's
 * {@code virGetConnectSecret}), read as libvirt's {@code virSecretGetSecretString}: by UUID or
 * by usage, the usage type checked for a secret found by UUID, the value read as an internal call
 * (so private secrets can be handed to the guest). Errors are the secret driver's
 * ({@code NO_SECRET} "no secret with matching uuid '...'", "secret '...' does not have a value").
 */
public final class SharedSecretLookup implements SecretLookup {
    private final Supplier<SecretDriver> drivers;

    /** @param drivers the currently bound secret driver, or null when there is none */
    public SharedSecretLookup(Supplier<SecretDriver> drivers) {
        this.drivers = drivers;
    }

    @Override
    public byte[] value(SecretUsageType usageType, DiskSecret ref) throws VirtException {
        SecretDriver driver = drivers.get();
        if (driver == null) {
            // what libvirt's virConnectOpen("secret:///system") says with no secret driver loaded
            throw new VirtException(ErrorCode.NO_CONNECT, ErrorDomain.NONE, "secret:///system");
        }
        SecretDriverConnection secrets = driver.open(0);
        try {
            SecretRef secret;
            if (ref.uuid() != null) {
                secret = secrets.lookupByUuid(parseUuid(ref.uuid()));
                checkUsage(secret, usageType);
            } else {
                secret = secrets.lookupByUsage(usageType, ref.usage());
            }
            return secrets.value(secret, 0, true);
        } finally {
            secrets.close();
        }
    }

    /** libvirt accepts NONE because its own test harness looks secrets up without a usage. */
    private static void checkUsage(SecretRef secret, SecretUsageType expected) throws VirtException {
        if (secret.usageType() != SecretUsageType.NONE && secret.usageType() != expected) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.SECRET, "secret with uuid " + secret.uuid()
                    + " is of type '" + secret.usageType().xmlName() + "' not expected '" + expected.xmlName()
                    + "' type");
        }
    }

    /** virUUIDParse: 32 hex digits, optionally separated by dashes (the domain parser checked them). */
    static UUID parseUuid(String text) throws VirtException {
        String hex = text.trim().replace("-", "");
        if (!hex.matches("[0-9a-fA-F]{32}")) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.NONE, "malformed uuid element");
        }
        return new UUID(Long.parseUnsignedLong(hex.substring(0, 16), 16),
                Long.parseUnsignedLong(hex.substring(16), 16));
    }
}
