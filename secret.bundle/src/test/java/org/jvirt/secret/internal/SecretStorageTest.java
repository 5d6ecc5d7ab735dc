package org.jvirt.secret.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.Connection;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.Secret;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.SecretRef;

/** Secrets on disk: through the state store, values encrypted under a 0600 master key, ephemeral ones never. */
class SecretStorageTest {
    private static final byte[] VALUE = "correct horse battery staple".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    @Test
    void persistentSecretsComeBackEncryptedAtRest() throws Exception {
        SecretHost first = new SecretHost(dir);
        Connection c = first.open();
        Secret s = c.defineSecret(SecretDriverTest.VOLUME, 0);
        assertFalse(Files.exists(first.key), "no key before the first value");
        s.setValue(VALUE, 0);
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(first.key));
        assertEquals(PosixFilePermissions.fromString("rwx------"), Files.getPosixFilePermissions(first.key.getParent()));
        assertEquals(32, Files.size(first.key));
        List<Path> files = files(first.state);
        assertEquals(2, files.size(), files.toString());
        for (Path f : files) {
            assertFalse(contains(Files.readAllBytes(f), VALUE), f + " holds the value in clear");
        }

        SecretHost second = new SecretHost(dir); // a restarted daemon
        Secret again = second.open().lookupSecretByUuid(SecretDriverTest.VOLUME_UUID);
        assertEquals(s.xmlDesc(0), again.xmlDesc(0));
        // private: the value is there, but only for the hypervisor
        VirtException e = assertThrows(VirtException.class, () -> again.value(0));
        assertEquals(ErrorCode.INVALID_SECRET, e.code());
        assertArrayEquals(VALUE, second.driver.open(0).value(
                new SecretRef(again.uuid(), again.usageType(), again.usageId()), 0, true));

        again.undefine();
        assertEquals(List.of(), files(second.state));
    }

    @Test
    void ephemeralSecretsNeverTouchDisk() throws Exception {
        SecretHost host = new SecretHost(dir);
        Secret s = host.open().defineSecret("<secret ephemeral='yes'><usage type='tls'><name>e</name></usage></secret>", 0);
        s.setValue(VALUE, 0);
        assertArrayEquals(VALUE, s.value(0));
        assertEquals(List.of(), files(host.state));
        assertFalse(Files.exists(host.key));
        assertEquals(0, new SecretHost(dir).open().numOfSecrets());
    }

    @Test
    void becomingEphemeralForgetsTheRecords() throws Exception {
        SecretHost host = new SecretHost(dir);
        Connection c = host.open();
        Secret s = c.defineSecret("<secret><usage type='tls'><name>e</name></usage></secret>", 0);
        s.setValue(VALUE, 0);
        assertEquals(2, files(host.state).size());
        c.defineSecret("<secret ephemeral='yes'><uuid>" + s.uuid() + "</uuid><usage type='tls'><name>e</name></usage></secret>", 0);
        assertEquals(List.of(), files(host.state));
        assertArrayEquals(VALUE, s.value(0));
        c.defineSecret("<secret><uuid>" + s.uuid() + "</uuid><usage type='tls'><name>e</name></usage></secret>", 0);
        assertEquals(2, files(host.state).size());
        assertArrayEquals(VALUE, new SecretHost(dir).open().lookupSecretByUuid(s.uuid()).value(0));
    }

    @Test
    void aKeyOthersCanReadIsRefused() throws Exception {
        SecretHost host = new SecretHost(dir);
        Secret s = host.open().defineSecret("<secret><usage type='tls'><name>k</name></usage></secret>", 0);
        s.setValue(VALUE, 0);
        Files.setPosixFilePermissions(host.key, PosixFilePermissions.fromString("rw-r--r--"));
        SecretHost restarted = new SecretHost(dir);
        // the definition loads; the value cannot be decrypted without an acceptable key, and a write is refused
        Secret again = restarted.open().lookupSecretByUuid(s.uuid());
        assertEquals(ErrorCode.NO_SECRET, assertThrows(VirtException.class, () -> again.value(0)).code());
        VirtException e = assertThrows(VirtException.class, () -> again.setValue(VALUE, 0));
        assertEquals(ErrorCode.CONFIG_UNSUPPORTED, e.code());
        assertTrue(e.getMessage().contains("accessible to others"), e.getMessage());
    }

    @Test
    void aValueUnderAnotherKeyIsDropped() throws Exception {
        SecretHost host = new SecretHost(dir);
        Secret s = host.open().defineSecret("<secret><usage type='tls'><name>k</name></usage></secret>", 0);
        s.setValue(VALUE, 0);
        Files.delete(host.key); // a new key is made: the old value no longer decrypts (GCM's tag)
        SecretHost restarted = new SecretHost(dir);
        restarted.open().defineSecret("<secret><usage type='tls'><name>other</name></usage></secret>", 0)
                .setValue(new byte[] {1}, 0);
        SecretHost third = new SecretHost(dir);
        Secret again = third.open().lookupSecretByUuid(s.uuid());
        assertEquals(ErrorCode.NO_SECRET, assertThrows(VirtException.class, () -> again.value(0)).code());
    }

    private static List<Path> files(Path root) throws IOException {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static boolean contains(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
