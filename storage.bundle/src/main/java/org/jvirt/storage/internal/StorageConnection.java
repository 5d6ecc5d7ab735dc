package org.jvirt.storage.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.StoragePoolInfo;
import org.jvirt.api.StoragePoolState;
import org.jvirt.api.StorageVolInfo;
import org.jvirt.api.StorageXmlFlag;
import org.jvirt.api.Stream;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.StorageDriverConnection;
import org.jvirt.api.spi.StorageEventSink;
import org.jvirt.api.spi.StoragePoolRef;
import org.jvirt.api.spi.StorageVolRef;
import org.jvirt.storage.internal.conf.PoolXml;
import org.jvirt.storage.internal.conf.VolDef;
import org.jvirt.storage.internal.conf.VolXml;

/** One caller connection's view of the host's storage: names refs to objects and back, and delivers events. */
final class StorageConnection implements StorageDriverConnection {
    private final StorageService pools;
    private final VolumeService vols;
    private volatile StorageEventSink sink;

    StorageConnection(StorageService pools, VolumeService vols) {
        this.pools = pools;
        this.vols = vols;
    }

    @Override
    public List<StoragePoolRef> listAllPools(int flags) throws VirtException {
        List<StoragePoolRef> out = new ArrayList<>();
        for (PoolObject p : pools.list(flags)) {
            out.add(ref(p));
        }
        return out;
    }

    @Override
    public StoragePoolRef lookupPoolByName(String name) throws VirtException {
        synchronized (pools.lock) {
            PoolObject p = pools.pools.byName(name);
            if (p == null) {
                throw noPool("no storage pool with matching name '" + name + "'");
            }
            return ref(p);
        }
    }

    @Override
    public StoragePoolRef lookupPoolByUuid(UUID uuid) throws VirtException {
        return ref(pool(uuid, null));
    }

    @Override
    public StoragePoolRef lookupPoolByTargetPath(String path) throws VirtException {
        synchronized (pools.lock) {
            PoolObject p = pools.pools.byTargetPath(PoolXml.sanitize(path));
            if (p == null) {
                throw noPool("no storage pool with matching target path '" + path + "'");
            }
            return ref(p);
        }
    }

    @Override
    public StoragePoolRef lookupPoolByVolume(StorageVolRef vol) throws VirtException {
        synchronized (pools.lock) {
            PoolObject p = pools.pools.byName(vol.pool());
            if (p == null) {
                throw noPool("no storage pool with matching name '" + vol.pool() + "'");
            }
            return ref(p);
        }
    }

    @Override
    public StoragePoolRef definePool(String xml, int flags) throws VirtException {
        return ref(pools.define(xml, flags));
    }

    @Override
    public StoragePoolRef createPool(String xml, int flags) throws VirtException {
        return ref(pools.create(xml, flags));
    }

    @Override
    public void buildPool(StoragePoolRef pool, int flags) throws VirtException {
        pools.build(pool(pool), flags);
    }

    @Override
    public void startPool(StoragePoolRef pool, int flags) throws VirtException {
        pools.start(pool(pool), flags);
    }

    @Override
    public void destroyPool(StoragePoolRef pool) throws VirtException {
        pools.destroy(pool(pool));
    }

    @Override
    public void deletePool(StoragePoolRef pool, int flags) throws VirtException {
        pools.delete(pool(pool), flags);
    }

    @Override
    public void undefinePool(StoragePoolRef pool) throws VirtException {
        pools.undefine(pool(pool));
    }

    @Override
    public void refreshPool(StoragePoolRef pool, int flags) throws VirtException {
        pools.refresh(pool(pool), flags);
    }

    @Override
    public StoragePoolInfo poolInfo(StoragePoolRef pool) throws VirtException {
        synchronized (pools.lock) {
            PoolObject p = pool(pool);
            return p.active ? new StoragePoolInfo(StoragePoolState.RUNNING, p.capacity, p.allocation, p.available)
                    : new StoragePoolInfo(StoragePoolState.INACTIVE, 0, 0, 0);
        }
    }

    @Override
    public String poolXml(StoragePoolRef pool, int flags) throws VirtException {
        StorageService.checkFlags(flags, StorageXmlFlag.all(), "storagePoolGetXMLDesc");
        synchronized (pools.lock) {
            PoolObject p = pool(pool);
            boolean inactive = (flags & StorageXmlFlag.INACTIVE.bit()) != 0 && p.newDef != null;
            return inactive ? PoolXml.format(p.newDef, 0, 0, 0)
                    : PoolXml.format(p.def, p.active ? p.capacity : 0, p.active ? p.allocation : 0, p.active ? p.available : 0);
        }
    }

    @Override
    public boolean poolAutostart(StoragePoolRef pool) throws VirtException {
        synchronized (pools.lock) {
            return pool(pool).autostart;
        }
    }

    @Override
    public void setPoolAutostart(StoragePoolRef pool, boolean autostart) throws VirtException {
        pools.setAutostart(pool(pool), autostart);
    }

    @Override
    public boolean poolIsActive(StoragePoolRef pool) throws VirtException {
        synchronized (pools.lock) {
            return pool(pool).active;
        }
    }

    @Override
    public boolean poolIsPersistent(StoragePoolRef pool) throws VirtException {
        synchronized (pools.lock) {
            return pool(pool).persistent;
        }
    }

    @Override
    public List<StorageVolRef> listAllVolumes(StoragePoolRef pool, int flags) throws VirtException {
        StorageService.checkFlags(flags, 0, "storagePoolListAllVolumes");
        synchronized (pools.lock) {
            PoolObject p = pool(pool);
            if (!p.active) {
                throw StorageService.invalid("storage pool '" + p.def.name() + "' is not active");
            }
            List<StorageVolRef> out = new ArrayList<>();
            for (VolDef v : p.volumes.values()) {
                out.add(ref(p, v));
            }
            return out;
        }
    }

    @Override
    public StorageVolRef lookupVolByName(StoragePoolRef pool, String name) throws VirtException {
        PoolObject p = pool(pool);
        return ref(p, vols.byName(p, name));
    }

    @Override
    public StorageVolRef lookupVolByKey(String key) throws VirtException {
        VolumeService.Found f = vols.byKey(key);
        return ref(f.pool(), f.vol());
    }

    @Override
    public StorageVolRef lookupVolByPath(String path) throws VirtException {
        VolumeService.Found f = vols.byPath(path);
        return ref(f.pool(), f.vol());
    }

    @Override
    public StorageVolRef createVol(StoragePoolRef pool, String xml, int flags) throws VirtException {
        PoolObject p = pool(pool);
        return ref(p, vols.create(p, xml, null, flags));
    }

    @Override
    public StorageVolRef createVolFrom(StoragePoolRef pool, String xml, StorageVolRef source, int flags) throws VirtException {
        PoolObject p = pool(pool);
        PoolObject sp = poolOf(source);
        VolDef sv = vols.byName(sp, source.name());
        return ref(p, vols.create(p, xml, new VolumeService.Found(sp, sv), flags));
    }

    @Override
    public void deleteVol(StorageVolRef vol, int flags) throws VirtException {
        PoolObject p = poolOf(vol);
        vols.delete(p, vols.byName(p, vol.name()), flags);
    }

    @Override
    public void wipeVol(StorageVolRef vol, int flags) throws VirtException {
        PoolObject p = poolOf(vol);
        vols.wipe(p, vols.byName(p, vol.name()), flags);
    }

    @Override
    public void resizeVol(StorageVolRef vol, long capacity, int flags) throws VirtException {
        PoolObject p = poolOf(vol);
        vols.resize(p, vols.byName(p, vol.name()), capacity, flags);
    }

    @Override
    public StorageVolInfo volInfo(StorageVolRef vol) throws VirtException {
        VolDef v = volume(vol);
        return new StorageVolInfo(v.type(), v.capacity(), v.allocation());
    }

    @Override
    public String volXml(StorageVolRef vol, int flags) throws VirtException {
        StorageService.checkFlags(flags, 0, "storageVolGetXMLDesc");
        return VolXml.format(vols.withDefaultSecret(volume(vol)));
    }

    @Override
    public String volPath(StorageVolRef vol) throws VirtException {
        return volume(vol).path();
    }

    @Override
    public Stream uploadVol(StorageVolRef vol, long offset, long length, int flags) throws VirtException {
        PoolObject p = poolOf(vol);
        return vols.upload(p, vols.byName(p, vol.name()), offset, length, flags);
    }

    @Override
    public Stream downloadVol(StorageVolRef vol, long offset, long length, int flags) throws VirtException {
        PoolObject p = poolOf(vol);
        return vols.download(p, vols.byName(p, vol.name()), offset, length, flags);
    }

    @Override
    public void setEventSink(StorageEventSink newSink) {
        StorageEventSink old = sink;
        if (old != null) {
            pools.removeSink(old);
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

    private VolDef volume(StorageVolRef vol) throws VirtException {
        PoolObject p = poolOf(vol);
        synchronized (pools.lock) {
            return vols.current(p, vols.byName(p, vol.name()));
        }
    }

    private PoolObject poolOf(StorageVolRef vol) throws VirtException {
        synchronized (pools.lock) {
            PoolObject p = pools.pools.byName(vol.pool());
            if (p == null) {
                throw noPool("no storage pool with matching name '" + vol.pool() + "'");
            }
            return p;
        }
    }

    private PoolObject pool(StoragePoolRef ref) throws VirtException {
        return pool(ref.uuid(), ref.name());
    }

    private PoolObject pool(UUID uuid, String name) throws VirtException {
        synchronized (pools.lock) {
            PoolObject p = pools.pools.byUuid(uuid);
            if (p == null) {
                throw noPool("no storage pool with matching uuid '" + uuid + "'" + (name == null ? "" : " (" + name + ")"));
            }
            return p;
        }
    }

    private static StoragePoolRef ref(PoolObject p) {
        return new StoragePoolRef(p.def.name(), p.def.uuid());
    }

    private static StorageVolRef ref(PoolObject p, VolDef v) {
        return new StorageVolRef(p.def.name(), v.name(), v.key());
    }

    private static VirtException noPool(String message) {
        return new VirtException(ErrorCode.NO_STORAGE_POOL, ErrorDomain.STORAGE, message);
    }
}
