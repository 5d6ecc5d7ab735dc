package org.jvirt.driver.esx.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.Flag;
import org.jvirt.api.StoragePoolInfo;
import org.jvirt.api.StoragePoolListFlag;
import org.jvirt.api.StorageVolInfo;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DriverConnection;
import org.jvirt.api.spi.StorageDriverConnection;
import org.jvirt.api.spi.StoragePoolRef;
import org.jvirt.api.spi.StorageVolRef;
import org.jvirt.driver.esx.internal.vi.ObjectContent;
import org.jvirt.driver.esx.internal.vi.PropertyCollector;

/**
 * The host's datastores as storage pools (libvirt's ESX storage driver, VMFS backend): list,
 * lookups, info, state, and their files as volumes ({@link DatastoreVolumes}: list, lookups, info,
 * XML, path). Defining, building, deleting pools and creating, copying, deleting, wiping or
 * transferring volumes are not served yet.
 */
final class DatastorePools implements StorageDriverConnection {
    private final PropertyCollector collector;
    private final EsxHost host;
    private final DatastoreVolumes volumes;

    DatastorePools(PropertyCollector collector, EsxHost host) {
        this.collector = collector;
        this.host = host;
        this.volumes = new DatastoreVolumes(collector, host);
    }

    /** The datastores the host mounts, read in one call (the host's {@code datastore} property). */
    private List<Datastore> all() throws VirtException {
        List<Datastore> out = new ArrayList<>();
        for (ObjectContent o : collector.retrieve(host.hostSystem(), Map.of("Datastore", Datastore.PROPERTIES))) {
            Datastore ds = Datastore.of(o, host.hostSystem());
            if (ds.uuid() != null) {
                out.add(ds);
            }
        }
        return out;
    }

    private Datastore of(StoragePoolRef pool) throws VirtException {
        for (Datastore ds : all()) {
            if (ds.uuid().equals(pool.uuid())) {
                return ds;
            }
        }
        throw notFound("Could not find storage pool with name '" + pool.name() + "'");
    }

    private static VirtException notFound(String detail) {
        return new VirtException(ErrorCode.NO_STORAGE_POOL, ErrorDomain.STORAGE, detail);
    }

    @Override
    public List<StoragePoolRef> listAllPools(int flags) throws VirtException {
        List<StoragePoolRef> out = new ArrayList<>();
        for (Datastore ds : all()) {
            boolean active = ds.accessible();
            if (group(flags, active, StoragePoolListFlag.ACTIVE, StoragePoolListFlag.INACTIVE)
                    && group(flags, true, StoragePoolListFlag.PERSISTENT, StoragePoolListFlag.TRANSIENT)
                    && group(flags, true, StoragePoolListFlag.AUTOSTART, StoragePoolListFlag.NO_AUTOSTART)) {
                out.add(ds.poolRef());
            }
        }
        return out;
    }

    private static boolean group(int flags, boolean value, StoragePoolListFlag yes, StoragePoolListFlag no) {
        boolean wantYes = Flag.isSet(flags, yes);
        boolean wantNo = Flag.isSet(flags, no);
        return (!wantYes && !wantNo) || (value ? wantYes : wantNo);
    }

    @Override
    public StoragePoolRef lookupPoolByName(String name) throws VirtException {
        for (Datastore ds : all()) {
            if (ds.name().equals(name)) {
                return ds.poolRef();
            }
        }
        throw notFound("Could not find storage pool with name '" + name + "'");
    }

    @Override
    public StoragePoolRef lookupPoolByUuid(UUID uuid) throws VirtException {
        for (Datastore ds : all()) {
            if (ds.uuid().equals(uuid)) {
                return ds.poolRef();
            }
        }
        throw notFound("Could not find storage pool with uuid '" + uuid + "'");
    }

    @Override
    public StoragePoolInfo poolInfo(StoragePoolRef pool) throws VirtException {
        return of(pool).info();
    }

    @Override
    public boolean poolIsActive(StoragePoolRef pool) throws VirtException {
        return of(pool).accessible();
    }

    @Override
    public boolean poolIsPersistent(StoragePoolRef pool) throws VirtException {
        of(pool);
        return true;
    }

    /** libvirt: "Datastores are always autostarted". */
    @Override
    public boolean poolAutostart(StoragePoolRef pool) throws VirtException {
        of(pool);
        return true;
    }

    @Override
    public void refreshPool(StoragePoolRef pool, int flags) throws VirtException {
        collector.client().invoke("RefreshDatastore", of(pool).ref(), "");
    }

    @Override
    public StoragePoolRef lookupPoolByTargetPath(String path) throws VirtException {
        throw DriverConnection.unsupported("virStoragePoolLookupByTargetPath");
    }

    @Override
    public StoragePoolRef lookupPoolByVolume(StorageVolRef vol) throws VirtException {
        return lookupPoolByName(vol.pool());
    }

    @Override
    public StoragePoolRef definePool(String xml, int flags) throws VirtException {
        throw DriverConnection.unsupported("virStoragePoolDefineXML");
    }

    @Override
    public StoragePoolRef createPool(String xml, int flags) throws VirtException {
        throw DriverConnection.unsupported("virStoragePoolCreateXML");
    }

    @Override
    public void buildPool(StoragePoolRef pool, int flags) throws VirtException {
        throw DriverConnection.unsupported("virStoragePoolBuild");
    }

    @Override
    public void startPool(StoragePoolRef pool, int flags) throws VirtException {
        throw DriverConnection.unsupported("virStoragePoolCreate");
    }

    @Override
    public void destroyPool(StoragePoolRef pool) throws VirtException {
        throw DriverConnection.unsupported("virStoragePoolDestroy");
    }

    @Override
    public void deletePool(StoragePoolRef pool, int flags) throws VirtException {
        throw DriverConnection.unsupported("virStoragePoolDelete");
    }

    @Override
    public void undefinePool(StoragePoolRef pool) throws VirtException {
        throw DriverConnection.unsupported("virStoragePoolUndefine");
    }

    @Override
    public String poolXml(StoragePoolRef pool, int flags) throws VirtException {
        throw DriverConnection.unsupported("virStoragePoolGetXMLDesc");
    }

    @Override
    public void setPoolAutostart(StoragePoolRef pool, boolean autostart) throws VirtException {
        throw DriverConnection.unsupported("virStoragePoolSetAutostart");
    }

    @Override
    public List<StorageVolRef> listAllVolumes(StoragePoolRef pool, int flags) throws VirtException {
        return volumes.list(of(pool).poolRef(), flags);
    }

    @Override
    public StorageVolRef lookupVolByName(StoragePoolRef pool, String name) throws VirtException {
        return volumes.byName(of(pool).poolRef(), name);
    }

    @Override
    public StorageVolRef lookupVolByKey(String key) throws VirtException {
        List<String> names = new ArrayList<>();
        for (Datastore ds : all()) {
            names.add(ds.name());
        }
        return volumes.byKey(key, names);
    }

    @Override
    public StorageVolRef lookupVolByPath(String path) throws VirtException {
        return volumes.byPath(path);
    }

    @Override
    public StorageVolRef createVol(StoragePoolRef pool, String xml, int flags) throws VirtException {
        throw DriverConnection.unsupported("virStorageVolCreateXML");
    }

    @Override
    public StorageVolRef createVolFrom(StoragePoolRef pool, String xml, StorageVolRef source, int flags)
            throws VirtException {
        throw DriverConnection.unsupported("virStorageVolCreateXMLFrom");
    }

    @Override
    public void deleteVol(StorageVolRef vol, int flags) throws VirtException {
        throw DriverConnection.unsupported("virStorageVolDelete");
    }

    @Override
    public void wipeVol(StorageVolRef vol, int flags) throws VirtException {
        throw DriverConnection.unsupported("virStorageVolWipe");
    }

    @Override
    public void resizeVol(StorageVolRef vol, long capacity, int flags) throws VirtException {
        throw DriverConnection.unsupported("virStorageVolResize");
    }

    @Override
    public StorageVolInfo volInfo(StorageVolRef vol) throws VirtException {
        return volumes.info(vol);
    }

    @Override
    public String volXml(StorageVolRef vol, int flags) throws VirtException {
        return volumes.xml(vol, flags);
    }

    @Override
    public String volPath(StorageVolRef vol) throws VirtException {
        return DatastoreVolumes.path(vol);
    }
}
