package org.jvirt.driver.qemu.internal.secret;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.jvirt.api.VirtException;
import org.jvirt.driver.qemu.internal.QemuErrors;

/**
 * libvirt's {@code qemuDomainSecretAESSetup}: a secret value encrypted with AES-256-CBC (PKCS#7
 * padding) under the guest's master key and a fresh random 16-byte IV, both base64-encoded for
 * QEMU's {@code secret} object ({@code keyid=masterKey0}). The random source is a seam: libvirt's
 * harness fakes it with the bytes 0, 1, 2, ...
 */
public final class SecretCipher {
    /** libvirt's QEMU_DOMAIN_AES_IV_LEN. */
    static final int IV_LENGTH = 16;

    private final byte[] masterKey;
    private final Random random;

    /** @param masterKey the guest's 32-byte master key; @param random where IVs come from */
    public SecretCipher(byte[] masterKey, Random random) {
        if (masterKey.length != MasterKey.LENGTH) {
            throw new IllegalArgumentException("a master key has " + MasterKey.LENGTH + " bytes, not "
                    + masterKey.length);
        }
        this.masterKey = masterKey.clone();
        this.random = random;
    }

    /** {@code value} encrypted for QEMU; the caller's array is not changed. */
    public EncryptedSecret encrypt(byte[] value) throws VirtException {
        byte[] iv = new byte[IV_LENGTH];
        random.nextBytes(iv);
        try {
            Cipher aes = Cipher.getInstance("AES/CBC/PKCS5Padding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(masterKey, "AES"), new IvParameterSpec(iv));
            byte[] data = aes.doFinal(value);
            Base64.Encoder b64 = Base64.getEncoder();
            return new EncryptedSecret(b64.encodeToString(data), b64.encodeToString(iv));
        } catch (GeneralSecurityException e) {
            // libvirt: virCryptoEncryptData's "failed to encrypt the data"
            throw QemuErrors.internal("failed to encrypt the data: " + e.getMessage(), e);
        }
    }

    /** Forgets the key (best effort: Java may have copied it). */
    public void clear() {
        Arrays.fill(masterKey, (byte) 0);
    }
}
