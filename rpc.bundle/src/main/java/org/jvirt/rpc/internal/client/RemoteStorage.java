package org.jvirt.rpc.internal.client;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jvirt.api.StoragePoolEvent;
import org.jvirt.api.StoragePoolEventType;
import org.jvirt.api.StoragePoolInfo;
import org.jvirt.api.StoragePoolState;
import org.jvirt.api.StorageVolInfo;
import org.jvirt.api.StorageVolType;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.StorageDriverConnection;
import org.jvirt.api.spi.StorageEventSink;
import org.jvirt.api.spi.StoragePoolRef;
import org.jvirt.api.spi.StorageVolRef;
import org.jvirt.rpc.internal.wire.Message;
import org.jvirt.rpc.internal.wire.RemoteProc;
import org.jvirt.rpc.internal.wire.WireStoragePool;
import org.jvirt.rpc.internal.wire.WireStorageVol;
import org.jvirt.rpc.internal.xdr.XdrException;
import org.jvirt.rpc.internal.xdr.XdrReader;
import org.jvirt.rpc.internal.xdr.XdrWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The storage of the daemon a remote connection talks to: libvirt's remote driver as the storage
 * driver of its connections ({@code remoteStorageDriver}), over the storage procedures and events.
 */
final class RemoteStorage implements StorageDriverConnection {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteStorage.class);

    private final RemoteCalls rpc;
    private volatile StorageEventSink sink;
    private int lifecycleCallback = -1;
    private int refreshCallback = -1;

    RemoteStorage(RemoteCalls rpc) {
        this.rpc = rpc;
    }

    @Override
    public List<StoragePoolRef> listAllPools(int flags) throws VirtException {
        XdrReader r = rpc.call(RemoteProc.CONNECT_LIST_ALL_STORAGE_POOLS, new XdrWriter().writeInt(1).writeInt(flags));
        return rpc.decode(() -> {
            int n = r.readCount(RemoteProc.STORAGE_POOL_LIST_MAX, 20, "storage pools");
            List<StoragePoolRef> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(ref(WireStoragePool.read(r)));
            }
            r.readInt();
            return out;
        });
    }

    @Override
    public StoragePoolRef lookupPoolByName(String name) throws VirtException {
        return pool(RemoteProc.STORAGE_POOL_LOOKUP_BY_NAME, new XdrWriter().writeString(name));
    }

    @Override
    public StoragePoolRef lookupPoolByUuid(UUID uuid) throws VirtException {
        return pool(RemoteProc.STORAGE_POOL_LOOKUP_BY_UUID, new XdrWriter().writeUuid(uuid));
    }

    @Override
    public StoragePoolRef lookupPoolByTargetPath(String path) throws VirtException {
        return pool(RemoteProc.STORAGE_POOL_LOOKUP_BY_TARGET_PATH, new XdrWriter().writeString(path));
    }

    @Override
    public StoragePoolRef lookupPoolByVolume(StorageVolRef vol) throws VirtException {
        return pool(RemoteProc.STORAGE_POOL_LOOKUP_BY_VOLUME, args(vol));
    }

    @Override
    public StoragePoolRef definePool(String xml, int flags) throws VirtException {
        return pool(RemoteProc.STORAGE_POOL_DEFINE_XML, new XdrWriter().writeString(xml).writeInt(flags));
    }

    @Override
    public StoragePoolRef createPool(String xml, int flags) throws VirtException {
        return pool(RemoteProc.STORAGE_POOL_CREATE_XML, new XdrWriter().writeString(xml).writeInt(flags));
    }

    @Override
    public void buildPool(StoragePoolRef pool, int flags) throws VirtException {
        rpc.call(RemoteProc.STORAGE_POOL_BUILD, args(pool).writeInt(flags));
    }

    @Override
    public void startPool(StoragePoolRef pool, int flags) throws VirtException {
        rpc.call(RemoteProc.STORAGE_POOL_CREATE, args(pool).writeInt(flags));
    }

    @Override
    public void destroyPool(StoragePoolRef pool) throws VirtException {
        rpc.call(RemoteProc.STORAGE_POOL_DESTROY, args(pool));
    }

    @Override
    public void deletePool(StoragePoolRef pool, int flags) throws VirtException {
        rpc.call(RemoteProc.STORAGE_POOL_DELETE, args(pool).writeInt(flags));
    }

    @Override
    public void undefinePool(StoragePoolRef pool) throws VirtException {
        rpc.call(RemoteProc.STORAGE_POOL_UNDEFINE, args(pool));
    }

    @Override
    public void refreshPool(StoragePoolRef pool, int flags) throws VirtException {
        rpc.call(RemoteProc.STORAGE_POOL_REFRESH, args(pool).writeInt(flags));
    }

    @Override
    public StoragePoolInfo poolInfo(StoragePoolRef pool) throws VirtException {
        XdrReader r = rpc.call(RemoteProc.STORAGE_POOL_GET_INFO, args(pool));
        return rpc.decode(() -> new StoragePoolInfo(StoragePoolState.ofNumber(r.readInt()), r.readHyper(), r.readHyper(),
                r.readHyper()));
    }

    @Override
    public String poolXml(StoragePoolRef pool, int flags) throws VirtException {
        return rpc.string(RemoteProc.STORAGE_POOL_GET_XML_DESC, args(pool).writeInt(flags));
    }

    @Override
    public boolean poolAutostart(StoragePoolRef pool) throws VirtException {
        return rpc.integer(RemoteProc.STORAGE_POOL_GET_AUTOSTART, args(pool)) != 0;
    }

    @Override
    public void setPoolAutostart(StoragePoolRef pool, boolean autostart) throws VirtException {
        rpc.call(RemoteProc.STORAGE_POOL_SET_AUTOSTART, args(pool).writeInt(autostart ? 1 : 0));
    }

    @Override
    public boolean poolIsActive(StoragePoolRef pool) throws VirtException {
        return rpc.integer(RemoteProc.STORAGE_POOL_IS_ACTIVE, args(pool)) != 0;
    }

    @Override
    public boolean poolIsPersistent(StoragePoolRef pool) throws VirtException {
        return rpc.integer(RemoteProc.STORAGE_POOL_IS_PERSISTENT, args(pool)) != 0;
    }

    @Override
    public List<StorageVolRef> listAllVolumes(StoragePoolRef pool, int flags) throws VirtException {
        XdrReader r = rpc.call(RemoteProc.STORAGE_POOL_LIST_ALL_VOLUMES, args(pool).writeInt(1).writeInt(flags));
        return rpc.decode(() -> {
            int n = r.readCount(RemoteProc.STORAGE_VOL_LIST_MAX, 12, "storage volumes");
            List<StorageVolRef> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(ref(WireStorageVol.read(r)));
            }
            r.readInt();
            return out;
        });
    }

    @Override
    public StorageVolRef lookupVolByName(StoragePoolRef pool, String name) throws VirtException {
        return vol(RemoteProc.STORAGE_VOL_LOOKUP_BY_NAME, args(pool).writeString(name));
    }

    @Override
    public StorageVolRef lookupVolByKey(String key) throws VirtException {
        return vol(RemoteProc.STORAGE_VOL_LOOKUP_BY_KEY, new XdrWriter().writeString(key));
    }

    @Override
    public StorageVolRef lookupVolByPath(String path) throws VirtException {
        return vol(RemoteProc.STORAGE_VOL_LOOKUP_BY_PATH, new XdrWriter().writeString(path));
    }

    @Override
    public StorageVolRef createVol(StoragePoolRef pool, String xml, int flags) throws VirtException {
        return vol(RemoteProc.STORAGE_VOL_CREATE_XML, args(pool).writeString(xml).writeInt(flags));
    }

    @Override
    public StorageVolRef createVolFrom(StoragePoolRef pool, String xml, StorageVolRef source, int flags) throws VirtException {
        XdrWriter w = args(pool).writeString(xml);
        new WireStorageVol(source.pool(), source.name(), source.key()).write(w);
        return vol(RemoteProc.STORAGE_VOL_CREATE_XML_FROM, w.writeInt(flags));
    }

    @Override
    public void deleteVol(StorageVolRef vol, int flags) throws VirtException {
        rpc.call(RemoteProc.STORAGE_VOL_DELETE, args(vol).writeInt(flags));
    }

    @Override
    public void wipeVol(StorageVolRef vol, int flags) throws VirtException {
        rpc.call(RemoteProc.STORAGE_VOL_WIPE, args(vol).writeInt(flags));
    }

    @Override
    public void resizeVol(StorageVolRef vol, long capacity, int flags) throws VirtException {
        rpc.call(RemoteProc.STORAGE_VOL_RESIZE, args(vol).writeHyper(capacity).writeInt(flags));
    }

    @Override
    public StorageVolInfo volInfo(StorageVolRef vol) throws VirtException {
        XdrReader r = rpc.call(RemoteProc.STORAGE_VOL_GET_INFO, args(vol));
        return rpc.decode(() -> new StorageVolInfo(StorageVolType.ofNumber(r.readInt()), r.readHyper(), r.readHyper()));
    }

    @Override
    public String volXml(StorageVolRef vol, int flags) throws VirtException {
        return rpc.string(RemoteProc.STORAGE_VOL_GET_XML_DESC, args(vol).writeInt(flags));
    }

    @Override
    public String volPath(StorageVolRef vol) throws VirtException {
        return rpc.string(RemoteProc.STORAGE_VOL_GET_PATH, args(vol));
    }

    @Override
    public synchronized void setEventSink(StorageEventSink newSink) {
        sink = newSink;
        try {
            if (newSink != null && lifecycleCallback < 0) {
                lifecycleCallback = register(StoragePoolEventType.ID_LIFECYCLE);
                refreshCallback = register(StoragePoolEventType.ID_REFRESH);
            } else if (newSink == null && lifecycleCallback >= 0) {
                deregister(lifecycleCallback);
                deregister(refreshCallback);
                lifecycleCallback = -1;
                refreshCallback = -1;
            }
        } catch (VirtException e) {
            LOG.warn("cannot (un)register storage pool events with the server: {}", e.getMessage());
        }
    }

    /** Delivers a storage pool event message; false when {@code m} is not one. */
    boolean onMessage(Message m) {
        if (m.proc() != RemoteProc.STORAGE_POOL_EVENT_LIFECYCLE && m.proc() != RemoteProc.STORAGE_POOL_EVENT_REFRESH) {
            return false;
        }
        StorageEventSink s = sink;
        if (s == null) {
            return true;
        }
        try {
            XdrReader r = m.payloadReader();
            r.readInt();
            WireStoragePool p = WireStoragePool.read(r);
            StoragePoolEventType type = StoragePoolEventType.REFRESHED;
            if (m.proc() == RemoteProc.STORAGE_POOL_EVENT_LIFECYCLE) {
                type = lifecycle(r.readInt());
                if (type == null) {
                    return true; // a newer daemon's event this jvirt does not know
                }
            }
            s.accept(new StoragePoolEvent(p.uuid(), p.name(), type));
        } catch (XdrException e) {
            LOG.warn("dropping undecodable storage pool event: {}", e.getMessage());
        }
        return true;
    }

    private static StoragePoolEventType lifecycle(int number) {
        for (StoragePoolEventType t : StoragePoolEventType.values()) {
            if (t.eventId() == StoragePoolEventType.ID_LIFECYCLE && t.number() == number) {
                return t;
            }
        }
        return null;
    }

    private int register(int eventId) throws VirtException {
        XdrReader r = rpc.call(RemoteProc.CONNECT_STORAGE_POOL_EVENT_REGISTER_ANY, new XdrWriter().writeInt(eventId).writeInt(0));
        return rpc.decode(r::readInt);
    }

    private void deregister(int callbackId) throws VirtException {
        rpc.call(RemoteProc.CONNECT_STORAGE_POOL_EVENT_DEREGISTER_ANY, new XdrWriter().writeInt(callbackId));
    }

    private StoragePoolRef pool(int proc, XdrWriter args) throws VirtException {
        XdrReader r = rpc.call(proc, args);
        return ref(rpc.decode(() -> WireStoragePool.read(r)));
    }

    private StorageVolRef vol(int proc, XdrWriter args) throws VirtException {
        XdrReader r = rpc.call(proc, args);
        return ref(rpc.decode(() -> WireStorageVol.read(r)));
    }

    private static XdrWriter args(StoragePoolRef p) {
        XdrWriter w = new XdrWriter();
        new WireStoragePool(p.name(), p.uuid()).write(w);
        return w;
    }

    private static XdrWriter args(StorageVolRef v) {
        XdrWriter w = new XdrWriter();
        new WireStorageVol(v.pool(), v.name(), v.key()).write(w);
        return w;
    }

    private static StoragePoolRef ref(WireStoragePool p) {
        return new StoragePoolRef(p.name(), p.uuid());
    }

    private static StorageVolRef ref(WireStorageVol v) {
        return new StorageVolRef(v.pool(), v.name(), v.key());
    }
}
