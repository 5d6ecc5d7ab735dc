package org.jvirt.rpc.internal.dispatch;

import static org.jvirt.rpc.internal.dispatch.Access.READ;
import static org.jvirt.rpc.internal.dispatch.Access.WRITE;

import java.util.List;
import java.util.UUID;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.StoragePool;
import org.jvirt.api.StoragePoolEvent;
import org.jvirt.api.StoragePoolEventType;
import org.jvirt.api.StoragePoolInfo;
import org.jvirt.api.StoragePoolListFlag;
import org.jvirt.api.StorageVol;
import org.jvirt.api.StorageVolInfo;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.internal.wire.RemoteProc;
import org.jvirt.rpc.internal.wire.WireStoragePool;
import org.jvirt.rpc.internal.wire.WireStorageVol;
import org.jvirt.rpc.internal.xdr.XdrException;
import org.jvirt.rpc.internal.xdr.XdrReader;
import org.jvirt.rpc.internal.xdr.XdrWriter;

/**
 * libvirt's storage procedures ({@code REMOTE_PROC_*STORAGE*}) and storage pool events, for virsh's
 * {@code pool-*}/{@code vol-*} commands and python3-libvirt. Changes need a read-write connection,
 * refused in libvirt's storage error domain.
 */
final class StorageProcedures {
    private static final ErrorDomain SD = ErrorDomain.STORAGE;

    void registerInto(ProcedureTable t) {
        registerConnect(t);
        registerPools(t);
        registerVolumes(t);
        registerEvents(t);
    }

    private static void registerConnect(ProcedureTable t) {
        t.add(RemoteProc.CONNECT_NUM_OF_STORAGE_POOLS, "virConnectNumOfStoragePools", READ, SD,
                (c, a, r) -> r.writeInt(c.connection().numOfStoragePools()));
        t.add(RemoteProc.CONNECT_NUM_OF_DEFINED_STORAGE_POOLS, "virConnectNumOfDefinedStoragePools", READ, SD,
                (c, a, r) -> r.writeInt(c.connection().numOfDefinedStoragePools()));
        t.add(RemoteProc.CONNECT_LIST_STORAGE_POOLS, "virConnectListStoragePools", READ, SD,
                (c, a, r) -> names(c, a, r, StoragePoolListFlag.ACTIVE.bit()));
        t.add(RemoteProc.CONNECT_LIST_DEFINED_STORAGE_POOLS, "virConnectListDefinedStoragePools", READ, SD,
                (c, a, r) -> names(c, a, r, StoragePoolListFlag.INACTIVE.bit()));
        t.add(RemoteProc.CONNECT_LIST_ALL_STORAGE_POOLS, "virConnectListAllStoragePools", READ, SD, (c, a, r) -> {
            boolean needResults = a.readInt() != 0;
            List<StoragePool> all = c.connection().listAllStoragePools(a.readInt());
            tooMany(all.size(), "storage pools");
            r.writeInt(needResults ? all.size() : 0);
            for (int i = 0; needResults && i < all.size(); i++) {
                write(r, all.get(i));
            }
            r.writeInt(all.size());
        });
        t.add(RemoteProc.STORAGE_POOL_LOOKUP_BY_NAME, "virStoragePoolLookupByName", READ, SD,
                (c, a, r) -> write(r, c.connection().lookupStoragePoolByName(a.readString())));
        t.add(RemoteProc.STORAGE_POOL_LOOKUP_BY_UUID, "virStoragePoolLookupByUUID", READ, SD,
                (c, a, r) -> write(r, c.connection().lookupStoragePoolByUuid(a.readUuid())));
        t.add(RemoteProc.STORAGE_POOL_LOOKUP_BY_TARGET_PATH, "virStoragePoolLookupByTargetPath", READ, SD,
                (c, a, r) -> write(r, c.connection().lookupStoragePoolByTargetPath(a.readString())));
        t.add(RemoteProc.STORAGE_POOL_LOOKUP_BY_VOLUME, "virStoragePoolLookupByVolume", READ, SD,
                (c, a, r) -> write(r, vol(c, a).pool()));
        t.add(RemoteProc.STORAGE_POOL_CREATE_XML, "virStoragePoolCreateXML", WRITE, SD, (c, a, r) -> {
            String xml = a.readString();
            write(r, c.connection().createStoragePool(xml, a.readInt()));
        });
        t.add(RemoteProc.STORAGE_POOL_DEFINE_XML, "virStoragePoolDefineXML", WRITE, SD, (c, a, r) -> {
            String xml = a.readString();
            write(r, c.connection().defineStoragePool(xml, a.readInt()));
        });
        t.add(RemoteProc.STORAGE_VOL_LOOKUP_BY_KEY, "virStorageVolLookupByKey", READ, SD,
                (c, a, r) -> write(r, c.connection().lookupStorageVolByKey(a.readString())));
        t.add(RemoteProc.STORAGE_VOL_LOOKUP_BY_PATH, "virStorageVolLookupByPath", READ, SD,
                (c, a, r) -> write(r, c.connection().lookupStorageVolByPath(a.readString())));
    }

    private static void registerPools(ProcedureTable t) {
        t.add(RemoteProc.STORAGE_POOL_CREATE, "virStoragePoolCreate", WRITE, SD, (c, a, r) -> {
            StoragePool p = pool(c, a);
            p.create(a.readInt());
        });
        t.add(RemoteProc.STORAGE_POOL_BUILD, "virStoragePoolBuild", WRITE, SD, (c, a, r) -> {
            StoragePool p = pool(c, a);
            p.build(a.readInt());
        });
        t.add(RemoteProc.STORAGE_POOL_DESTROY, "virStoragePoolDestroy", WRITE, SD, (c, a, r) -> pool(c, a).destroy());
        t.add(RemoteProc.STORAGE_POOL_DELETE, "virStoragePoolDelete", WRITE, SD, (c, a, r) -> {
            StoragePool p = pool(c, a);
            p.delete(a.readInt());
        });
        t.add(RemoteProc.STORAGE_POOL_UNDEFINE, "virStoragePoolUndefine", WRITE, SD, (c, a, r) -> pool(c, a).undefine());
        t.add(RemoteProc.STORAGE_POOL_REFRESH, "virStoragePoolRefresh", WRITE, SD, (c, a, r) -> {
            StoragePool p = pool(c, a);
            p.refresh(a.readInt());
        });
        t.add(RemoteProc.STORAGE_POOL_GET_INFO, "virStoragePoolGetInfo", READ, SD, (c, a, r) -> {
            StoragePoolInfo i = pool(c, a).info();
            r.writeInt(i.state().number()).writeHyper(i.capacity()).writeHyper(i.allocation()).writeHyper(i.available());
        });
        t.add(RemoteProc.STORAGE_POOL_GET_XML_DESC, "virStoragePoolGetXMLDesc", READ, SD, (c, a, r) -> {
            StoragePool p = pool(c, a);
            r.writeString(p.xmlDesc(a.readInt()));
        });
        t.add(RemoteProc.STORAGE_POOL_GET_AUTOSTART, "virStoragePoolGetAutostart", READ, SD,
                (c, a, r) -> r.writeInt(pool(c, a).autostart() ? 1 : 0));
        t.add(RemoteProc.STORAGE_POOL_SET_AUTOSTART, "virStoragePoolSetAutostart", WRITE, SD, (c, a, r) -> {
            StoragePool p = pool(c, a);
            p.setAutostart(a.readInt() != 0);
        });
        t.add(RemoteProc.STORAGE_POOL_IS_ACTIVE, "virStoragePoolIsActive", READ, SD,
                (c, a, r) -> r.writeInt(pool(c, a).isActive() ? 1 : 0));
        t.add(RemoteProc.STORAGE_POOL_IS_PERSISTENT, "virStoragePoolIsPersistent", READ, SD,
                (c, a, r) -> r.writeInt(pool(c, a).isPersistent() ? 1 : 0));
        t.add(RemoteProc.STORAGE_POOL_NUM_OF_VOLUMES, "virStoragePoolNumOfVolumes", READ, SD,
                (c, a, r) -> r.writeInt(pool(c, a).numOfVolumes()));
        t.add(RemoteProc.STORAGE_POOL_LIST_VOLUMES, "virStoragePoolListVolumes", READ, SD, (c, a, r) -> {
            StoragePool p = pool(c, a);
            int max = a.readInt();
            if (max > RemoteProc.STORAGE_VOL_LIST_MAX) {
                throw new VirtException(ErrorCode.RPC, ErrorDomain.RPC, "maxnames > REMOTE_STORAGE_VOL_LIST_MAX");
            }
            nonNegative(max);
            List<StorageVol> all = p.listAllVolumes(0);
            int n = Math.min(Math.max(max, 0), all.size());
            r.writeInt(n);
            for (int i = 0; i < n; i++) {
                r.writeString(all.get(i).name());
            }
        });
        t.add(RemoteProc.STORAGE_POOL_LIST_ALL_VOLUMES, "virStoragePoolListAllVolumes", READ, SD, (c, a, r) -> {
            StoragePool p = pool(c, a);
            boolean needResults = a.readInt() != 0;
            List<StorageVol> all = p.listAllVolumes(a.readInt());
            tooMany(all.size(), "storage volumes");
            r.writeInt(needResults ? all.size() : 0);
            for (int i = 0; needResults && i < all.size(); i++) {
                write(r, all.get(i));
            }
            r.writeInt(all.size());
        });
    }

    private static void registerVolumes(ProcedureTable t) {
        t.add(RemoteProc.STORAGE_VOL_LOOKUP_BY_NAME, "virStorageVolLookupByName", READ, SD, (c, a, r) -> {
            StoragePool p = pool(c, a);
            write(r, p.lookupVolumeByName(a.readString()));
        });
        t.add(RemoteProc.STORAGE_VOL_CREATE_XML, "virStorageVolCreateXML", WRITE, SD, (c, a, r) -> {
            StoragePool p = pool(c, a);
            String xml = a.readString();
            write(r, p.createVolume(xml, a.readInt()));
        });
        t.add(RemoteProc.STORAGE_VOL_CREATE_XML_FROM, "virStorageVolCreateXMLFrom", WRITE, SD, (c, a, r) -> {
            StoragePool p = pool(c, a);
            String xml = a.readString();
            StorageVol source = vol(c, a);
            write(r, p.createVolumeFrom(xml, source, a.readInt()));
        });
        t.add(RemoteProc.STORAGE_VOL_DELETE, "virStorageVolDelete", WRITE, SD, (c, a, r) -> {
            StorageVol v = vol(c, a);
            v.delete(a.readInt());
        });
        t.add(RemoteProc.STORAGE_VOL_WIPE, "virStorageVolWipe", WRITE, SD, (c, a, r) -> {
            StorageVol v = vol(c, a);
            v.wipe(a.readInt());
        });
        t.add(RemoteProc.STORAGE_VOL_RESIZE, "virStorageVolResize", WRITE, SD, (c, a, r) -> {
            StorageVol v = vol(c, a);
            long capacity = a.readHyper();
            v.resize(capacity, a.readInt());
        });
        // the reply is empty; the data follows as VIR_NET_STREAM messages (remoteDispatchStorageVolUpload)
        t.add(RemoteProc.STORAGE_VOL_UPLOAD, "virStorageVolUpload", WRITE, SD, (c, a, r) -> {
            StorageVol v = vol(c, a);
            long offset = a.readHyper();
            long length = a.readHyper();
            c.attachStream(v.upload(offset, length, a.readInt()));
        });
        t.add(RemoteProc.STORAGE_VOL_DOWNLOAD, "virStorageVolDownload", WRITE, SD, (c, a, r) -> {
            StorageVol v = vol(c, a);
            long offset = a.readHyper();
            long length = a.readHyper();
            c.attachStream(v.download(offset, length, a.readInt()));
        });
        t.add(RemoteProc.STORAGE_VOL_GET_INFO, "virStorageVolGetInfo", READ, SD,
                (c, a, r) -> writeInfo(r, vol(c, a).info()));
        t.add(RemoteProc.STORAGE_VOL_GET_INFO_FLAGS, "virStorageVolGetInfoFlags", READ, SD, (c, a, r) -> {
            StorageVol v = vol(c, a);
            writeInfo(r, v.info(a.readInt()));
        });
        t.add(RemoteProc.STORAGE_VOL_GET_XML_DESC, "virStorageVolGetXMLDesc", READ, SD, (c, a, r) -> {
            StorageVol v = vol(c, a);
            r.writeString(v.xmlDesc(a.readInt()));
        });
        t.add(RemoteProc.STORAGE_VOL_GET_PATH, "virStorageVolGetPath", READ, SD,
                (c, a, r) -> r.writeString(vol(c, a).path()));
    }

    private static void registerEvents(ProcedureTable t) {
        t.add(RemoteProc.CONNECT_STORAGE_POOL_EVENT_REGISTER_ANY, "virConnectStoragePoolEventRegisterAny", READ, SD,
                (c, a, r) -> {
                    int eventId = a.readInt();
                    WireStoragePool filter = WireStoragePool.readOptional(a);
                    if (eventId != StoragePoolEventType.ID_LIFECYCLE && eventId != StoragePoolEventType.ID_REFRESH) {
                        throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC,
                                "unsupported storage pool event ID " + eventId);
                    }
                    UUID only = filter == null ? null : filter.uuid();
                    int callbackId = c.addStoragePoolEventListener(id -> (pool, ev) -> {
                        if (ev.type().eventId() == eventId && (only == null || only.equals(ev.uuid()))) {
                            send(c, id, ev);
                        }
                    });
                    r.writeInt(callbackId);
                });
        t.add(RemoteProc.CONNECT_STORAGE_POOL_EVENT_DEREGISTER_ANY, "virConnectStoragePoolEventDeregisterAny", READ, SD,
                (c, a, r) -> {
                    int callbackId = a.readInt();
                    if (!c.removeStoragePoolEventListener(callbackId)) {
                        throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC,
                                "storage pool event callback " + callbackId + " not registered");
                    }
                });
    }

    /** remote_storage_pool_event_lifecycle_msg or remote_storage_pool_event_refresh_msg. */
    private static void send(ClientContext c, int callbackId, StoragePoolEvent ev) {
        XdrWriter w = new XdrWriter(96);
        w.writeInt(callbackId);
        new WireStoragePool(ev.name(), ev.uuid()).write(w);
        if (ev.type() == StoragePoolEventType.REFRESHED) {
            c.sendEvent(RemoteProc.STORAGE_POOL_EVENT_REFRESH, w.toByteArray());
        } else {
            w.writeInt(ev.type().number()).writeInt(0);
            c.sendEvent(RemoteProc.STORAGE_POOL_EVENT_LIFECYCLE, w.toByteArray());
        }
    }

    /** libvirtd refuses a negative maxnames before it asks the driver (as for networks). */
    private static void nonNegative(int max) throws VirtException {
        if (max < 0) {
            throw new VirtException(ErrorCode.RPC, ErrorDomain.RPC, "maxnames must be non-negative");
        }
    }

    private static void names(ClientContext c, XdrReader a, XdrWriter r, int flags) throws VirtException, XdrException {
        int max = a.readInt();
        if (max > RemoteProc.STORAGE_POOL_LIST_MAX) {
            throw new VirtException(ErrorCode.RPC, ErrorDomain.RPC, "maxnames > REMOTE_STORAGE_POOL_LIST_MAX");
        }
        nonNegative(max);
        List<StoragePool> all = c.connection().listAllStoragePools(flags);
        int n = Math.min(Math.max(max, 0), all.size());
        r.writeInt(n);
        for (int i = 0; i < n; i++) {
            r.writeString(all.get(i).name());
        }
    }

    private static void tooMany(int n, String what) throws VirtException {
        if (n > RemoteProc.STORAGE_POOL_LIST_MAX) {
            throw new VirtException(ErrorCode.RPC, ErrorDomain.REMOTE,
                    "too many " + what + " '" + n + "' for limit '" + RemoteProc.STORAGE_POOL_LIST_MAX + "'");
        }
    }

    private static void writeInfo(XdrWriter r, StorageVolInfo i) {
        r.writeInt(i.type().number()).writeHyper(i.capacity()).writeHyper(i.allocation());
    }

    /**
     * libvirtd's {@code get_nonnull_storage_pool}: a handle without a lookup, so that the driver checks
     * a call's flags before it finds the pool, as libvirt's drivers do.
     */
    private static StoragePool pool(ClientContext c, XdrReader a) throws XdrException, VirtException {
        WireStoragePool w = WireStoragePool.read(a);
        return c.connection().storagePool(w.name(), w.uuid());
    }

    /** libvirtd's {@code get_nonnull_storage_vol}: a handle without a lookup, as {@link #pool}. */
    private static StorageVol vol(ClientContext c, XdrReader a) throws XdrException, VirtException {
        WireStorageVol w = WireStorageVol.read(a);
        return c.connection().storageVol(w.pool(), w.name(), w.key());
    }

    private static void write(XdrWriter r, StoragePool p) {
        new WireStoragePool(p.name(), p.uuid()).write(r);
    }

    private static void write(XdrWriter r, StorageVol v) {
        new WireStorageVol(v.poolName(), v.name(), v.key()).write(r);
    }
}
