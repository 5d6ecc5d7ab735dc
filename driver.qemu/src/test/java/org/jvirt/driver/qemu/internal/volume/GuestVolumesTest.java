package org.jvirt.driver.qemu.internal.volume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.StorageDriver;
import org.jvirt.api.spi.StorageDriverConnection;
import org.jvirt.api.spi.StoragePoolRef;
import org.jvirt.api.xml.Disk;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.core.store.FileStateStore;
import org.jvirt.storage.internal.StorageDriverComponent;
import org.jvirt.xml.internal.DomainXmlCodecImpl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code <disk type='volume'>} resolved through the real storage driver, with libvirt's errors. */
class GuestVolumesTest {
    @TempDir
    Path tmp;
    final DomainXmlCodec codec = new DomainXmlCodecImpl();
    final AtomicReference<StorageDriver> driver = new AtomicReference<>();
    final GuestVolumes volumes = new GuestVolumes(new SharedVolumeResolver(driver::get));
    StorageDriverConnection storage;
    StoragePoolRef pool;

    @BeforeEach
    void pool() throws VirtException {
        driver.set(new StorageDriverComponent(new FileStateStore(tmp.resolve("state")), codec, "qemu-img", tmp.resolve("run")));
        storage = driver.get().open(0);
        pool = storage.definePool("<pool type='dir'><name>images</name><target><path>" + tmp.resolve("images")
                + "</path></target></pool>", 0);
        storage.buildPool(pool, 0);
        storage.startPool(pool, 0);
        storage.createVol(pool, "<volume><name>root.qcow2</name><capacity>1048576</capacity><target><format type='qcow2'/>"
                + "</target></volume>", 0);
        storage.createVol(pool, "<volume><name>data</name><capacity>0</capacity><target><format type='dir'/></target></volume>", 0);
    }

    @Test
    void volumeDisksBecomeTheirFilesAndDirectories() throws Exception {
        DomainDef live = volumes.translate(guest("images", "root.qcow2", null) );
        Disk d = live.devices().disks().get(0);
        assertEquals("file", d.type());
        assertEquals(tmp.resolve("images/root.qcow2").toString(), d.source().file());
        assertNull(d.source().pool());
        assertNull(d.source().volume());
        assertEquals("qcow2", d.driverType(), "the driver element is kept");
        Disk dir = volumes.translate(guest("images", "data", null)).devices().disks().get(0);
        assertEquals("dir", dir.type());
        assertEquals(tmp.resolve("images/data").toString(), dir.source().dir());
        DomainDef plain = codec.parse(guestXml("<disk type='file' device='disk'><source file='/x.img'/>"
                + "<target dev='vda' bus='virtio'/></disk>"), DomainXmlCodec.PARSE_INACTIVE);
        assertSame(plain, volumes.translate(plain), "nothing to translate");
    }

    @Test
    void libvirtErrors() throws Exception {
        VirtException noPool = assertThrows(VirtException.class, () -> volumes.translate(guest("nopool", "root.qcow2", null)));
        assertEquals(ErrorCode.NO_STORAGE_POOL, noPool.code());
        VirtException noVol = assertThrows(VirtException.class, () -> volumes.translate(guest("images", "missing", null)));
        assertEquals(ErrorCode.NO_STORAGE_VOL, noVol.code());
        assertEquals("Storage volume not found: no storage vol with matching name 'missing'", noVol.getMessage());
        VirtException mode = assertThrows(VirtException.class, () -> volumes.translate(guest("images", "root.qcow2", "host")));
        assertEquals("XML error: disk source mode is only valid when storage pool is of iscsi type", mode.getMessage());
        storage.destroyPool(pool);
        VirtException inactive = assertThrows(VirtException.class, () -> volumes.translate(guest("images", "root.qcow2", null)));
        assertEquals(ErrorCode.CONFIG_UNSUPPORTED, inactive.code());
        assertEquals("unsupported configuration: storage pool 'images' containing volume 'root.qcow2' is not active",
                inactive.getMessage());
        driver.set(null);
        VirtException none = assertThrows(VirtException.class, () -> volumes.translate(guest("images", "root.qcow2", null)));
        assertEquals(ErrorCode.NO_CONNECT, none.code());
    }

    private DomainDef guest(String pool, String volume, String mode) throws VirtException {
        return codec.parse(guestXml("<disk type='volume' device='disk'><driver name='qemu' type='qcow2'/><source pool='"
                + pool + "' volume='" + volume + "'" + (mode == null ? "" : " mode='" + mode + "'")
                + "/><target dev='vda' bus='virtio'/></disk>"), DomainXmlCodec.PARSE_INACTIVE);
    }

    private static String guestXml(String disk) {
        return "<domain type='qemu'><name>g</name><memory>65536</memory><os><type>hvm</type></os><devices>" + disk
                + "</devices></domain>";
    }
}
