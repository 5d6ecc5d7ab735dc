package org.jvirt.storage.internal.conf;

import java.util.List;

import org.jvirt.api.StorageVolType;

/**
 * A storage volume definition (libvirt's {@code virStorageVolDef}) as jvirt keeps it.
 *
 * @param name          the volume's name
 * @param key           its key (for files: the path), null until created
 * @param type          what it is on the host
 * @param capacity      logical size in bytes
 * @param hasCapacity   whether the XML gave a capacity
 * @param allocation    bytes allocated
 * @param hasAllocation whether the XML gave an allocation
 * @param path          target path, null until created
 * @param format        the file format ({@code raw}, {@code qcow2}, ...)
 * @param perms         target permissions
 * @param compat        qcow2 compat level, null for none
 * @param nocow         whether to turn off copy-on-write
 * @param clusterSize   qcow2 cluster size in bytes, 0 for none
 * @param features      qcow2 features ({@code lazy_refcounts}, {@code extended_l2}); null when {@code <features>} is absent
 * @param backing       the backing store, null for none
 * @param encryption    the {@code <encryption>}, null for none
 */
public record VolDef(String name, String key, StorageVolType type, long capacity, boolean hasCapacity,
                     long allocation, boolean hasAllocation, String path, String format, Perms perms,
                     String compat, boolean nocow, long clusterSize, List<String> features, Backing backing,
                     VolEncryption encryption) {

    /** A backing store: path, format and permissions. */
    public record Backing(String path, String format, Perms perms) {
    }

    public VolDef withTarget(String newPath, String newKey, StorageVolType newType) {
        return new VolDef(name, newKey, newType, capacity, hasCapacity, allocation, hasAllocation, newPath, format, perms,
                compat, nocow, clusterSize, features, backing, encryption);
    }

    public VolDef withSizes(long newCapacity, long newAllocation) {
        return new VolDef(name, key, type, newCapacity, hasCapacity, newAllocation, hasAllocation, path, format, perms,
                compat, nocow, clusterSize, features, backing, encryption);
    }

    public VolDef withEncryption(VolEncryption newEncryption) {
        return new VolDef(name, key, type, capacity, hasCapacity, allocation, hasAllocation, path, format, perms,
                compat, nocow, clusterSize, features, backing, newEncryption);
    }

    public VolDef withCapacity(long newCapacity) {
        return new VolDef(name, key, type, newCapacity, true, allocation, hasAllocation, path, format, perms,
                compat, nocow, clusterSize, features, backing, encryption);
    }
}
