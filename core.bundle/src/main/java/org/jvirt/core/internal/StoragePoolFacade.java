package org.jvirt.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jvirt.api.Connection;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.StoragePool;
import org.jvirt.api.StoragePoolInfo;
import org.jvirt.api.StorageVol;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.StorageDriverConnection;
import org.jvirt.api.spi.StoragePoolRef;
import org.jvirt.api.spi.StorageVolRef;

/**
 * The {@link StoragePool} the core hands out: libvirt-storage.c's checks (open connection,
 * read-only access, arguments), then the call to the connection's storage driver.
 */
final class StoragePoolFacade implements StoragePool {
    private final ConnectionFacade conn;
    private final StoragePoolRef ref;

    StoragePoolFacade(ConnectionFacade conn, StoragePoolRef ref) {
        this.conn = conn;
        this.ref = ref;
    }

    StoragePoolRef ref() {
        return ref;
    }

    @Override
    public Connection connection() {
        return conn;
    }

    @Override
    public String name() {
        return ref.name();
    }

    @Override
    public UUID uuid() {
        return ref.uuid();
    }

    @Override
    public StoragePoolInfo info() throws VirtException {
        return read("virStoragePoolGetInfo", s -> s.poolInfo(ref));
    }

    @Override
    public String xmlDesc(int flags) throws VirtException {
        return read("virStoragePoolGetXMLDesc", s -> s.poolXml(ref, flags));
    }

    @Override
    public void create(int flags) throws VirtException {
        write("virStoragePoolCreate", s -> s.startPool(ref, flags));
    }

    @Override
    public void build(int flags) throws VirtException {
        write("virStoragePoolBuild", s -> s.buildPool(ref, flags));
    }

    @Override
    public void destroy() throws VirtException {
        write("virStoragePoolDestroy", s -> s.destroyPool(ref));
    }

    @Override
    public void delete(int flags) throws VirtException {
        write("virStoragePoolDelete", s -> s.deletePool(ref, flags));
    }

    @Override
    public void undefine() throws VirtException {
        write("virStoragePoolUndefine", s -> s.undefinePool(ref));
    }

    @Override
    public void refresh(int flags) throws VirtException {
        write("virStoragePoolRefresh", s -> s.refreshPool(ref, flags));
    }

    @Override
    public boolean autostart() throws VirtException {
        return read("virStoragePoolGetAutostart", s -> s.poolAutostart(ref));
    }

    @Override
    public void setAutostart(boolean autostart) throws VirtException {
        write("virStoragePoolSetAutostart", s -> s.setPoolAutostart(ref, autostart));
    }

    @Override
    public boolean isActive() throws VirtException {
        return read("virStoragePoolIsActive", s -> s.poolIsActive(ref));
    }

    @Override
    public boolean isPersistent() throws VirtException {
        return read("virStoragePoolIsPersistent", s -> s.poolIsPersistent(ref));
    }

    @Override
    public List<StorageVol> listAllVolumes(int flags) throws VirtException {
        return read("virStoragePoolListAllVolumes", s -> {
            List<StorageVol> out = new ArrayList<>();
            for (StorageVolRef v : s.listAllVolumes(ref, flags)) {
                out.add(new StorageVolFacade(conn, v));
            }
            return out;
        });
    }

    @Override
    public int numOfVolumes() throws VirtException {
        return read("virStoragePoolNumOfVolumes", s -> s.listAllVolumes(ref, 0).size());
    }

    @Override
    public StorageVol lookupVolumeByName(String name) throws VirtException {
        String fn = "virStorageVolLookupByName";
        Checks.notNull(name, "name", fn, ErrorDomain.STORAGE);
        return new StorageVolFacade(conn, read(fn, s -> s.lookupVolByName(ref, name)));
    }

    @Override
    public StorageVol createVolume(String xml, int flags) throws VirtException {
        String fn = "virStorageVolCreateXML";
        conn.checkWritable(fn, ErrorDomain.STORAGE);
        Checks.notNull(xml, "xmlDesc", fn, ErrorDomain.STORAGE);
        return new StorageVolFacade(conn, conn.storageCall(fn, s -> s.createVol(ref, xml, flags)));
    }

    @Override
    public StorageVol createVolumeFrom(String xml, StorageVol source, int flags) throws VirtException {
        String fn = "virStorageVolCreateXMLFrom";
        conn.checkWritable(fn, ErrorDomain.STORAGE);
        Checks.notNull(xml, "xmlDesc", fn, ErrorDomain.STORAGE);
        if (!(source instanceof StorageVolFacade src) || src.connection() != conn) {
            throw new VirtException(ErrorCode.INVALID_STORAGE_VOL, ErrorDomain.STORAGE, fn);
        }
        return new StorageVolFacade(conn, conn.storageCall(fn, s -> s.createVolFrom(ref, xml, src.ref(), flags)));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoragePoolFacade p && p.conn == conn && p.ref.equals(ref);
    }

    @Override
    public int hashCode() {
        return ref.hashCode();
    }

    @Override
    public String toString() {
        return "StoragePool[" + ref.name() + "]";
    }

    private <T> T read(String fn, StorageCall<T> op) throws VirtException {
        conn.checkOpen(fn, ErrorDomain.STORAGE);
        return conn.storageCall(fn, op);
    }

    private void write(String fn, VoidCall op) throws VirtException {
        conn.checkWritable(fn, ErrorDomain.STORAGE);
        conn.storageCall(fn, s -> {
            op.apply(s);
            return null;
        });
    }

    /** A storage call without a result. */
    @FunctionalInterface
    interface VoidCall {
        void apply(StorageDriverConnection s) throws VirtException;
    }
}
