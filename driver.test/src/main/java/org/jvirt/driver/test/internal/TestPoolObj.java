package org.jvirt.driver.test.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jvirt.api.StoragePoolInfo;
import org.jvirt.api.StoragePoolState;
import org.jvirt.api.spi.StoragePoolDefinition;
import org.jvirt.api.spi.StoragePoolRef;
import org.jvirt.api.spi.StorageVolDefinition;
import org.jvirt.api.spi.StorageVolRef;

/**
 * One pool of a test host: libvirt's virStoragePoolObj as its test driver fills it. Every pool has
 * libvirt's {@code defaultPoolCap} (100 GiB); its allocation is what its volumes allocate. Guarded by
 * the {@link TestPools}' lock.
 */
final class TestPoolObj {
    /** libvirt's test driver {@code defaultPoolCap}. */
    static final long CAPACITY = 100L * 1024 * 1024 * 1024;

    StoragePoolDefinition def;
    boolean active;
    boolean persistent;
    boolean autostart;
    long allocation;
    /** By name, in creation order. */
    final Map<String, StorageVolDefinition> volumes = new LinkedHashMap<>();

    TestPoolObj(StoragePoolDefinition def) {
        this.def = def;
    }

    StoragePoolRef ref() {
        return new StoragePoolRef(def.name(), def.uuid());
    }

    StorageVolRef ref(StorageVolDefinition vol) {
        return new StorageVolRef(def.name(), vol.name(), vol.key());
    }

    long available() {
        return CAPACITY - allocation;
    }

    StoragePoolInfo info() {
        return new StoragePoolInfo(active ? StoragePoolState.RUNNING : StoragePoolState.INACTIVE, CAPACITY, allocation,
                available());
    }

    String xml() {
        return def.format(CAPACITY, allocation, available());
    }

    /**
     * Adds a volume at {@code <target path>/<name>}, its key, unless it names its own path (a host
     * file's volume may), and counts its allocation.
     */
    StorageVolDefinition add(StorageVolDefinition vol) {
        String path = vol.path() != null ? vol.path() : def.targetPath() + "/" + vol.name();
        StorageVolDefinition placed = vol.withTarget(path, vol.key() != null ? vol.key() : path);
        volumes.put(placed.name(), placed);
        allocation += placed.allocation();
        return placed;
    }

    void remove(StorageVolDefinition vol) {
        volumes.remove(vol.name());
        allocation -= vol.allocation();
    }
}
