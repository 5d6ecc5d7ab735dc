package org.jvirt.driver.esx.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.StorageVolInfo;
import org.jvirt.api.StorageVolType;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DriverConnection;
import org.jvirt.api.spi.StorageDriverConnection;
import org.jvirt.api.spi.StoragePoolRef;
import org.jvirt.api.spi.StorageVolRef;

/**
 * A datastore's files as volumes against VMware's simulator of one ESX host (two VMs, each with
 * a {@code disk1.vmdk} in its folder): listing, lookups by name, path and key (the disk's UUID),
 * info, XML, and libvirt's errors.
 */
class EsxVolumesVcsimTest {
    @TempDir
    static Path dir;
    private static Vcsim sim;
    private static DriverConnection conn;
    private static StorageDriverConnection storage;
    private static StoragePoolRef pool;

    @BeforeAll
    static void start() throws Exception {
        sim = Vcsim.start(2);
        conn = EsxTestSupport.open(EsxTestSupport.credentialsFile(dir),
                EsxTestSupport.uri("esx", sim, "/", "no_verify=1&transport=http"));
        storage = conn.ownStorage().orElseThrow();
        pool = storage.listAllPools(0).get(0);
    }

    @AfterAll
    static void stop() throws Exception {
        if (conn != null) {
            conn.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void listsTheDisksOfEveryFolderWithTheirUuidsAsKeys() throws Exception {
        List<StorageVolRef> vols = storage.listAllVolumes(pool, 0);
        List<String> names = new ArrayList<>();
        for (StorageVolRef v : vols) {
            names.add(v.name());
            assertEquals(pool.name(), v.pool());
            // QueryVirtualDiskUuid's answer, reformatted as a UUID (the simulator: a SHA-1 name UUID of the file)
            assertEquals(v.key(), UUID.fromString(v.key()).toString(), v.toString());
        }
        // the VMX, NVRAM and log files and the -flat extents are not volumes (libvirt's queries)
        assertEquals(List.of("ha-host_VM0/disk1.vmdk", "ha-host_VM1/disk1.vmdk"), names.stream().sorted().toList());
        assertTrue(!vols.get(0).key().equals(vols.get(1).key()), vols.toString());
    }

    @Test
    void lookupsByNamePathAndKeyFindTheSameVolume() throws Exception {
        StorageVolRef byName = storage.lookupVolByName(pool, "ha-host_VM1/disk1.vmdk");
        String path = "[" + pool.name() + "] ha-host_VM1/disk1.vmdk";
        assertEquals(path, storage.volPath(byName));
        assertEquals(byName, storage.lookupVolByPath(path));
        assertEquals(byName, storage.lookupVolByKey(byName.key()));
        assertEquals(byName, storage.lookupVolByKey(path));
        assertEquals(pool, storage.lookupPoolByVolume(byName));
    }

    @Test
    void infoAndXmlOfADisk() throws Exception {
        StorageVolRef vol = storage.lookupVolByName(pool, "ha-host_VM0/disk1.vmdk");
        StorageVolInfo info = storage.volInfo(vol);
        assertEquals(StorageVolType.FILE, info.type());
        // the simulator's disk files are empty and it tells no capacityKb: the file size, 0
        assertEquals(0, info.capacity());
        assertEquals(0, info.allocation());
        assertEquals("<volume type='file'>\n"
                + "  <name>ha-host_VM0/disk1.vmdk</name>\n"
                + "  <key>" + vol.key() + "</key>\n"
                + "  <source/>\n"
                + "  <capacity unit='bytes'>0</capacity>\n"
                + "  <allocation unit='bytes'>0</allocation>\n"
                + "  <target>\n"
                + "    <path>[" + pool.name() + "] ha-host_VM0/disk1.vmdk</path>\n"
                + "    <format type='vmdk'/>\n"
                + "  </target>\n"
                + "</volume>\n", storage.volXml(vol, 0));
        VirtException flags = assertThrows(VirtException.class, () -> storage.volXml(vol, 4));
        assertEquals(ErrorCode.INVALID_ARG, flags.code());
    }

    @Test
    void missingFilesAndBadPathsAreLibvirtsErrors() {
        VirtException none = assertThrows(VirtException.class,
                () -> storage.lookupVolByName(pool, "ha-host_VM0/nope.vmdk"));
        assertEquals(ErrorCode.NO_STORAGE_VOL, none.code());
        assertTrue(none.getMessage().endsWith("No storage volume with key or path '[" + pool.name()
                + "] ha-host_VM0/nope.vmdk'"), none.getMessage());
        VirtException noKey = assertThrows(VirtException.class,
                () -> storage.lookupVolByKey("6000c290-0000-0000-0000-000000000000"));
        assertEquals(ErrorCode.NO_STORAGE_VOL, noKey.code());
        VirtException badPath = assertThrows(VirtException.class, () -> storage.lookupVolByPath("disk1.vmdk"));
        assertEquals(ErrorCode.INVALID_ARG, badPath.code());
        assertTrue(badPath.getMessage().contains("doesn't have expected format '[<datastore>] <path>'"),
                badPath.getMessage());
        VirtException dirOnly = assertThrows(VirtException.class,
                () -> storage.lookupVolByPath("[" + pool.name() + "] ha-host_VM0/"));
        assertTrue(dirOnly.getMessage().contains("doesn't reference a file"), dirOnly.getMessage());
        VirtException noDs = assertThrows(VirtException.class, () -> storage.lookupVolByPath("[nods] a/b.vmdk"));
        assertTrue(noDs.getMessage().endsWith("Could not find datastore with name 'nods'"), noDs.getMessage());
    }
}
