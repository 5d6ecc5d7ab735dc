package org.jvirt.driver.qemu.internal.secret;

import org.jvirt.api.SecretUsageType;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DiskSecret;

/**
 * Where a guest's secret values come from: libvirt's {@code virSecretGetSecretString} on the
 * daemon's secret connection. Production reads the host's {@code SecretDriver}
 * ({@link SharedSecretLookup}); libvirt's test harness answers every lookup with one fixed value,
 * which the conformance tests fake behind this seam.
 */
@FunctionalInterface
public interface SecretLookup {

    /**
     * The value of the secret {@code ref} names (by UUID, or by usage of {@code usageType}).
     *
     * @throws VirtException libvirt's {@code NO_SECRET} when there is no such secret or it has no
     *                       value, {@code INVALID_ARG} when a secret found by UUID is of another
     *                       usage type
     */
    byte[] value(SecretUsageType usageType, DiskSecret ref) throws VirtException;
}
