package org.jvirt.api;

import java.util.List;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A storage pool of a {@link Connection}: a directory, file system or volume group that holds
 * volumes. libvirt's {@code virStoragePoolPtr}.
 * <p>
 * A pool object names its pool by UUID and name; every call reads the current state from the
 * storage driver. Methods throw {@link VirtException}: {@link ErrorCode#NO_STORAGE_POOL} once the
 * pool is gone, {@link ErrorCode#OPERATION_INVALID} for an operation the pool's state does not
 * allow (starting a running pool, listing the volumes of an inactive one),
 * {@link ErrorCode#OPERATION_DENIED} for a change through a read-only connection.
 */
@ProviderType
public interface StoragePool {

    Connection connection();

    String name();

    UUID uuid();

    StoragePoolInfo info() throws VirtException;

    /** The pool's XML, as {@code virsh pool-dumpxml} prints it; {@code flags}: {@link StorageXmlFlag}. */
    String xmlDesc(int flags) throws VirtException;

    /** Starts the pool; {@code flags}: {@link StoragePoolCreateFlag}. */
    void create(int flags) throws VirtException;

    /** Builds the pool's storage (makes its directory, file system, volume group); {@link StoragePoolBuildFlag}. */
    void build(int flags) throws VirtException;

    /** Stops the pool; a transient pool is then gone. Its volumes stay. */
    void destroy() throws VirtException;

    /** Deletes the pool's storage (its directory), the reverse of build; {@link StoragePoolDeleteFlag}. */
    void delete(int flags) throws VirtException;

    /** Removes the definition of an inactive persistent pool. */
    void undefine() throws VirtException;

    /** Reads the pool's volumes and sizes again; {@code flags} must be 0. */
    void refresh(int flags) throws VirtException;

    boolean autostart() throws VirtException;

    void setAutostart(boolean autostart) throws VirtException;

    boolean isActive() throws VirtException;

    boolean isPersistent() throws VirtException;

    /** The volumes of the running pool; {@code flags} must be 0. */
    List<StorageVol> listAllVolumes(int flags) throws VirtException;

    int numOfVolumes() throws VirtException;

    /** @throws VirtException {@link ErrorCode#NO_STORAGE_VOL} when the pool has no volume of that name */
    StorageVol lookupVolumeByName(String name) throws VirtException;

    /** Creates a volume from its XML; {@code flags}: {@link StorageVolCreateFlag}. */
    StorageVol createVolume(String xml, int flags) throws VirtException;

    /**
     * Creates a volume from its XML with the content of {@code source} (a volume of any pool of the
     * same connection), converted to the new volume's format; {@code flags}: {@link StorageVolCreateFlag}.
     */
    StorageVol createVolumeFrom(String xml, StorageVol source, int flags) throws VirtException;
}
