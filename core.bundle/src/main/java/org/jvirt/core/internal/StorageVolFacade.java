package org.jvirt.core.internal;

import org.jvirt.api.Connection;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.StoragePool;
import org.jvirt.api.StorageVol;
import org.jvirt.api.StorageVolInfo;
import org.jvirt.api.StorageVolResizeFlag;
import org.jvirt.api.Stream;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.StorageVolRef;

/**
 * The {@link StorageVol} the core hands out: libvirt-storage.c's checks (open connection, read-only
 * access, arguments), then the call to the connection's storage driver.
 */
final class StorageVolFacade implements StorageVol {
    private final ConnectionFacade conn;
    private final StorageVolRef ref;

    StorageVolFacade(ConnectionFacade conn, StorageVolRef ref) {
        this.conn = conn;
        this.ref = ref;
    }

    StorageVolRef ref() {
        return ref;
    }

    @Override
    public Connection connection() {
        return conn;
    }

    @Override
    public String poolName() {
        return ref.pool();
    }

    @Override
    public String name() {
        return ref.name();
    }

    @Override
    public String key() {
        return ref.key();
    }

    @Override
    public String path() throws VirtException {
        return read("virStorageVolGetPath", s -> s.volPath(ref));
    }

    @Override
    public StorageVolInfo info() throws VirtException {
        return read("virStorageVolGetInfo", s -> s.volInfo(ref));
    }

    @Override
    public StorageVolInfo info(int flags) throws VirtException {
        return read("virStorageVolGetInfoFlags", s -> s.volInfo(ref, flags));
    }

    @Override
    public String xmlDesc(int flags) throws VirtException {
        return read("virStorageVolGetXMLDesc", s -> s.volXml(ref, flags));
    }

    @Override
    public StoragePool pool() throws VirtException {
        return new StoragePoolFacade(conn, read("virStoragePoolLookupByVolume", s -> s.lookupPoolByVolume(ref)));
    }

    @Override
    public void delete(int flags) throws VirtException {
        write("virStorageVolDelete", s -> s.deleteVol(ref, flags));
    }

    @Override
    public void wipe(int flags) throws VirtException {
        write("virStorageVolWipe", s -> s.wipeVol(ref, flags));
    }

    @Override
    public void resize(long capacity, int flags) throws VirtException {
        String fn = "virStorageVolResize";
        conn.checkWritable(fn, ErrorDomain.STORAGE);
        // libvirt-storage.c: a zero capacity only means something as a change or a shrink
        if (capacity == 0 && (flags & (StorageVolResizeFlag.DELTA.bit() | StorageVolResizeFlag.SHRINK.bit())) == 0) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.STORAGE,
                    "capacity in " + fn + " cannot be zero without 'delta' or 'shrink' flags set");
        }
        write(fn, s -> s.resizeVol(ref, capacity, flags));
    }

    @Override
    public Stream upload(long offset, long length, int flags) throws VirtException {
        conn.checkWritable("virStorageVolUpload", ErrorDomain.STORAGE);
        return conn.storageCall("virStorageVolUpload", s -> s.uploadVol(ref, offset, length, flags));
    }

    @Override
    public Stream download(long offset, long length, int flags) throws VirtException {
        conn.checkWritable("virStorageVolDownload", ErrorDomain.STORAGE);
        return conn.storageCall("virStorageVolDownload", s -> s.downloadVol(ref, offset, length, flags));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StorageVolFacade v && v.conn == conn && v.ref.equals(ref);
    }

    @Override
    public int hashCode() {
        return ref.hashCode();
    }

    @Override
    public String toString() {
        return "StorageVol[" + ref.pool() + "/" + ref.name() + "]";
    }

    private <T> T read(String fn, StorageCall<T> op) throws VirtException {
        conn.checkOpen(fn, ErrorDomain.STORAGE);
        return conn.storageCall(fn, op);
    }

    private void write(String fn, StoragePoolFacade.VoidCall op) throws VirtException {
        conn.checkWritable(fn, ErrorDomain.STORAGE);
        conn.storageCall(fn, s -> {
            op.apply(s);
            return null;
        });
    }
}
