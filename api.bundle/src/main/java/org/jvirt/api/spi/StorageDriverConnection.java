package org.jvirt.api.spi;

import java.util.List;
import java.util.UUID;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.StoragePoolInfo;
import org.jvirt.api.StorageVolInfo;
import org.jvirt.api.Stream;
import org.jvirt.api.VirtException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A connection's view of a storage driver: libvirt's {@code virStorageDriver} table. The core checks
 * arguments and read-only access before it calls in. Errors are libvirt's, in its error domain
 * {@link org.jvirt.api.ErrorDomain#STORAGE}: {@link org.jvirt.api.ErrorCode#NO_STORAGE_POOL} and
 * {@link org.jvirt.api.ErrorCode#NO_STORAGE_VOL} for what is not there,
 * {@link org.jvirt.api.ErrorCode#OPERATION_INVALID} for an operation the pool's state does not
 * allow, {@link org.jvirt.api.ErrorCode#INVALID_ARG} for flags the driver does not know. Flags are
 * the masks of the API's storage flag enums. Must be thread-safe.
 */
@ProviderType
public interface StorageDriverConnection {

    // ---- pools ----

    List<StoragePoolRef> listAllPools(int flags) throws VirtException;

    StoragePoolRef lookupPoolByName(String name) throws VirtException;

    StoragePoolRef lookupPoolByUuid(UUID uuid) throws VirtException;

    StoragePoolRef lookupPoolByTargetPath(String path) throws VirtException;

    StoragePoolRef lookupPoolByVolume(StorageVolRef vol) throws VirtException;

    StoragePoolRef definePool(String xml, int flags) throws VirtException;

    StoragePoolRef createPool(String xml, int flags) throws VirtException;

    void buildPool(StoragePoolRef pool, int flags) throws VirtException;

    void startPool(StoragePoolRef pool, int flags) throws VirtException;

    void destroyPool(StoragePoolRef pool) throws VirtException;

    void deletePool(StoragePoolRef pool, int flags) throws VirtException;

    void undefinePool(StoragePoolRef pool) throws VirtException;

    void refreshPool(StoragePoolRef pool, int flags) throws VirtException;

    StoragePoolInfo poolInfo(StoragePoolRef pool) throws VirtException;

    String poolXml(StoragePoolRef pool, int flags) throws VirtException;

    boolean poolAutostart(StoragePoolRef pool) throws VirtException;

    void setPoolAutostart(StoragePoolRef pool, boolean autostart) throws VirtException;

    boolean poolIsActive(StoragePoolRef pool) throws VirtException;

    boolean poolIsPersistent(StoragePoolRef pool) throws VirtException;

    // ---- volumes ----

    List<StorageVolRef> listAllVolumes(StoragePoolRef pool, int flags) throws VirtException;

    StorageVolRef lookupVolByName(StoragePoolRef pool, String name) throws VirtException;

    StorageVolRef lookupVolByKey(String key) throws VirtException;

    StorageVolRef lookupVolByPath(String path) throws VirtException;

    StorageVolRef createVol(StoragePoolRef pool, String xml, int flags) throws VirtException;

    /** Creates a volume with the content of {@code source}, converted to the new volume's format. */
    StorageVolRef createVolFrom(StoragePoolRef pool, String xml, StorageVolRef source, int flags) throws VirtException;

    void deleteVol(StorageVolRef vol, int flags) throws VirtException;

    void wipeVol(StorageVolRef vol, int flags) throws VirtException;

    void resizeVol(StorageVolRef vol, long capacity, int flags) throws VirtException;

    StorageVolInfo volInfo(StorageVolRef vol) throws VirtException;

    /**
     * {@code virStorageVolGetInfoFlags}; by default the storage driver's: {@code flags} may hold
     * {@code VIR_STORAGE_VOL_GET_PHYSICAL} (1), which a file volume's info answers alike.
     */
    default StorageVolInfo volInfo(StorageVolRef vol, int flags) throws VirtException {
        if ((flags & ~1) != 0) {
            throw new VirtException(ErrorCode.INVALID_ARG.number(), ErrorDomain.STORAGE.number(),
                    "unsupported flags (0x" + Integer.toHexString(flags & ~1) + ") in function storageVolGetInfoFlags");
        }
        return volInfo(vol);
    }

    String volXml(StorageVolRef vol, int flags) throws VirtException;

    String volPath(StorageVolRef vol) throws VirtException;

    /** A stream writing into the volume (see {@code StorageVol.upload}); unsupported unless the driver overrides it. */
    default Stream uploadVol(StorageVolRef vol, long offset, long length, int flags) throws VirtException {
        throw new VirtException(ErrorCode.NO_SUPPORT, ErrorDomain.STORAGE, "virStorageVolUpload");
    }

    /** A stream reading the volume (see {@code StorageVol.download}); unsupported unless the driver overrides it. */
    default Stream downloadVol(StorageVolRef vol, long offset, long length, int flags) throws VirtException {
        throw new VirtException(ErrorCode.NO_SUPPORT, ErrorDomain.STORAGE, "virStorageVolDownload");
    }

    /** Sets where this connection delivers storage pool events; null stops delivery. */
    default void setEventSink(StorageEventSink sink) {
    }

    /** Releases what the connection holds. Never throws; idempotent. */
    default void close() {
    }
}
