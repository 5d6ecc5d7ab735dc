package org.jvirt.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A storage volume of a {@link StoragePool}: a file, block device or logical volume. libvirt's
 * {@code virStorageVolPtr}.
 * <p>
 * A volume object names its volume by pool, name and key; every call reads the current state from
 * the storage driver. Methods throw {@link VirtException}: {@link ErrorCode#NO_STORAGE_VOL} once the
 * volume is gone, {@link ErrorCode#OPERATION_DENIED} for a change through a read-only connection.
 */
@ProviderType
public interface StorageVol {

    Connection connection();

    /** The name of the pool the volume is in. */
    String poolName();

    String name();

    /** The volume's key, unique on the host (for files: their path). */
    String key();

    /** The volume's path on the host. */
    String path() throws VirtException;

    StorageVolInfo info() throws VirtException;

    /**
     * {@code virStorageVolGetInfoFlags}: {@code flags} may hold {@code VIR_STORAGE_VOL_GET_PHYSICAL}
     * (1). A driver without it (libvirt's test driver) answers {@link ErrorCode#NO_SUPPORT}.
     */
    StorageVolInfo info(int flags) throws VirtException;

    /** The volume's XML, as {@code virsh vol-dumpxml} prints it; {@code flags} must be 0. */
    String xmlDesc(int flags) throws VirtException;

    /** The pool of this volume ({@code virStoragePoolLookupByVolume}). */
    StoragePool pool() throws VirtException;

    /** Deletes the volume; {@code flags}: {@link StorageVolDeleteFlag}. */
    void delete(int flags) throws VirtException;

    /** Overwrites the volume's data with zeros; {@code flags} must be 0. */
    void wipe(int flags) throws VirtException;

    /** Changes the volume's capacity; {@code flags}: {@link StorageVolResizeFlag}. */
    void resize(long capacity, int flags) throws VirtException;

    /**
     * A stream that writes the volume's data from {@code offset}, at most {@code length} bytes (0: up
     * to the end), libvirt's {@code virStorageVolUpload}: the caller sends the data and finishes the
     * stream. {@code flags}: 0 ({@code VIR_STORAGE_VOL_UPLOAD_SPARSE_STREAM} is not supported).
     */
    Stream upload(long offset, long length, int flags) throws VirtException;

    /**
     * A stream of the volume's data from {@code offset}, at most {@code length} bytes (0: to the end),
     * libvirt's {@code virStorageVolDownload}: the caller receives until 0 and finishes the stream.
     */
    Stream download(long offset, long length, int flags) throws VirtException;
}
