package org.jvirt.driver.qemu.internal.secret;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Random;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.SecretUsageType;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.SecretDriverConnection;
import org.jvirt.api.spi.SecretRef;
import org.jvirt.api.xml.DiskSecret;
import org.jvirt.core.store.FileStateStore;
import org.jvirt.secret.internal.SecretDriverComponent;
import org.jvirt.xml.internal.DomainXmlCodecImpl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secret values from the real secret driver, encrypted as libvirt encrypts them for QEMU. */
class GuestSecretsTest {
    private static final String CEPH_UUID = "0a81f5b2-8403-7b23-c8d6-21ccc2f80d6f";

    @TempDir
    Path dir;
    private SecretDriverComponent driver;

    @BeforeEach
    void define() throws VirtException {
        driver = new SecretDriverComponent(new FileStateStore(dir.resolve("state")), new DomainXmlCodecImpl(),
                dir.resolve("master.key"));
        SecretDriverConnection c = driver.open(0);
        SecretRef ceph = c.defineXml("<secret private='yes'><uuid>" + CEPH_UUID + "</uuid><usage type='ceph'>"
                + "<name>client.admin secret</name></usage></secret>", 0);
        c.setValue(ceph, "AQCVn5hO6HzFAhAAq0NCv8jtJcIcE+HOBlMQ1A".getBytes(StandardCharsets.US_ASCII), 0);
    }

    @Test
    void aPrivateSecretIsReadByUuidAndByUsageForTheGuest() throws VirtException {
        SharedSecretLookup lookup = new SharedSecretLookup(() -> driver);
        byte[] expected = "AQCVn5hO6HzFAhAAq0NCv8jtJcIcE+HOBlMQ1A".getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(expected, lookup.value(SecretUsageType.CEPH, new DiskSecret("ceph", CEPH_UUID, null)));
        assertArrayEquals(expected, lookup.value(SecretUsageType.CEPH,
                new DiskSecret("ceph", null, "client.admin secret")));
        // virUUIDParse also takes the UUID without dashes
        assertArrayEquals(expected, lookup.value(SecretUsageType.CEPH,
                new DiskSecret("ceph", CEPH_UUID.replace("-", ""), null)));
    }

    @Test
    void aSecretOfAnotherUsageIsLibvirtsInvalidArg() {
        SharedSecretLookup lookup = new SharedSecretLookup(() -> driver);
        VirtException e = assertThrows(VirtException.class,
                () -> lookup.value(SecretUsageType.VOLUME, new DiskSecret("passphrase", CEPH_UUID, null)));
        assertEquals(ErrorCode.INVALID_ARG, e.code());
        assertEquals("invalid argument: secret with uuid " + CEPH_UUID + " is of type 'ceph' not expected 'volume' type",
                e.getMessage());
        e = assertThrows(VirtException.class,
                () -> lookup.value(SecretUsageType.ISCSI, new DiskSecret("iscsi", null, "client.admin secret")));
        assertEquals(ErrorCode.NO_SECRET, e.code());
        assertEquals("Secret not found: no secret with matching usage 'client.admin secret'", e.getMessage());
    }

    @Test
    void withoutASecretDriverNothingCanBeRead() {
        VirtException e = assertThrows(VirtException.class, () -> new SharedSecretLookup(() -> null)
                .value(SecretUsageType.VOLUME, new DiskSecret("passphrase", CEPH_UUID, null)));
        assertEquals(ErrorCode.NO_CONNECT, e.code());
        assertEquals("no connection driver available for secret:///system", e.getMessage());
    }

    @Test
    void theValueIsAes256CbcUnderTheMasterKeyWithAFreshIv() throws Exception {
        byte[] key = MasterKey.create(new SecureRandom());
        GuestSecrets secrets = new GuestSecrets(new SharedSecretLookup(() -> driver),
                new SecretCipher(key, new SecureRandom()));
        DiskSecret ref = new DiskSecret("ceph", CEPH_UUID, null);
        EncryptedSecret a = secrets.encrypted(SecretUsageType.CEPH, ref);
        EncryptedSecret b = secrets.encrypted(SecretUsageType.CEPH, ref);
        assertNotEquals(a.iv(), b.iv());
        assertNotEquals(a.data(), b.data());
        Cipher aes = Cipher.getInstance("AES/CBC/PKCS5Padding");
        aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                new IvParameterSpec(Base64.getDecoder().decode(a.iv())));
        assertEquals("AQCVn5hO6HzFAhAAq0NCv8jtJcIcE+HOBlMQ1A",
                new String(aes.doFinal(Base64.getDecoder().decode(a.data())), StandardCharsets.US_ASCII));
    }

    @Test
    void libvirtsTestVector() throws VirtException {
        Random counting = new Random() {
            private static final long serialVersionUID = 1L;

            @Override
            public void nextBytes(byte[] bytes) {
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] = (byte) i;
                }
            }
        };
        EncryptedSecret s = new SecretCipher(MasterKey.create(counting), counting)
                .encrypt("AQCVn5hO6HzFAhAAq0NCv8jtJcIcE+HOBlMQ1A".getBytes(StandardCharsets.US_ASCII));
        // qemuxmlconfdata's secret objects
        assertEquals("9eao5F8qtkGt+seB1HYivWIxbtwUu6MQtg1zpj/oDtUsPr1q8wBYM91uEHCn6j/1", s.data());
        assertEquals("AAECAwQFBgcICQoLDA0ODw==", s.iv());
    }

    @Test
    void theMasterKeyFileIsOnlyTheDaemons() throws VirtException, IOException {
        byte[] key = MasterKey.create(new SecureRandom());
        Path file = MasterKey.write(dir.resolve("domain-1-x"), key);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertArrayEquals(key, Files.readAllBytes(file));
    }
}
