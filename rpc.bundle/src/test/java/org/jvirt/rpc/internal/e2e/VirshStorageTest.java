package org.jvirt.rpc.internal.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.rpc.internal.testkit.Hosts;
import org.jvirt.rpc.internal.testkit.Jvirtd;
import org.jvirt.rpc.internal.testkit.Proc;
import org.jvirt.rpc.internal.testkit.Proc.Result;

/**
 * Real virsh's {@code pool-*} and {@code vol-*} commands against jvirtd's storage driver: a dir pool
 * defined, built, started, a qcow2 volume created, listed, described and deleted, the pool stopped and
 * undefined, every step with virsh 9.0's own output; and the test driver without storage.
 */
class VirshStorageTest {
    @TempDir
    Path dir;
    private Jvirtd jvirtd;
    private String uri;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(Proc.available("virsh"), "virsh (libvirt-clients) is not installed");
        assumeTrue(Proc.available("qemu-img"), "qemu-img is not installed");
        jvirtd = new Jvirtd(Hosts.withStorage(dir.resolve("state")));
        uri = Hosts.storageUri(jvirtd.rw);
    }

    @AfterEach
    void stop() throws Exception {
        if (jvirtd != null) {
            jvirtd.close();
        }
    }

    @Test
    void poolAndVolumeLifecycle() throws Exception {
        Path target = dir.resolve("images");
        ok("Pool p1 defined\n\n", "pool-define-as", "p1", "dir", "--target", target.toString());
        ok("Pool p1 built\n\n", "pool-build", "p1");
        assertTrue(Files.isDirectory(target));
        ok("Pool p1 started\n\n", "pool-start", "p1");
        ok(" Name   State    Autostart\n"
                + "----------------------------\n"
                + " p1     active   no\n\n", "pool-list");
        ok("Vol v1.qcow2 created\n\n", "vol-create-as", "p1", "v1.qcow2", "10M", "--format", "qcow2");
        ok("Vol v2.img created\n\n", "vol-create-as", "--pool", "p1", "--name", "v2.img", "--capacity", "1M");
        assertTrue(Files.exists(target.resolve("v1.qcow2")));
        String path1 = target.resolve("v1.qcow2").toString();
        String path2 = target.resolve("v2.img").toString();
        int w = Math.max(path1.length(), path2.length());
        ok(" Name       Path\n" + "-".repeat(" Name       ".length() + w + 2) + "\n"
                + " v1.qcow2   " + path1 + "\n"
                + " v2.img     " + path2 + "\n\n", "vol-list", "p1");
        Result info = virsh("vol-info", "v1.qcow2", "--pool", "p1");
        assertEquals(0, info.exit(), info.toString());
        assertTrue(info.out().startsWith("Name:           v1.qcow2\nType:           file\nCapacity:       10.00 MiB\n"
                + "Allocation:     "), info.out());
        ok(path1 + "\n\n", "vol-path", "v1.qcow2", "--pool", "p1");
        Result byPath = virsh("vol-info", path2);
        assertTrue(byPath.out().startsWith("Name:           v2.img\nType:           file\nCapacity:       1.00 MiB\n"),
                byPath.toString());
        Result xml = virsh("vol-dumpxml", "v1.qcow2", "--pool", "p1");
        assertTrue(xml.out().contains("<format type='qcow2'/>"), xml.toString());
        Result poolInfo = virsh("pool-info", "p1");
        assertTrue(poolInfo.out().startsWith("Name:           p1\nUUID:           "), poolInfo.toString());
        assertTrue(poolInfo.out().contains("State:          running\nPersistent:     yes\nAutostart:      no\n"),
                poolInfo.toString());
        ok("Vol v1.qcow2 deleted\n\n", "vol-delete", "v1.qcow2", "--pool", "p1");
        assertFalse(Files.exists(target.resolve("v1.qcow2")));
        Result missing = virsh("vol-info", "v1.qcow2", "--pool", "p1");
        assertEquals(1, missing.exit());
        assertEquals("error: failed to get vol 'v1.qcow2'\n"
                + "error: Storage volume not found: no storage vol with matching path 'v1.qcow2'\n", missing.err());
        ok("Pool p1 destroyed\n\n", "pool-destroy", "p1");
        ok("Pool p1 has been undefined\n\n", "pool-undefine", "p1");
        ok(" Name   State   Autostart\n---------------------------\n\n", "pool-list", "--all");
    }

    /** vol-upload and vol-download over the stream protocol, whole and with --offset / --length. */
    @Test
    void uploadAndDownload() throws Exception {
        Path target = dir.resolve("images");
        ok("Pool p2 created\n\n", "pool-create-as", "p2", "dir", "--target", target.toString(), "--build");
        ok("Vol data.img created\n\n", "vol-create-as", "p2", "data.img", "1M");
        byte[] data = new byte[700_000];   // more than one stream message (256 KiB)
        new Random(11).nextBytes(data);
        Path in = dir.resolve("in.bin");
        Files.write(in, data);
        ok("\n", "vol-upload", "data.img", in.toString(), "--pool", "p2");
        byte[] stored = Files.readAllBytes(target.resolve("data.img"));
        assertArrayEquals(data, Arrays.copyOf(stored, data.length));
        assertEquals(1 << 20, stored.length, "the file keeps its size");
        Path out = dir.resolve("out.bin");
        ok("\n", "vol-download", "data.img", out.toString(), "--pool", "p2", "--offset", "1000", "--length", "300000");
        assertArrayEquals(Arrays.copyOfRange(data, 1000, 301_000), Files.readAllBytes(out));
        Path whole = dir.resolve("whole.bin");
        ok("\n", "vol-download", "data.img", whole.toString(), "--pool", "p2");
        assertArrayEquals(stored, Files.readAllBytes(whole));
        Result missing = virsh("vol-upload", "nothere.img", in.toString(), "--pool", "p2");
        assertEquals(1, missing.exit(), missing.toString());
        assertTrue(missing.err().contains("no storage vol with matching"), missing.err());
        ok("Pool p2 destroyed\n\n", "pool-destroy", "p2");
    }

    @Test
    void theTestDriverHasItsOwnPoolsNotTheHosts() throws Exception {
        Result r = Proc.virsh(jvirtd.unixUri(), "pool-list");
        assertEquals(0, r.exit(), r.toString());
        assertEquals(" Name           State    Autostart\n------------------------------------\n"
                + " default-pool   active   no\n\n", r.out());
    }

    private void ok(String expected, String... args) throws Exception {
        Result r = virsh(args);
        assertEquals("0\n" + expected + "--- err\n", r.exit() + "\n" + r.out() + "--- err\n" + r.err(), String.join(" ", args));
    }

    private Result virsh(String... args) throws Exception {
        return Proc.virsh(uri, args);
    }
}
