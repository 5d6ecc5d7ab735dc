package org.jvirt.driver.test.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.jvirt.driver.test.internal.TestNetworksTest.fails;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.Connection;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.StoragePool;
import org.jvirt.api.StoragePoolInfo;
import org.jvirt.api.StoragePoolState;
import org.jvirt.api.StorageVol;
import org.jvirt.api.StorageVolInfo;
import org.jvirt.api.StorageVolType;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.HypervisorDriver;
import org.jvirt.core.internal.CoreConnectionFactory;
import org.jvirt.core.store.FileStateStore;
import org.jvirt.network.internal.NetworkConfComponent;
import org.jvirt.storage.internal.StorageConfComponent;
import org.jvirt.xml.internal.DomainXmlCodecImpl;

/**
 * The test driver's storage pools and volumes against what libvirt 9.0's test driver answers
 * (checked with python3-libvirt on {@code test:///default}).
 */
class TestPoolsTest {
    private static final long CAPACITY = 107374182400L;
    private static final String V1 = "<volume><name>v1</name><capacity>1048576</capacity></volume>";

    @TempDir
    Path dir;
    private CoreConnectionFactory core;
    private TestDriver driver;
    private Connection c;

    @BeforeEach
    void open() throws VirtException {
        DomainXmlCodecImpl codec = new DomainXmlCodecImpl();
        driver = new TestDriver(new FileStateStore(dir.resolve("state")), codec, new NetworkConfComponent(codec),
                new StorageConfComponent(codec));
        core = new CoreConnectionFactory(Duration.ofSeconds(2));
        core.addDriver(driver, Map.of(HypervisorDriver.SCHEMES, new String[] {"test"}));
        c = core.open("test:///default", 0);
    }

    @AfterEach
    void close() throws VirtException {
        c.close();
        core.removeDriver(driver);
        driver.deactivate();
    }

    @Test
    void theDefaultHostHasLibvirtsDefaultPool() throws VirtException {
        StoragePool p = c.lookupStoragePoolByName("default-pool");
        assertEquals(List.of("default-pool"), c.listAllStoragePools(0).stream().map(StoragePool::name).toList());
        assertEquals(new StoragePoolInfo(StoragePoolState.RUNNING, CAPACITY, 0, CAPACITY), p.info());
        assertTrue(p.isPersistent());
        assertEquals("""
                <pool type='dir'>
                  <name>default-pool</name>
                  <uuid>dfe224cb-28fb-8dd0-c4b2-64eb3f0f4566</uuid>
                  <capacity unit='bytes'>107374182400</capacity>
                  <allocation unit='bytes'>0</allocation>
                  <available unit='bytes'>107374182400</available>
                  <source>
                  </source>
                  <target>
                    <path>/default-pool</path>
                  </target>
                </pool>
                """, p.xmlDesc(0));
        assertEquals(List.of(), p.listAllVolumes(0));
    }

    @Test
    void volumesLiveUnderThePoolsTargetAndCountInItsAllocation() throws VirtException {
        StoragePool p = c.lookupStoragePoolByName("default-pool");
        StorageVol v = p.createVolume(V1, 0);
        assertEquals("/default-pool/v1", v.key());
        assertEquals("/default-pool/v1", v.path());
        assertEquals(new StorageVolInfo(StorageVolType.FILE, 1048576, 1048576), v.info());
        assertEquals("""
                <volume type='file'>
                  <name>v1</name>
                  <key>/default-pool/v1</key>
                  <capacity unit='bytes'>1048576</capacity>
                  <allocation unit='bytes'>1048576</allocation>
                  <target>
                    <path>/default-pool/v1</path>
                    <format type='raw'/>
                  </target>
                </volume>
                """, v.xmlDesc(0));
        assertEquals(new StoragePoolInfo(StoragePoolState.RUNNING, CAPACITY, 1048576, CAPACITY - 1048576), p.info());
        fails(ErrorCode.OPERATION_FAILED, ErrorDomain.TEST, "operation failed: storage vol already exists",
                () -> p.createVolume(V1, 0));
        fails(ErrorCode.INTERNAL_ERROR, ErrorDomain.TEST, "internal error: Not enough free space in pool for volume 'v2'",
                () -> p.createVolume("<volume><name>v2</name><capacity>1048576000000000</capacity></volume>", 0));
        StorageVol clone = p.createVolumeFrom("<volume><name>v3</name><capacity>1</capacity></volume>", v, 0);
        assertEquals("/default-pool/v3", clone.key());
        assertEquals("v1", c.lookupStorageVolByKey("/default-pool/v1").name());
        assertEquals("v1", c.lookupStorageVolByPath("/default-pool/v1").name());
        assertEquals("default-pool", v.pool().name());
        fails(ErrorCode.NO_STORAGE_VOL, ErrorDomain.TEST, "Storage volume not found: no storage vol with matching key 'x'",
                () -> c.lookupStorageVolByKey("x"));
        fails(ErrorCode.NO_SUPPORT, ErrorDomain.STORAGE,
                "this function is not supported by the connection driver: virStorageVolWipe", () -> v.wipe(0));
        v.delete(0);
        assertEquals(1, p.info().allocation());
        assertEquals(List.of("v3"), p.listAllVolumes(0).stream().map(StorageVol::name).toList());
    }

    @Test
    void poolLifecycleAndErrorsAreLibvirtsTestDrivers() throws VirtException {
        StoragePool p = c.lookupStoragePoolByName("default-pool");
        String active = "Requested operation is not valid: storage pool 'default-pool' is active";
        fails(ErrorCode.OPERATION_INVALID, ErrorDomain.TEST, active, () -> p.build(0));
        fails(ErrorCode.OPERATION_INVALID, ErrorDomain.TEST, active, p::undefine);
        fails(ErrorCode.OPERATION_INVALID, ErrorDomain.TEST, active, () -> p.create(0));
        fails(ErrorCode.INVALID_ARG, ErrorDomain.TEST,
                "unsupported flags (0x1) in function testStoragePoolCreate", () -> p.create(1));
        p.refresh(0);
        p.destroy();
        fails(ErrorCode.OPERATION_INVALID, ErrorDomain.TEST,
                "Requested operation is not valid: storage pool 'default-pool' is not active", p::destroy);
        fails(ErrorCode.OPERATION_INVALID, ErrorDomain.TEST,
                "Requested operation is not valid: storage pool is not active", () -> p.listAllVolumes(0));
        assertEquals(StoragePoolState.INACTIVE, p.info().state());
        p.build(0);
        p.delete(0);
        p.setAutostart(true);
        assertTrue(p.autostart());
        String conflict = "<pool type='dir'><name>zz</name><target><path>/default-pool</path></target></pool>";
        fails(ErrorCode.OPERATION_FAILED, ErrorDomain.STORAGE,
                "operation failed: Storage source conflict with pool: 'default-pool'", () -> c.defineStoragePool(conflict, 0));
        fails(ErrorCode.OPERATION_FAILED, ErrorDomain.STORAGE, "operation failed: pool 'default-pool' already exists with"
                + " uuid dfe224cb-28fb-8dd0-c4b2-64eb3f0f4566",
                () -> c.createStoragePool("<pool type='dir'><name>default-pool</name><target><path>/x</path></target></pool>", 0));
        fails(ErrorCode.XML_ERROR, ErrorDomain.XML, "XML error: expecting root element of 'pool', not 'domain'",
                () -> c.defineStoragePool("<domain/>", 0));
        p.undefine();
        fails(ErrorCode.NO_STORAGE_POOL, ErrorDomain.TEST,
                "Storage pool not found: no storage pool with matching name 'default-pool'",
                () -> c.lookupStoragePoolByName("default-pool"));

        StoragePool t = c.createStoragePool("<pool type='dir'><name>tp</name><target><path>/tp</path></target></pool>", 0);
        assertTrue(t.isActive());
        assertFalse(t.isPersistent());
        fails(ErrorCode.INVALID_ARG, ErrorDomain.TEST, "invalid argument: pool has no config file", () -> t.setAutostart(true));
        t.destroy();
        assertEquals(List.of(), c.listAllStoragePools(0));
    }

    @Test
    void aHostFileDeclaresPoolsWithTheirVolumes() throws Exception {
        Files.writeString(dir.resolve("vol2.xml"), "<volume><name>b</name><capacity>2048</capacity></volume>");
        Path host = Files.writeString(dir.resolve("host.xml"), "<node><pool type='dir'><name>fp</name>"
                + "<target><path>/fp</path></target>"
                + "<volume><name>a</name><capacity>1024</capacity><allocation>512</allocation></volume>"
                + "<volume file='vol2.xml'/></pool></node>");
        try (Connection f = core.open("test://" + host, 0)) {
            StoragePool p = f.lookupStoragePoolByName("fp");
            assertTrue(p.isActive());
            assertEquals(List.of("a", "b"), p.listAllVolumes(0).stream().map(StorageVol::name).toList());
            assertEquals(512 + 2048, p.info().allocation());
            assertEquals("/fp/b", p.lookupVolumeByName("b").path());
        }
    }
}
