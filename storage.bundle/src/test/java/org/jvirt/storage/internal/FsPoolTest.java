package org.jvirt.storage.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jvirt.api.Connection;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.StoragePool;
import org.jvirt.api.StoragePoolBuildFlag;
import org.jvirt.api.StoragePoolCreateFlag;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.HostDirectories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An {@code fs} pool on a loop device the test makes (root only): built with mkfs, mounted at start,
 * unmounted at destroy, volumes kept on the file system; a formatted device is not formatted again
 * without OVERWRITE, and a failed start leaves nothing mounted. Every loop device and mount is removed.
 */
class FsPoolTest {
    @TempDir
    Path tmp;
    Path target;
    String loop;

    @BeforeEach
    void loopDevice() throws Exception {
        assumeTrue(HostDirectories.isRoot(), "loop devices and mounts need root");
        Path image = tmp.resolve("fs.img");
        try (RandomAccessFile f = new RandomAccessFile(image.toFile(), "rw")) {
            f.setLength(32L << 20);
        }
        String out = run("losetup", "--find", "--show", image.toString());
        assumeTrue(out != null && out.startsWith("/dev/loop"), "no free loop device: " + out);
        loop = out.strip();
        target = tmp.resolve("mnt");
    }

    @AfterEach
    void cleanup() throws Exception {
        if (target != null && mounted(target)) {
            run("umount", target.toString());
        }
        if (loop != null) {
            run("losetup", "-d", loop);
        }
    }

    @Test
    void buildMountsAndUnmounts() throws Exception {
        StorageHost host = new StorageHost(tmp);
        try (Connection c = host.open()) {
            StoragePool pool = c.defineStoragePool(fsPool(loop), 0);
            pool.build(StoragePoolBuildFlag.NO_OVERWRITE.bit());
            assertEquals("ext4", run("blkid", "-p", "-o", "value", "-s", "TYPE", loop).strip());
            VirtException again = assertThrows(VirtException.class, () -> pool.build(StoragePoolBuildFlag.NO_OVERWRITE.bit()));
            assertEquals(ErrorCode.STORAGE_POOL_BUILT, again.code());
            assertEquals("storage pool already built: Device '" + loop + "' already formatted using 'ext4'", again.getMessage());
            pool.create(0);
            assertTrue(mounted(target), "mounted at start");
            assertTrue(pool.info().capacity() > 20L << 20 && pool.info().capacity() < 33L << 20, "the file system's size");
            pool.createVolume(StorageHost.volume("a.img", "1048576", "raw"), 0);
            assertTrue(pool.listAllVolumes(0).stream().anyMatch(v -> v.name().equals("a.img")));
            pool.destroy();
            assertFalse(mounted(target), "unmounted at destroy");
            assertFalse(Files.exists(target.resolve("a.img")), "the volume lives on the device");
            pool.create(0);
            assertTrue(pool.listAllVolumes(0).stream().anyMatch(v -> v.name().equals("a.img")), "found again");
            pool.destroy();
            pool.undefine();
        }
        assertFalse(mounted(target));
    }

    @Test
    void failedStartLeavesNothingMounted() throws Exception {
        StorageHost host = new StorageHost(tmp);
        try (Connection c = host.open()) {
            // an unformatted device: mount fails, the pool stays inactive, a transient one is gone
            Files.createDirectories(target);
            VirtException e = assertThrows(VirtException.class, () -> c.createStoragePool(fsPool(loop), 0));
            assertEquals(ErrorCode.INTERNAL_ERROR, e.code(), e.getMessage());
            assertTrue(e.getMessage().contains("mount"), e.getMessage());
            assertFalse(mounted(target));
            assertEquals(0, c.listAllStoragePools(0).size());
            VirtException noDevice = assertThrows(VirtException.class, () -> c.createStoragePool(
                    fsPool(tmp.resolve("missing").toString()), StoragePoolCreateFlag.WITH_BUILD_NO_OVERWRITE.bit()));
            assertEquals("Requested operation is not valid: Source device does not exist when formatting pool 'fspool'",
                    noDevice.getMessage());
            assertFalse(mounted(target));
        }
    }

    private String fsPool(String device) {
        return "<pool type='fs'><name>fspool</name><source><device path='" + device + "'/><format type='ext4'/>"
                + "</source><target><path>" + target + "</path></target></pool>";
    }

    private static boolean mounted(Path dir) throws IOException {
        String real = dir.toString();
        for (String line : Files.readAllLines(Path.of("/proc/self/mounts"), StandardCharsets.UTF_8)) {
            if (line.split(" ")[1].equals(real)) {
                return true;
            }
        }
        return false;
    }

    private static String run(String... argv) throws Exception {
        Process p = new ProcessBuilder(List.of(argv)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return out;
    }
}
