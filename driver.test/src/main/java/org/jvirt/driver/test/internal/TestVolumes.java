package org.jvirt.driver.test.internal;

import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.StorageVolInfo;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.StoragePoolRef;
import org.jvirt.api.spi.StorageVolDefinition;
import org.jvirt.api.spi.StorageVolRef;

/**
 * The volumes of a test host's pools: libvirt's test driver volume functions ({@code testStorageVol*},
 * {@code testStoragePoolListAllVolumes}), in memory. A volume lives at {@code <pool target>/<name>},
 * which is also its key. Under the {@link TestPools}' lock.
 */
final class TestVolumes {
    private final TestPools pools;

    TestVolumes(TestPools pools) {
        this.pools = pools;
    }

    List<StorageVolRef> list(StoragePoolRef pool, int flags) throws VirtException {
        TestDriverErrors.checkFlags(flags, 0, "testStoragePoolListAllVolumes");
        synchronized (pools) {
            // testStoragePoolListAllVolumes finds the pool by UUID and says so without its name
            TestPoolObj obj = pools.byUuid(pool);
            if (!obj.active) {
                throw TestDriverErrors.invalid(ErrorDomain.TEST, "storage pool is not active");
            }
            List<StorageVolRef> out = new ArrayList<>();
            obj.volumes.values().forEach(v -> out.add(obj.ref(v)));
            return out;
        }
    }

    StorageVolRef lookupByName(StoragePoolRef pool, String name) throws VirtException {
        synchronized (pools) {
            TestPoolObj obj = pools.active(pool.name());
            return obj.ref(volume(obj, name));
        }
    }

    StorageVolRef lookupByKey(String key) throws VirtException {
        synchronized (pools) {
            for (TestPoolObj obj : pools.all()) {
                for (StorageVolDefinition v : obj.volumes.values()) {
                    if (obj.active && key.equals(v.key())) {
                        return obj.ref(v);
                    }
                }
            }
        }
        throw noVolume("no storage vol with matching key '" + key + "'");
    }

    StorageVolRef lookupByPath(String path) throws VirtException {
        synchronized (pools) {
            for (TestPoolObj obj : pools.all()) {
                for (StorageVolDefinition v : obj.volumes.values()) {
                    if (obj.active && path.equals(v.path())) {
                        return obj.ref(v);
                    }
                }
            }
        }
        throw noVolume("no storage vol with matching path '" + path + "'");
    }

    /** testStorageVolCreateXML, and with {@code source} testStorageVolCreateXMLFrom (a volume of the same pool). */
    StorageVolRef create(StoragePoolRef pool, String xml, StorageVolRef source, int flags) throws VirtException {
        TestDriverErrors.checkFlags(flags, 0, source == null ? "testStorageVolCreateXML" : "testStorageVolCreateXMLFrom");
        synchronized (pools) {
            TestPoolObj obj = pools.active(pool.name());
            StorageVolDefinition vol = pools.conf().parseVolume(obj.def, xml);
            if (obj.volumes.containsKey(vol.name())) {
                throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.TEST, "storage vol already exists");
            }
            if (source != null) {
                volume(obj, source.name());
            }
            if (obj.allocation + vol.allocation() > TestPoolObj.CAPACITY) {
                throw TestDriverErrors.internal("Not enough free space in pool for volume '" + vol.name() + "'");
            }
            return obj.ref(obj.add(vol.withTarget(null, null)));
        }
    }

    void delete(StorageVolRef ref, int flags) throws VirtException {
        TestDriverErrors.checkFlags(flags, 0, "testStorageVolDelete");
        synchronized (pools) {
            TestPoolObj obj = pools.active(ref.pool());
            obj.remove(volume(obj, ref.name()));
        }
    }

    StorageVolInfo info(StorageVolRef ref) throws VirtException {
        synchronized (pools) {
            StorageVolDefinition v = find(ref);
            return new StorageVolInfo(v.type(), v.capacity(), v.allocation());
        }
    }

    String xml(StorageVolRef ref, int flags) throws VirtException {
        TestDriverErrors.checkFlags(flags, 0, "testStorageVolGetXMLDesc");
        synchronized (pools) {
            TestPoolObj obj = pools.active(ref.pool());
            return volume(obj, ref.name()).format(obj.def);
        }
    }

    String path(StorageVolRef ref) throws VirtException {
        synchronized (pools) {
            return find(ref).path();
        }
    }

    /** testStoragePoolObjFindActiveByName of the volume's pool, then the volume. Lock held. */
    private StorageVolDefinition find(StorageVolRef ref) throws VirtException {
        return volume(pools.active(ref.pool()), ref.name());
    }

    private static StorageVolDefinition volume(TestPoolObj obj, String name) throws VirtException {
        StorageVolDefinition v = obj.volumes.get(name);
        if (v == null) {
            throw noVolume("no storage vol with matching name '" + name + "'");
        }
        return v;
    }

    private static VirtException noVolume(String message) {
        return new VirtException(ErrorCode.NO_STORAGE_VOL, ErrorDomain.TEST, message);
    }
}
