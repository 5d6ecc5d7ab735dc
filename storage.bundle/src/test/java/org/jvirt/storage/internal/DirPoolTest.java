package org.jvirt.storage.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.jvirt.api.Connection;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.StoragePool;
import org.jvirt.api.StoragePoolEventType;
import org.jvirt.api.StoragePoolListFlag;
import org.jvirt.api.StoragePoolState;
import org.jvirt.api.StorageVol;
import org.jvirt.api.VirtException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dir pool through the real core: lifecycle, persistence, lookups, events. */
class DirPoolTest {
    @TempDir
    Path tmp;

    @Test
    void lifecycleFromDefineToUndefine() throws Exception {
        StorageHost host = new StorageHost(tmp);
        Path target = tmp.resolve("pool1");
        try (Connection c = host.open()) {
            List<StoragePoolEventType> events = new CopyOnWriteArrayList<>();
            c.addStoragePoolEventListener((p, e) -> events.add(e.type()));
            StoragePool pool = c.defineStoragePool(StorageHost.dirPool("p1", target), 0);
            assertFalse(pool.isActive());
            assertTrue(pool.isPersistent());
            assertEquals(StoragePoolState.INACTIVE, pool.info().state());
            assertEquals(1, c.numOfDefinedStoragePools());
            VirtException notBuilt = assertThrows(VirtException.class, () -> pool.create(0));
            assertEquals(ErrorCode.SYSTEM_ERROR, notBuilt.code());
            assertTrue(notBuilt.getMessage().contains("cannot open directory '" + target + "'"), notBuilt.getMessage());
            pool.build(0);
            assertTrue(Files.isDirectory(target));
            assertEquals("rwx--x--x", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
            pool.create(0);
            assertTrue(pool.isActive());
            assertEquals(StoragePoolState.RUNNING, pool.info().state());
            assertTrue(pool.info().capacity() > 0);
            assertEquals(1, c.numOfStoragePools());
            assertEquals(pool.uuid(), c.lookupStoragePoolByTargetPath(target + "//").uuid());
            assertEquals(pool.uuid(), c.lookupStoragePoolByName("p1").uuid());
            assertEquals(pool.uuid(), c.lookupStoragePoolByUuid(pool.uuid()).uuid());
            assertEquals(1, c.listAllStoragePools(StoragePoolListFlag.DIR.bit() | StoragePoolListFlag.ACTIVE.bit()).size());
            assertEquals(0, c.listAllStoragePools(StoragePoolListFlag.FS.bit()).size());

            Files.write(target.resolve("outside.img"), new byte[4096]);
            pool.refresh(0);
            StorageVol found = pool.lookupVolumeByName("outside.img");
            assertEquals(target.resolve("outside.img").toString(), found.key());
            assertEquals(4096, found.info().capacity());
            assertEquals("p1", found.pool().name());

            pool.setAutostart(true);
            assertTrue(pool.autostart());
            assertTrue(pool.xmlDesc(0).contains("<path>" + target + "</path>"));

            VirtException active = assertThrows(VirtException.class, () -> pool.undefine());
            assertEquals(ErrorCode.OPERATION_INVALID, active.code());
            assertEquals("Requested operation is not valid: storage pool 'p1' is still active", active.getMessage());
            pool.destroy();
            assertFalse(pool.isActive());
            Files.delete(target.resolve("outside.img"));
            pool.delete(0);
            assertFalse(Files.exists(target));
            pool.undefine();
            VirtException gone = assertThrows(VirtException.class, () -> c.lookupStoragePoolByName("p1"));
            assertEquals(ErrorCode.NO_STORAGE_POOL, gone.code());
            assertEquals("Storage pool not found: no storage pool with matching name 'p1'", gone.getMessage());
            awaitSize(events, 7);
            assertEquals(List.of(StoragePoolEventType.DEFINED, StoragePoolEventType.CREATED, StoragePoolEventType.STARTED,
                    StoragePoolEventType.REFRESHED, StoragePoolEventType.STOPPED, StoragePoolEventType.DELETED,
                    StoragePoolEventType.UNDEFINED), new ArrayList<>(events));
        }
    }

    @Test
    void runningAndAutostartPoolsComeBackAfterADriverRestart() throws Exception {
        Path target = tmp.resolve("persist");
        StorageHost first = new StorageHost(tmp);
        try (Connection c = first.open()) {
            StoragePool a = c.defineStoragePool(StorageHost.dirPool("a", target), 0);
            a.build(0);
            a.create(0);
            a.createVolume(StorageHost.volume("v.img", "1048576", "raw"), 0);
        }
        StorageHost second = new StorageHost(tmp);
        try (Connection c = second.open()) {
            StoragePool a = c.lookupStoragePoolByName("a");
            assertTrue(a.isActive());
            assertEquals(1, a.numOfVolumes());
            assertEquals(target.resolve("v.img").toString(), c.lookupStorageVolByPath(target + "/v.img").path());
        }
    }

    @Test
    void transientPoolIsGoneWhenDestroyed() throws Exception {
        StorageHost host = new StorageHost(tmp);
        Path target = tmp.resolve("t");
        try (Connection c = host.open()) {
            StoragePool t = c.createStoragePool(StorageHost.dirPool("t", target), 1); // WITH_BUILD
            assertTrue(t.isActive());
            assertFalse(t.isPersistent());
            VirtException auto = assertThrows(VirtException.class, () -> t.setAutostart(true));
            assertEquals(ErrorCode.OPERATION_INVALID, auto.code());
            t.destroy();
            assertThrows(VirtException.class, () -> c.lookupStoragePoolByName("t"));
            assertTrue(Files.isDirectory(target), "destroy keeps the directory");
        }
    }

    @Test
    void readOnlyConnectionsMayLookButNotChange() throws Exception {
        StorageHost host = new StorageHost(tmp);
        try (Connection ro = host.openReadOnly()) {
            VirtException e = assertThrows(VirtException.class,
                    () -> ro.defineStoragePool(StorageHost.dirPool("x", tmp.resolve("x")), 0));
            assertEquals(ErrorCode.OPERATION_DENIED, e.code());
            assertEquals(0, ro.listAllStoragePools(0).size());
        }
    }

    @Test
    void poolTargetThatIsAFileIsRefusedAndNothingIsLeft() throws Exception {
        StorageHost host = new StorageHost(tmp);
        Path file = tmp.resolve("afile");
        Files.writeString(file, "x");
        try (Connection c = host.open()) {
            StoragePool p = c.defineStoragePool(StorageHost.dirPool("f", file), 0);
            VirtException build = assertThrows(VirtException.class, () -> p.build(0));
            assertEquals("cannot create path '" + file + "': File exists", build.getMessage());
            VirtException start = assertThrows(VirtException.class, () -> p.create(0));
            assertEquals("cannot open directory '" + file + "': Not a directory", start.getMessage());
            assertFalse(p.isActive());
            assertEquals("x", Files.readString(file));
            VirtException create = assertThrows(VirtException.class,
                    () -> c.createStoragePool(StorageHost.dirPool("g", file.resolve("sub")), 0));
            assertEquals(ErrorCode.SYSTEM_ERROR, create.code());
            assertEquals(1, c.listAllStoragePools(0).size(), "the failed transient pool is not kept");
        }
    }

    @Test
    void definitionErrorsAreLibvirts() throws Exception {
        StorageHost host = new StorageHost(tmp);
        try (Connection c = host.open()) {
            VirtException slash = assertThrows(VirtException.class,
                    () -> c.defineStoragePool(StorageHost.dirPool("a/b", tmp), 0));
            assertEquals(ErrorCode.XML_ERROR, slash.code());
            assertEquals("XML error: name a/b cannot contain '/'", slash.getMessage());
            VirtException noTarget = assertThrows(VirtException.class,
                    () -> c.defineStoragePool("<pool type='dir'><name>n</name></pool>", 0));
            assertEquals("XML error: missing storage pool target path", noTarget.getMessage());
            c.defineStoragePool(StorageHost.dirPool("one", tmp.resolve("same")), 0);
            VirtException dup = assertThrows(VirtException.class,
                    () -> c.defineStoragePool(StorageHost.dirPool("two", tmp.resolve("same")), 0));
            assertEquals(ErrorCode.OPERATION_FAILED, dup.code());
            assertEquals(1, c.listAllStoragePools(0).size());
            VirtException netfs = assertThrows(VirtException.class, () -> c.defineStoragePool("<pool type='netfs'><name>f</name>"
                    + "<source><host name='localhost'/><dir path='/x'/></source><target><path>" + tmp.resolve("m")
                    + "</path></target></pool>", 0));
            assertEquals("internal error: missing backend for pool type 'netfs'", netfs.getMessage());
            assertEquals(1, c.listAllStoragePools(0).size());
        }
    }

    private static void awaitSize(List<?> list, int n) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (list.size() < n && System.nanoTime() < end) {
            Thread.sleep(10);
        }
    }
}
