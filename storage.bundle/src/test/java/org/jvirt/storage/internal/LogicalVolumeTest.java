package org.jvirt.storage.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.jvirt.api.Connection;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.StoragePool;
import org.jvirt.api.StorageVol;
import org.jvirt.api.StorageVolInfo;
import org.jvirt.api.StorageVolType;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.HostDirectories;
import org.jvirt.api.spi.StorageDriverConnection;
import org.jvirt.api.spi.StoragePoolRef;
import org.jvirt.api.spi.StorageVolRef;
import org.jvirt.storage.internal.backend.LvmCommands;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The volumes of a logical pool through the public API, with LVM's tools as {@link FakeLvm} scripts
 * (this machine's kernel has no device-mapper, so a real LV cannot be created here; see
 * {@link LogicalPoolTest} for the real volume group): libvirt's exact command lines, the LVs read back
 * from {@code lvs} (key = LV UUID, path {@code <target>/<lv>}, a block volume), sparse volumes, wipe,
 * clone, delete, and the storage SPI calls that resolve a guest's {@code <disk type='volume'>}.
 */
class LogicalVolumeTest {
    private static final long VG_SIZE = 100L << 20;
    @TempDir
    Path tmp;
    Path target;
    FakeLvm lvm;
    StorageHost host;

    /** A name of this run's own: the LVs' "devices" are files in /dev/<vg>, as LVM makes them without udev. */
    String vg = "jvirtfake" + Long.toHexString(System.nanoTime());

    @BeforeEach
    void fakeLvm() throws Exception {
        assumeTrue(HostDirectories.isRoot(), "a logical pool's volumes are in /dev/<vg>");
        target = Files.createDirectories(Path.of("/dev", vg));
        lvm = new FakeLvm(tmp, vg, VG_SIZE, target);
        host = new StorageHost(tmp, new LvmCommands(lvm.bin + "/"));
    }

    @AfterEach
    void removeDevices() throws Exception {
        if (target != null) {
            try (Stream<Path> files = Files.list(target)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(target);
        }
    }

    @Test
    void volumesAreLogicalVolumes() throws Exception {
        try (Connection c = host.open()) {
            StoragePool pool = c.createStoragePool(poolXml(), 0);
            assertTrue(lvm.commands().containsAll(List.of("pvs --noheadings -o pv_name,vg_name", "vgchange -aly " + vg,
                    "vgs --separator : --noheadings --units b --unbuffered --nosuffix --options vg_size,vg_free " + vg)),
                    lvm.commands().toString());
            assertEquals(VG_SIZE, pool.info().capacity());
            assertEquals(0, pool.info().allocation());

            StorageVol full = pool.createVolume(volume("full", 4 << 20, null), 0);
            assertTrue(lvm.commands().contains("lvcreate --name full -L 4096K " + vg), lvm.commands().toString());
            assertEquals(target.resolve("full").toString(), full.path());
            assertTrue(full.key().startsWith("uuid-full-"), "the key is the LV's UUID: " + full.key());
            assertEquals(new StorageVolInfo(StorageVolType.BLOCK, 4 << 20, 4 << 20), full.info());
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(target.resolve("full"))),
                    "libvirt's default volume mode");
            String xml = full.xmlDesc(0);
            assertTrue(xml.startsWith("<volume type='block'>"), xml);
            assertTrue(xml.contains("<key>" + full.key() + "</key>") && xml.contains("<path>" + full.path() + "</path>"), xml);
            assertFalse(xml.contains("<format"), "logical volumes have no format: " + xml);
            assertEquals(4L << 20, pool.info().allocation(), "vgs after the creation");

            // thin (sparse) when the allocation is below the capacity
            StorageVol thin = pool.createVolume(volume("thin", 10 << 20, 1L << 20), 0);
            assertTrue(lvm.commands().contains("lvcreate --name thin -L 1024K --type snapshot --virtualsize 10240K " + vg),
                    lvm.commands().toString());
            VirtException wipeThin = assertThrows(VirtException.class, () -> thin.wipe(0));
            assertEquals(ErrorCode.NO_SUPPORT, wipeThin.code());
            assertEquals("this function is not supported by the connection driver: logical volume '" + thin.path()
                    + "' is sparse, volume wipe not supported", wipeThin.getMessage());
            VirtException resize = assertThrows(VirtException.class, () -> full.resize(8 << 20, 0));
            assertEquals(ErrorCode.NO_SUPPORT, resize.code());
            assertTrue(resize.getMessage().endsWith("storage pool does not support changing of volume capacity"),
                    resize.getMessage());

            // wipe writes zeros over the LV; a clone is created, then the source copied in
            byte[] data = new byte[4 << 20];
            Arrays.fill(data, (byte) 0x5a);
            Files.write(target.resolve("full"), data);
            StorageVol copy = pool.createVolumeFrom(volume("copy", 4 << 20, null), full, 0);
            assertTrue(lvm.commands().contains("lvcreate --name copy -L 4096K " + vg), lvm.commands().toString());
            assertArrayEquals(data, Files.readAllBytes(target.resolve("copy")));
            full.wipe(0);
            assertArrayEquals(new byte[4 << 20], Files.readAllBytes(target.resolve("full")));

            assertEquals(full.key(), c.lookupStorageVolByPath(target.resolve("full").toString()).key());
            assertEquals(copy.key(), c.lookupStorageVolByKey(copy.key()).key());
            resolvesAsADisk(full.key());

            // a failed lvcreate: libvirt's child process error, no volume
            VirtException bad = assertThrows(VirtException.class, () -> pool.createVolume(volume("bad", 1 << 20, null), 0));
            assertEquals(ErrorCode.INTERNAL_ERROR, bad.code());
            assertTrue(bad.getMessage().contains("lvcreate --name bad -L 1024K " + vg + ") unexpected exit status 5")
                    && bad.getMessage().contains("device-mapper"), bad.getMessage());
            assertEquals(3, pool.listAllVolumes(0).size());

            copy.delete(0);
            assertTrue(lvm.commands().contains("lvremove -f " + target.resolve("copy")), lvm.commands().toString());
            assertFalse(Files.exists(target.resolve("copy")));
            pool.refresh(0);
            assertEquals(List.of("full", "thin"), pool.listAllVolumes(0).stream().map(StorageVol::name).sorted().toList());
            pool.destroy();
            assertTrue(lvm.commands().contains("vgchange -aln " + vg));
        }
    }

    @Test
    void startNeedsTheVolumeGroup() throws Exception {
        try (Connection c = host.open()) {
            VirtException e = assertThrows(VirtException.class, () -> c.createStoragePool(
                    poolXml().replace("<name>" + vg + "</name></source>", "<name>other</name></source>"), 0));
            assertEquals(ErrorCode.CONFIG_UNSUPPORTED, e.code());
            assertEquals("unsupported configuration: cannot find logical volume group name 'other'", e.getMessage());
            VirtException device = assertThrows(VirtException.class, () -> c.createStoragePool(
                    poolXml().replace("<source>", "<source><device path='/dev/elsewhere'/>"), 0));
            assertEquals("unsupported configuration: cannot find any matching source devices for logical volume group '"
                    + vg + "'",
                    device.getMessage());
            assertEquals(0, c.listAllStoragePools(0).size());
            assertFalse(lvm.commands().contains("vgchange -aly " + vg), "not activated: " + lvm.commands());
        }
    }

    /** What driver.qemu's SharedVolumeResolver asks for a {@code <disk type='volume' pool='lvpool' volume='full'>}. */
    private void resolvesAsADisk(String key) throws VirtException {
        StorageDriverConnection storage = host.driver.open(0);
        try {
            StoragePoolRef p = storage.lookupPoolByName("lvpool");
            assertTrue(storage.poolIsActive(p));
            assertTrue(storage.poolXml(p, 0).startsWith("<pool type='logical'>"));
            StorageVolRef v = storage.lookupVolByName(p, "full");
            assertEquals(StorageVolType.BLOCK, storage.volInfo(v).type(), "GuestVolumes makes it a block disk");
            assertEquals(target.resolve("full").toString(), storage.volPath(v));
            assertEquals(key, v.key());
        } finally {
            storage.close();
        }
    }

    private String poolXml() {
        return "<pool type='logical'><name>lvpool</name><source><name>" + vg + "</name></source></pool>";
    }

    private static String volume(String name, long capacity, Long allocation) {
        return "<volume><name>" + name + "</name><capacity>" + capacity + "</capacity>"
                + (allocation == null ? "" : "<allocation>" + allocation + "</allocation>") + "</volume>";
    }
}
