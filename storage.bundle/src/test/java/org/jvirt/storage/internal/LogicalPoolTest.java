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
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.jvirt.api.Connection;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.StoragePool;
import org.jvirt.api.StoragePoolCreateFlag;
import org.jvirt.api.StoragePoolInfo;
import org.jvirt.api.StoragePoolState;
import org.jvirt.api.StorageVol;
import org.jvirt.api.StorageVolType;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.HostDirectories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code logical} pool on a real volume group (root and lvm2 only): a sparse file on a loop device the
 * test makes, a volume group with a name of this run's own, built, started, refreshed from {@code vgs} and
 * {@code lvs}, stopped and deleted through the API. Whatever happens, the test removes the volume group,
 * the physical volume label and the loop device. Volumes need device-mapper: where the kernel has none
 * (these machines), lvcreate's refusal must come back as libvirt's error and leave nothing behind.
 */
class LogicalPoolTest {
    @TempDir
    Path tmp;
    String loop;
    final String vg = "jvirt" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void loopDevice() throws Exception {
        assumeTrue(HostDirectories.isRoot(), "loop devices and LVM need root");
        assumeTrue(run("vgcreate", "--version").exit() == 0, "lvm2 is not installed");
        Path image = tmp.resolve("pv.img");
        try (RandomAccessFile f = new RandomAccessFile(image.toFile(), "rw")) {
            f.setLength(64L << 20);
        }
        Result r = run("losetup", "--find", "--show", image.toString());
        assumeTrue(r.exit() == 0 && r.out().startsWith("/dev/loop"), "no free loop device: " + r.out());
        loop = r.out().strip();
    }

    @AfterEach
    void cleanup() throws Exception {
        if (loop != null) {
            run("vgremove", "-f", vg);
            run("pvremove", "-y", loop);
            assertEquals(0, run("losetup", "-d", loop).exit());
        }
    }

    @Test
    void buildStartRefreshStopDelete() throws Exception {
        StorageHost host = new StorageHost(tmp);
        try (Connection c = host.open()) {
            StoragePool pool = c.defineStoragePool(poolXml(), 0);
            pool.build(0);
            assertEquals("LVM2_member", blkid(loop));
            assertEquals(vg, run("vgs", "--noheadings", "-o", "vg_name", vg).out().strip());
            VirtException again = assertThrows(VirtException.class, () -> pool.build(0));
            assertEquals(ErrorCode.STORAGE_POOL_BUILT, again.code());
            assertEquals("storage pool already built: Device '" + loop + "' already formatted using 'LVM2_member'",
                    again.getMessage());

            pool.create(0);
            long[] sizes = vgSizes();
            assertTrue(sizes[0] > 56L << 20 && sizes[0] <= 64L << 20, "the group's size: " + sizes[0]);
            assertEquals(new StoragePoolInfo(StoragePoolState.RUNNING, sizes[0], 0, sizes[0]), pool.info());
            String xml = pool.xmlDesc(0);
            assertTrue(xml.contains("<path>/dev/" + vg + "</path>") && xml.contains("<device path='" + loop + "'/>")
                    && xml.contains("<format type='lvm2'/>"), xml);

            // an inactive LV made beside jvirt (-an): counted in the group's allocation, not listed (libvirt's
            // lvs filter skips inactive LVs); listing it once active needs device-mapper, which this kernel lacks
            assertEquals(0, run("lvcreate", "--driverloaded", "n", "-an", "-Zn", "--name", "outside", "-L", "8M", vg).exit());
            pool.refresh(0);
            assertEquals(vgSizes()[1], pool.info().available());
            assertEquals(8L << 20, pool.info().allocation());
            List<String> listed = pool.listAllVolumes(0).stream().map(StorageVol::name).toList();
            assertFalse(active("outside"));
            assertEquals(List.of(), listed);

            createVolume(pool);

            pool.destroy();
            assertFalse(pool.isActive());
            pool.delete(0);
            assertEquals(5, run("vgs", vg).exit(), "the volume group is gone (vgs: 5, not found)");
            assertEquals("", blkid(loop), "the PV label is gone");
            pool.undefine();
        }
    }

    @Test
    void createWithBuildRespectsWhatIsOnTheDevice() throws Exception {
        StorageHost host = new StorageHost(tmp);
        try (Connection c = host.open()) {
            assertEquals(0, run("pvcreate", loop).exit());
            VirtException built = assertThrows(VirtException.class,
                    () -> c.createStoragePool(poolXml(), StoragePoolCreateFlag.WITH_BUILD_NO_OVERWRITE.bit()));
            assertEquals(ErrorCode.STORAGE_POOL_BUILT, built.code());
            assertEquals(0, c.listAllStoragePools(0).size());
            assertEquals(5, run("vgs", vg).exit(), "no volume group");

            StoragePool pool = c.createStoragePool(poolXml(), StoragePoolCreateFlag.WITH_BUILD_OVERWRITE.bit());
            assertTrue(pool.isActive());
            assertEquals(vgSizes()[0], pool.info().capacity());
            pool.destroy();
            assertEquals(0, c.listAllStoragePools(0).size(), "a transient pool is gone once stopped");

            // a build that fails on its second device takes the first one's PV label away again
            assertEquals(0, run("vgremove", "-f", vg).exit());
            assertEquals(0, run("pvremove", loop).exit());
            StoragePool two = c.defineStoragePool(poolXml().replace("</source>",
                    "<device path='" + tmp.resolve("missing") + "'/></source>"), 0);
            VirtException missing = assertThrows(VirtException.class, () -> two.build(0));
            assertEquals(ErrorCode.SYSTEM_ERROR, missing.code());
            assertTrue(missing.getMessage().contains("cannot clear device header of '" + tmp.resolve("missing") + "'"),
                    missing.getMessage());
            assertEquals("", blkid(loop), "pvremove after the failure");
            two.undefine();
        }
    }

    /** lvcreate on the real group: a block volume at /dev/<vg>/<lv> keyed by its UUID, or libvirt's error without device-mapper. */
    private void createVolume(StoragePool pool) throws Exception {
        String xml = "<volume><name>v1</name><capacity unit='MiB'>4</capacity></volume>";
        if (!deviceMapper()) {
            VirtException e = assertThrows(VirtException.class, () -> pool.createVolume(xml, 0));
            assertEquals(ErrorCode.INTERNAL_ERROR, e.code());
            assertTrue(e.getMessage().contains("Child process (lvcreate --name v1 -L 4096K " + vg + ") unexpected exit status")
                    && e.getMessage().contains("device-mapper"), e.getMessage());
            assertFalse(run("lvs", "--noheadings", "-o", "lv_name", vg).out().contains("v1"), "no LV left");
            assertTrue(pool.listAllVolumes(0).stream().noneMatch(v -> v.name().equals("v1")));
            return;
        }
        StorageVol v = pool.createVolume(xml, 0);
        assertEquals("/dev/" + vg + "/v1", v.path());
        assertEquals(run("lvs", "--noheadings", "-o", "uuid", vg + "/v1").out().strip(), v.key());
        assertEquals(StorageVolType.BLOCK, v.info().type());
        assertEquals(4L << 20, v.info().capacity());
        v.wipe(0);
        v.delete(0);
        assertFalse(run("lvs", "--noheadings", "-o", "lv_name", vg).out().contains("v1"));
    }

    /** Whether the kernel has device-mapper (libdevmapper makes /dev/mapper/control even where it has not). */
    private static boolean deviceMapper() throws IOException {
        return Files.readString(Path.of("/proc/misc"), StandardCharsets.UTF_8).contains("device-mapper");
    }

    private String poolXml() {
        return "<pool type='logical'><name>" + vg + "</name><source><device path='" + loop + "'/></source></pool>";
    }

    private boolean active(String lv) throws Exception {
        return run("lvs", "--noheadings", "-o", "lv_attr", vg + "/" + lv).out().strip().charAt(4) == 'a';
    }

    /** vg_size and vg_free in bytes, as LVM reports them. */
    private long[] vgSizes() throws Exception {
        String[] f = run("vgs", "--noheadings", "--units", "b", "--nosuffix", "--separator", ":", "-o", "vg_size,vg_free", vg)
                .out().strip().split(":");
        return new long[] {Long.parseLong(f[0]), Long.parseLong(f[1])};
    }

    private static String blkid(String device) throws Exception {
        return run("blkid", "-p", "-o", "value", "-s", "TYPE", device).out().strip();
    }

    private record Result(int exit, String out) {
    }

    private static Result run(String... argv) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder(List.of(argv)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            return new Result(127, e.getMessage());
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Result(p.exitValue(), out);
    }
}
