package org.jvirt.secret.internal.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secret values for the disk: AES-256-GCM under the master key, a fresh 96-bit nonce
 * for every write, and the secret's UUID as associated data, so a value file copied over
 * another secret's does not decrypt. Layout: {@code "JVS1"}, nonce (12 bytes), ciphertext with
 * its 128-bit tag.
 */
public final class ValueCipher {
    private static final byte[] MAGIC = "JVS1".getBytes(StandardCharsets.US_ASCII);
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random;

    public ValueCipher(byte[] masterKey, SecureRandom random) {
        this.key = new SecretKeySpec(masterKey, "AES");
        this.random = random;
    }

    public byte[] encrypt(UUID secret, byte[] value) throws GeneralSecurityException {
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
        c.updateAAD(aad(secret));
        byte[] sealed = c.doFinal(value);
        return ByteBuffer.allocate(MAGIC.length + NONCE + sealed.length).put(MAGIC).put(nonce).put(sealed).array();
    }

    /** @throws GeneralSecurityException when the record is not one of ours or was altered */
    public byte[] decrypt(UUID secret, byte[] record) throws GeneralSecurityException {
        if (record.length < MAGIC.length + NONCE + TAG_BITS / 8
                || !Arrays.equals(record, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new GeneralSecurityException("not an encrypted secret value");
        }
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, record, MAGIC.length, NONCE));
        c.updateAAD(aad(secret));
        return c.doFinal(record, MAGIC.length + NONCE, record.length - MAGIC.length - NONCE);
    }

    private static byte[] aad(UUID secret) {
        return ("jvirt-secret:" + secret).getBytes(StandardCharsets.US_ASCII);
    }
}
