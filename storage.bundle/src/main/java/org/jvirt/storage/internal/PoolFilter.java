package org.jvirt.storage.internal;

import org.jvirt.api.StoragePoolListFlag;

/** libvirt's {@code virStoragePoolObjMatch}: which pools a list with these flags returns. */
final class PoolFilter {
    private static final int TYPES = StoragePoolListFlag.all() & ~0x3f;

    private PoolFilter() {
    }

    static boolean matches(PoolObject p, int flags) {
        if (pair(flags, StoragePoolListFlag.ACTIVE, StoragePoolListFlag.INACTIVE)
                && !(has(flags, StoragePoolListFlag.ACTIVE) ? p.active : !p.active)) {
            return false;
        }
        if (pair(flags, StoragePoolListFlag.PERSISTENT, StoragePoolListFlag.TRANSIENT)
                && !(has(flags, StoragePoolListFlag.PERSISTENT) ? p.persistent : !p.persistent)) {
            return false;
        }
        if (pair(flags, StoragePoolListFlag.AUTOSTART, StoragePoolListFlag.NO_AUTOSTART)
                && !(has(flags, StoragePoolListFlag.AUTOSTART) ? p.autostart : !p.autostart)) {
            return false;
        }
        return (flags & TYPES) == 0 || has(flags, p.def.type().listFlag());
    }

    /** True when exactly one of the two filters is set (both or none: no filtering). */
    private static boolean pair(int flags, StoragePoolListFlag a, StoragePoolListFlag b) {
        return has(flags, a) != has(flags, b);
    }

    private static boolean has(int flags, StoragePoolListFlag f) {
        return (flags & f.bit()) != 0;
    }
}
