package org.jvirt.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jvirt.api.ErrorDomain;
import org.jvirt.api.StoragePool;
import org.jvirt.api.StoragePoolEventListener;
import org.jvirt.api.StoragePoolListFlag;
import org.jvirt.api.StorageVol;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.StoragePoolRef;
import org.jvirt.api.spi.StorageVolRef;

/**
 * The storage methods of a {@link ConnectionFacade}: libvirt-storage.c's checks (open connection,
 * read-only access, arguments), then the call to the connection's storage driver.
 */
final class StorageApi {
    private final ConnectionFacade conn;
    private final StorageAccess access;

    StorageApi(ConnectionFacade conn, StorageAccess access) {
        this.conn = conn;
        this.access = access;
    }

    StoragePool pool(StoragePoolRef ref) {
        return new StoragePoolFacade(conn, ref);
    }

    StorageVol vol(StorageVolRef ref) {
        return new StorageVolFacade(conn, ref);
    }

    List<StoragePool> listAll(int flags) throws VirtException {
        String fn = "virConnectListAllStoragePools";
        conn.checkOpen(fn, ErrorDomain.STORAGE);
        return conn.storageCall(fn, s -> {
            List<StoragePool> out = new ArrayList<>();
            for (StoragePoolRef ref : s.listAllPools(flags)) {
                out.add(pool(ref));
            }
            return out;
        });
    }

    int count(boolean active) throws VirtException {
        String fn = active ? "virConnectNumOfStoragePools" : "virConnectNumOfDefinedStoragePools";
        conn.checkOpen(fn, ErrorDomain.STORAGE);
        int flags = active ? StoragePoolListFlag.ACTIVE.bit()
                : StoragePoolListFlag.INACTIVE.bit() | StoragePoolListFlag.PERSISTENT.bit();
        return conn.storageCall(fn, s -> s.listAllPools(flags).size());
    }

    StoragePool define(String xml, int flags) throws VirtException {
        String fn = "virStoragePoolDefineXML";
        conn.checkWritable(fn, ErrorDomain.STORAGE);
        Checks.notNull(xml, "xml", fn, ErrorDomain.STORAGE);
        return pool(conn.storageCall(fn, s -> s.definePool(xml, flags)));
    }

    StoragePool create(String xml, int flags) throws VirtException {
        String fn = "virStoragePoolCreateXML";
        conn.checkWritable(fn, ErrorDomain.STORAGE);
        Checks.notNull(xml, "xmlDesc", fn, ErrorDomain.STORAGE);
        return pool(conn.storageCall(fn, s -> s.createPool(xml, flags)));
    }

    StoragePool lookupByName(String name) throws VirtException {
        String fn = "virStoragePoolLookupByName";
        conn.checkOpen(fn, ErrorDomain.STORAGE);
        Checks.notNull(name, "name", fn, ErrorDomain.STORAGE);
        return pool(conn.storageCall(fn, s -> s.lookupPoolByName(name)));
    }

    StoragePool lookupByUuid(UUID uuid) throws VirtException {
        String fn = "virStoragePoolLookupByUUID";
        conn.checkOpen(fn, ErrorDomain.STORAGE);
        Checks.notNull(uuid, "uuid", fn, ErrorDomain.STORAGE);
        return pool(conn.storageCall(fn, s -> s.lookupPoolByUuid(uuid)));
    }

    StoragePool lookupByTargetPath(String path) throws VirtException {
        String fn = "virStoragePoolLookupByTargetPath";
        conn.checkOpen(fn, ErrorDomain.STORAGE);
        Checks.notNull(path, "path", fn, ErrorDomain.STORAGE);
        return pool(conn.storageCall(fn, s -> s.lookupPoolByTargetPath(path)));
    }

    StorageVol volByKey(String key) throws VirtException {
        String fn = "virStorageVolLookupByKey";
        conn.checkOpen(fn, ErrorDomain.STORAGE);
        Checks.notNull(key, "key", fn, ErrorDomain.STORAGE);
        return vol(conn.storageCall(fn, s -> s.lookupVolByKey(key)));
    }

    StorageVol volByPath(String path) throws VirtException {
        String fn = "virStorageVolLookupByPath";
        conn.checkOpen(fn, ErrorDomain.STORAGE);
        Checks.notNull(path, "path", fn, ErrorDomain.STORAGE);
        return vol(conn.storageCall(fn, s -> s.lookupVolByPath(path)));
    }

    int addListener(StoragePoolEventListener listener) throws VirtException {
        String fn = "virConnectStoragePoolEventRegisterAny";
        conn.checkOpen(fn, ErrorDomain.STORAGE);
        Checks.notNull(listener, "callback", fn, ErrorDomain.STORAGE);
        int id = access.add(listener);
        try {
            conn.storageCall(fn, s -> null); // resolving the driver hands it the sink
        } catch (VirtException e) {
            access.remove(id);
            throw e;
        }
        return id;
    }

    void removeListener(int callbackId) throws VirtException {
        String fn = "virConnectStoragePoolEventDeregisterAny";
        conn.checkOpen(fn, ErrorDomain.STORAGE);
        Checks.nonNegative(callbackId, "callbackID", fn, ErrorDomain.STORAGE);
        if (!access.remove(callbackId)) {
            throw Checks.invalid("could not find event callback " + callbackId + " for deletion", ErrorDomain.STORAGE);
        }
    }
}
