package org.jvirt.storage.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jvirt.api.Connection;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.StoragePool;
import org.jvirt.api.StorageVol;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.SecretDriverConnection;
import org.jvirt.api.spi.SecretRef;
import org.jvirt.core.store.FileStateStore;
import org.jvirt.secret.internal.SecretDriverComponent;
import org.jvirt.xml.internal.DomainXmlCodecImpl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LUKS-encrypted volumes (raw and qcow2, created and converted) through the real core, the real secret
 * driver and real qemu-img: the image opens with the secret's passphrase and not with another, the
 * passphrase file is gone afterwards, and bad input leaves no image behind.
 */
class LuksVolumeTest {
    private static final String PASSPHRASE = "correct horse battery";

    @TempDir
    Path tmp;
    Path target;
    StorageHost host;
    Connection conn;
    StoragePool pool;
    SecretDriverConnection secrets;

    @BeforeEach
    void pool() throws VirtException {
        target = tmp.resolve("images");
        host = new StorageHost(tmp);
        SecretDriverComponent secretDriver = new SecretDriverComponent(new FileStateStore(tmp.resolve("secrets")),
                new DomainXmlCodecImpl(), tmp.resolve("secrets.key"));
        host.driver.bindSecretDriver(secretDriver);
        secrets = secretDriver.open(0);
        conn = host.open();
        pool = conn.createStoragePool(StorageHost.dirPool("images", target), 1);
    }

    /**
     * A raw LUKS volume cloned from a plain one (libvirt's two steps: create, then convert into it):
     * its data read back with the secret's passphrase, not with another. Each LUKS open or creation
     * costs QEMU's 2 s of key derivation, so one test does all of it.
     */
    @Test
    void rawLuksCloneOpensWithItsPassphraseOnly() throws Exception {
        StorageVol plain = pool.createVolume(StorageHost.volume("plain.img", "1048576", "raw"), 0);
        byte[] data = new byte[1 << 20];
        Arrays.fill(data, 0, 4096, (byte) 0x5a);
        Files.write(target.resolve("plain.img"), data);
        UUID uuid = secret(target.resolve("enc.img").toString(), PASSPHRASE);
        StorageVol v = pool.createVolumeFrom(luksVolume("enc.img", "raw", "uuid='" + uuid + "'")
                .replace("<capacity unit='MiB'>8</capacity>", ""), plain, 0);
        byte[] head = Arrays.copyOf(Files.readAllBytes(target.resolve("enc.img")), 6);
        assertArrayEquals(new byte[] {'L', 'U', 'K', 'S', (byte) 0xba, (byte) 0xbe}, head);
        assertEquals(1L << 20, v.info().capacity(), "capacity without the LUKS header");
        String xml = v.xmlDesc(0);
        assertTrue(xml.contains("<format type='raw'/>"), xml);
        assertTrue(xml.contains("<encryption format='luks'>\n      <secret type='passphrase' uuid='" + uuid + "'/>"), xml);
        Path back = tmp.resolve("back.raw");
        assertTrue(read("luks", target.resolve("enc.img"), PASSPHRASE, back));
        assertArrayEquals(data, Files.readAllBytes(back));
        assertFalse(read("luks", target.resolve("enc.img"), "wrong", tmp.resolve("wrong.raw")),
                "another passphrase does not open it");
        assertNoSecretFiles();
    }

    /** A qcow2 LUKS volume whose secret is named by usage: qemu-img's header says LUKS (crypt method 2). */
    @Test
    void qcow2LuksVolumeBySecretUsage() throws Exception {
        String path = target.resolve("enc.qcow2").toString();
        UUID uuid = secret(path, PASSPHRASE);
        StorageVol v = pool.createVolume(luksVolume("enc.qcow2", "qcow2", "usage='" + path + "'"), 0);
        assertEquals(8L << 20, v.info().capacity());
        assertTrue(v.xmlDesc(0).contains("<format type='qcow2'/>"), v.xmlDesc(0));
        assertTrue(v.xmlDesc(0).contains("<encryption format='luks'>\n      <secret type='passphrase' uuid='" + uuid
                + "'/>"), v.xmlDesc(0));
        assertNoSecretFiles();
    }

    @Test
    void badInputIsRefusedAndLeavesNothing() throws Exception {
        VirtException noSecret = assertThrows(VirtException.class, () -> pool.createVolume(
                luksVolume("a.img", "raw", "uuid='" + UUID.randomUUID() + "'"), 0));
        assertEquals(ErrorCode.NO_SECRET, noSecret.code(), noSecret.getMessage());
        VirtException noElement = assertThrows(VirtException.class, () -> pool.createVolume(
                luksVolume("b.img", "raw", "uuid='x'").replaceFirst("<secret[^>]*/>", ""), 0));
        assertEquals(ErrorCode.XML_ERROR, noElement.code());
        assertEquals("XML error: no secret provided for luks encryption", noElement.getMessage());
        VirtException qcow = assertThrows(VirtException.class, () -> pool.createVolume(
                luksVolume("c.qcow2", "qcow2", "uuid='" + UUID.randomUUID() + "'").replace("format='luks'", "format='qcow'"), 0));
        assertEquals(ErrorCode.CONFIG_UNSUPPORTED, qcow.code());
        assertEquals("unsupported configuration: creation of qcow2 encrypted image is not supported", qcow.getMessage());
        VirtException vmdk = assertThrows(VirtException.class, () -> pool.createVolume(
                luksVolume("d.vmdk", "vmdk", "uuid='" + UUID.randomUUID() + "'"), 0));
        assertEquals("unsupported configuration: volume encryption unsupported with format vmdk", vmdk.getMessage());
        UUID other = secret("not-a-volume-path", PASSPHRASE);
        secrets.undefine(secrets.lookupByUuid(other));
        try (Stream<Path> left = Files.list(target)) {
            assertEquals(List.of(), left.toList(), "no image left");
        }
        assertEquals(0, pool.listAllVolumes(0).size());
        assertNoSecretFiles();
    }

    private UUID secret(String usage, String value) throws VirtException {
        SecretRef ref = secrets.defineXml("<secret ephemeral='no' private='yes'><usage type='volume'><volume>" + usage
                + "</volume></usage></secret>", 0);
        secrets.setValue(ref, value.getBytes(StandardCharsets.UTF_8), 0);
        return ref.uuid();
    }

    private static String luksVolume(String name, String format, String secretAttribute) {
        return "<volume><name>" + name + "</name><capacity unit='MiB'>8</capacity><target><format type='" + format
                + "'/><encryption format='luks'><secret type='passphrase' " + secretAttribute
                + "/></encryption></target></volume>";
    }

    /** Whether qemu-img reads the image's data into {@code out} with {@code passphrase} ({@code info} would not unlock the key). */
    private static boolean read(String driver, Path image, String passphrase, Path out) throws Exception {
        String key = "qcow2".equals(driver) ? "encrypt.key-secret" : "key-secret";
        return exit("qemu-img", "convert", "--object", "secret,id=s0,data=" + passphrase, "--image-opts",
                "driver=" + driver + "," + key + "=s0,file.filename=" + image, "-O", "raw", out.toString()) == 0;
    }

    private void assertNoSecretFiles() throws IOException {
        if (Files.isDirectory(host.run)) {
            try (Stream<Path> files = Files.list(host.run)) {
                assertEquals(List.of(), files.toList(), "passphrase files removed");
            }
        }
    }

    private static int exit(String... argv) throws Exception {
        Process p = new ProcessBuilder(new ArrayList<>(List.of(argv))).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return p.exitValue();
    }
}
