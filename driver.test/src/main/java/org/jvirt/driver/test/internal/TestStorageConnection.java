package org.jvirt.driver.test.internal;

import java.util.List;
import java.util.UUID;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.StoragePoolInfo;
import org.jvirt.api.StorageVolInfo;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.StorageDriverConnection;
import org.jvirt.api.spi.StorageEventSink;
import org.jvirt.api.spi.StoragePoolRef;
import org.jvirt.api.spi.StorageVolRef;

/**
 * One connection's view of its test host's {@link TestPools} and {@link TestVolumes}, with the
 * connection's event sink. What libvirt's test driver does not implement (lookup by target path,
 * wipe, resize, info with flags) answers NO_SUPPORT in the storage error domain, as libvirt.
 */
final class TestStorageConnection implements StorageDriverConnection {
    private final TestPools pools;
    private final TestVolumes volumes;
    private StorageEventSink sink;

    TestStorageConnection(TestPools pools) {
        this.pools = pools;
        this.volumes = new TestVolumes(pools);
    }

    private static VirtException unsupported(String function) {
        return new VirtException(ErrorCode.NO_SUPPORT, ErrorDomain.STORAGE, function);
    }

    @Override
    public List<StoragePoolRef> listAllPools(int flags) throws VirtException {
        return pools.list(flags);
    }

    @Override
    public StoragePoolRef lookupPoolByName(String name) throws VirtException {
        return pools.lookupByName(name);
    }

    @Override
    public StoragePoolRef lookupPoolByUuid(UUID uuid) throws VirtException {
        return pools.lookupByUuid(uuid);
    }

    @Override
    public StoragePoolRef lookupPoolByTargetPath(String path) throws VirtException {
        throw unsupported("virStoragePoolLookupByTargetPath");
    }

    @Override
    public StoragePoolRef lookupPoolByVolume(StorageVolRef vol) throws VirtException {
        return pools.lookupByName(vol.pool());
    }

    @Override
    public StoragePoolRef definePool(String xml, int flags) throws VirtException {
        return pools.define(xml, flags);
    }

    @Override
    public StoragePoolRef createPool(String xml, int flags) throws VirtException {
        return pools.create(xml, flags);
    }

    @Override
    public void buildPool(StoragePoolRef pool, int flags) throws VirtException {
        pools.build(pool, flags);
    }

    @Override
    public void startPool(StoragePoolRef pool, int flags) throws VirtException {
        pools.start(pool, flags);
    }

    @Override
    public void destroyPool(StoragePoolRef pool) throws VirtException {
        pools.destroy(pool);
    }

    @Override
    public void deletePool(StoragePoolRef pool, int flags) throws VirtException {
        pools.delete(pool, flags);
    }

    @Override
    public void undefinePool(StoragePoolRef pool) throws VirtException {
        pools.undefine(pool);
    }

    @Override
    public void refreshPool(StoragePoolRef pool, int flags) throws VirtException {
        pools.refresh(pool, flags);
    }

    @Override
    public StoragePoolInfo poolInfo(StoragePoolRef pool) throws VirtException {
        return pools.info(pool);
    }

    @Override
    public String poolXml(StoragePoolRef pool, int flags) throws VirtException {
        return pools.xml(pool, flags);
    }

    @Override
    public boolean poolAutostart(StoragePoolRef pool) throws VirtException {
        return pools.autostart(pool);
    }

    @Override
    public void setPoolAutostart(StoragePoolRef pool, boolean autostart) throws VirtException {
        pools.setAutostart(pool, autostart);
    }

    @Override
    public boolean poolIsActive(StoragePoolRef pool) throws VirtException {
        return pools.isActive(pool);
    }

    @Override
    public boolean poolIsPersistent(StoragePoolRef pool) throws VirtException {
        return pools.isPersistent(pool);
    }

    @Override
    public List<StorageVolRef> listAllVolumes(StoragePoolRef pool, int flags) throws VirtException {
        return volumes.list(pool, flags);
    }

    @Override
    public StorageVolRef lookupVolByName(StoragePoolRef pool, String name) throws VirtException {
        return volumes.lookupByName(pool, name);
    }

    @Override
    public StorageVolRef lookupVolByKey(String key) throws VirtException {
        return volumes.lookupByKey(key);
    }

    @Override
    public StorageVolRef lookupVolByPath(String path) throws VirtException {
        return volumes.lookupByPath(path);
    }

    @Override
    public StorageVolRef createVol(StoragePoolRef pool, String xml, int flags) throws VirtException {
        return volumes.create(pool, xml, null, flags);
    }

    @Override
    public StorageVolRef createVolFrom(StoragePoolRef pool, String xml, StorageVolRef source, int flags)
            throws VirtException {
        return volumes.create(pool, xml, source, flags);
    }

    @Override
    public void deleteVol(StorageVolRef vol, int flags) throws VirtException {
        volumes.delete(vol, flags);
    }

    @Override
    public void wipeVol(StorageVolRef vol, int flags) throws VirtException {
        throw unsupported("virStorageVolWipe");
    }

    @Override
    public void resizeVol(StorageVolRef vol, long capacity, int flags) throws VirtException {
        throw unsupported("virStorageVolResize");
    }

    @Override
    public StorageVolInfo volInfo(StorageVolRef vol) throws VirtException {
        return volumes.info(vol);
    }

    /** libvirt's test driver has virStorageVolGetInfo only. */
    @Override
    public StorageVolInfo volInfo(StorageVolRef vol, int flags) throws VirtException {
        throw unsupported("virStorageVolGetInfoFlags");
    }

    @Override
    public String volXml(StorageVolRef vol, int flags) throws VirtException {
        return volumes.xml(vol, flags);
    }

    @Override
    public String volPath(StorageVolRef vol) throws VirtException {
        return volumes.path(vol);
    }

    @Override
    public synchronized void setEventSink(StorageEventSink newSink) {
        if (sink != null) {
            pools.removeSink(sink);
        }
        sink = newSink;
        if (newSink != null) {
            pools.addSink(newSink);
        }
    }

    @Override
    public void close() {
        setEventSink(null);
    }
}
