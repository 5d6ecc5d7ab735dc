package org.jvirt.storage.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.jvirt.api.Connection;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.StoragePool;
import org.jvirt.api.StorageVol;
import org.jvirt.api.StorageVolResizeFlag;
import org.jvirt.api.StorageVolType;
import org.jvirt.api.VirtException;
import org.jvirt.storage.internal.backend.FileProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Volumes of a dir pool through the real core and real qemu-img. */
class VolumeTest {
    @TempDir
    Path tmp;
    Path target;
    Connection conn;
    StoragePool pool;

    @BeforeEach
    void pool() throws VirtException {
        target = tmp.resolve("images");
        conn = new StorageHost(tmp).open();
        pool = conn.createStoragePool(StorageHost.dirPool("images", target), 1);
    }

    @Test
    void rawVolumeIsASparseFileOfItsCapacity() throws Exception {
        StorageVol v = pool.createVolume("<volume><name>r.img</name><capacity unit='MiB'>8</capacity>"
                + "<allocation>0</allocation></volume>", 0);
        Path file = target.resolve("r.img");
        assertEquals(file.toString(), v.path());
        assertEquals(file.toString(), v.key());
        assertEquals(8L << 20, Files.size(file));
        assertEquals(StorageVolType.FILE, v.info().type());
        assertEquals(8L << 20, v.info().capacity());
        assertTrue(v.info().allocation() < (1 << 20), "sparse: " + v.info().allocation());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(v.xmlDesc(0).contains("<format type='raw'/>"), v.xmlDesc(0));
        assertEquals(v.key(), conn.lookupStorageVolByKey(file.toString()).key());
        assertEquals(v.name(), conn.lookupStorageVolByPath(target + "//r.img").name());
    }

    @Test
    void rawVolumeWithFullAllocationIsAllocated() throws Exception {
        StorageVol v = pool.createVolume(StorageHost.volume("full.img", "4194304", "raw"), 0);
        assertEquals(4194304, v.info().allocation());
    }

    @Test
    void creationAddsTheVolumesAllocationToThePoolAsLibvirtDoes() throws Exception {
        // storageVolCreateXML: the pool's allocation grows and its available space shrinks by the new
        // volume's allocation, without a statvfs (other writers to the file system are not counted
        // until the next refresh)
        StoragePoolInfoBefore before = new StoragePoolInfoBefore(pool.info().allocation(), pool.info().available());
        Files.write(target.resolve("outside"), new byte[2 << 20]);   // not through the pool: not counted
        StorageVol v = pool.createVolume(StorageHost.volume("counted.img", "4194304", "raw"), 0);
        assertEquals(4194304, v.info().allocation());
        assertEquals(before.allocation() + 4194304, pool.info().allocation());
        assertEquals(before.available() - 4194304, pool.info().available());
        v.delete(0);
        assertEquals(before.allocation(), pool.info().allocation());
        assertEquals(before.available(), pool.info().available());
    }

    private record StoragePoolInfoBefore(long allocation, long available) {
    }

    @Test
    void qcow2VolumeWithBackingStoreAndFeatures() throws Exception {
        StorageVol base = pool.createVolume(StorageHost.volume("base.qcow2", "16777216", "qcow2"), 0);
        FileProbe probe = FileProbe.of(Path.of(base.path()));
        assertEquals("qcow2", probe.format());
        assertEquals(16777216, probe.capacity());
        assertEquals("0.10", probe.compat(), "libvirt asks qemu-img for compat=0.10 by default");
        StorageVol overlay = pool.createVolume("<volume><name>top.qcow2</name>"
                + "<target><format type='qcow2'/><compat>1.1</compat><features><lazy_refcounts/></features></target>"
                + "<backingStore><path>" + base.path() + "</path><format type='qcow2'/></backingStore></volume>", 0);
        String xml = overlay.xmlDesc(0);
        assertTrue(xml.contains("<capacity unit='bytes'>16777216</capacity>"), xml);
        assertTrue(xml.contains("<backingStore>\n    <path>" + base.path() + "</path>\n    <format type='qcow2'/>"), xml);
        assertTrue(xml.contains("<lazy_refcounts/>"), xml);
        assertTrue(xml.contains("<compat>1.1</compat>"), xml);
    }

    @Test
    void cloneConvertsBetweenFormats() throws Exception {
        StorageVol raw = pool.createVolume(StorageHost.volume("src.img", "2097152", "raw"), 0);
        Files.write(Path.of(raw.path()), "hello".getBytes(), StandardOpenOption.WRITE);
        StorageVol q = pool.createVolumeFrom(StorageHost.volume("copy.qcow2", "2097152", "qcow2"), raw, 0);
        assertEquals("qcow2", FileProbe.of(Path.of(q.path())).format());
        StorageVol back = pool.createVolumeFrom("<volume><name>back.img</name><target><format type='raw'/></target></volume>", q, 0);
        byte[] head = new byte[5];
        System.arraycopy(Files.readAllBytes(Path.of(back.path())), 0, head, 0, 5);
        assertEquals("hello", new String(head));
        assertEquals(2097152, back.info().capacity());
        StorageVol rawCopy = pool.createVolumeFrom(StorageHost.volume("raw2.img", "4194304", "raw"), raw, 0);
        assertEquals(4194304, rawCopy.info().capacity());
        assertEquals("hello", new String(Files.readAllBytes(Path.of(rawCopy.path())), 0, 5));
        VirtException dup = assertThrows(VirtException.class,
                () -> pool.createVolumeFrom(StorageHost.volume("raw2.img", "1024", "raw"), raw, 0));
        assertEquals("internal error: storage volume name 'raw2.img' already in use.", dup.getMessage());
    }

    @Test
    void deleteWipeAndResize() throws Exception {
        StorageVol raw = pool.createVolume(StorageHost.volume("d.img", "1048576", "raw"), 0);
        Files.write(Path.of(raw.path()), "data".getBytes(), StandardOpenOption.WRITE);
        raw.wipe(0);
        assertEquals(0, Files.readAllBytes(Path.of(raw.path()))[0]);
        assertEquals(1048576, Files.size(Path.of(raw.path())));
        raw.resize(2097152, 0);
        assertEquals(2097152, raw.info().capacity());
        VirtException shrink = assertThrows(VirtException.class, () -> raw.resize(1024, 0));
        assertEquals(ErrorCode.INVALID_ARG, shrink.code());
        StorageVol q = pool.createVolume(StorageHost.volume("q.qcow2", "1048576", "qcow2"), 0);
        q.resize(1048576, StorageVolResizeFlag.DELTA.bit());
        assertEquals(2097152, q.info().capacity());
        assertEquals(2097152, FileProbe.of(Path.of(q.path())).capacity());
        Path rawFile = Path.of(raw.path());
        raw.delete(0);
        assertFalse(Files.exists(rawFile));
        VirtException gone = assertThrows(VirtException.class, () -> raw.info());
        assertEquals(ErrorCode.NO_STORAGE_VOL, gone.code());
        assertEquals(List.of("q.qcow2"), pool.listAllVolumes(0).stream().map(StorageVol::name).toList());
    }

    @Test
    void badVolumesAreRefusedAndLeaveNothing() throws Exception {
        VirtException slash = assertThrows(VirtException.class,
                () -> pool.createVolume(StorageHost.volume("../escape.img", "1024", "raw"), 0));
        assertEquals(ErrorCode.OPERATION_INVALID, slash.code());
        assertEquals("Requested operation is not valid: volume name '../escape.img' cannot contain '/'", slash.getMessage());
        VirtException overflow = assertThrows(VirtException.class,
                () -> pool.createVolume("<volume><name>big</name><capacity unit='EiB'>16</capacity></volume>", 0));
        assertEquals(ErrorCode.OVERFLOW, overflow.code());
        assertEquals("numerical overflow: value too large: 16EiB", overflow.getMessage());
        VirtException huge = assertThrows(VirtException.class,
                () -> pool.createVolume(StorageHost.volume("huge", "99999999999999999999999", "raw"), 0));
        assertEquals(ErrorCode.XML_ERROR, huge.code());
        VirtException unit = assertThrows(VirtException.class,
                () -> pool.createVolume("<volume><name>u</name><capacity unit='furlong'>1</capacity></volume>", 0));
        assertEquals("invalid argument: unknown suffix 'furlong'", unit.getMessage());
        VirtException rawBacking = assertThrows(VirtException.class, () -> pool.createVolume("<volume><name>rb</name>"
                + "<capacity>1024</capacity><backingStore><path>/dev/null</path></backingStore></volume>", 0));
        assertEquals(ErrorCode.NO_SUPPORT, rawBacking.code());
        pool.createVolume(StorageHost.volume("one", "1024", "raw"), 0);
        VirtException exists = assertThrows(VirtException.class,
                () -> pool.createVolume(StorageHost.volume("one", "1024", "raw"), 0));
        assertEquals(ErrorCode.STORAGE_VOL_EXIST, exists.code());
        try (var files = Files.list(target)) {
            assertEquals(List.of("one"), files.map(p -> p.getFileName().toString()).toList());
        }
        assertFalse(Files.exists(tmp.resolve("escape.img")));
    }
}
