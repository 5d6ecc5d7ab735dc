package org.jvirt.driver.qemu.internal.secret;

/**
 * A secret value as QEMU's {@code secret} object takes it: {@code data} is the AES-256-CBC
 * ciphertext, base64; {@code iv} its initialization vector, base64.
 */
public record EncryptedSecret(String data, String iv) {
}
