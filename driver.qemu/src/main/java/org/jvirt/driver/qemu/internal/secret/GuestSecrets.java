package org.jvirt.driver.qemu.internal.secret;

import java.security.SecureRandom;
import java.util.Arrays;

import org.jvirt.api.SecretUsageType;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DiskSecret;

/**
 * The secrets of one guest start: each value looked up ({@link SecretLookup}) and encrypted with
 * the guest's master key ({@link SecretCipher}) for a QEMU {@code secret} object, as libvirt's
 * {@code qemuDomainSecretAESSetupFromSecret}. The plain value is wiped as soon as it is encrypted.
 */
public final class GuestSecrets {
    private final SecretLookup lookup;
    private final SecretCipher cipher;

    public GuestSecrets(SecretLookup lookup, SecretCipher cipher) {
        this.lookup = lookup;
        this.cipher = cipher;
    }

    /** Secrets of a command line built without the host's secret driver: every lookup fails as with none loaded. */
    public static GuestSecrets unavailable() {
        SecureRandom random = new SecureRandom();
        return new GuestSecrets(new SharedSecretLookup(() -> null), new SecretCipher(MasterKey.create(random), random));
    }

    /** The value of the secret {@code ref} names, encrypted for QEMU. */
    public EncryptedSecret encrypted(SecretUsageType usageType, DiskSecret ref) throws VirtException {
        byte[] value = lookup.value(usageType, ref);
        try {
            return cipher.encrypt(value);
        } finally {
            Arrays.fill(value, (byte) 0);
        }
    }
}
