package org.jvirt.storage.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.storage.internal.conf.PoolDef;

/**
 * The pool objects by name and UUID, with libvirt's rules for a new definition
 * ({@code virStoragePoolObjListAdd}: the same name needs the same UUID, the same UUID the same
 * name, and no two pools may share a target). Guarded by the service's lock.
 */
final class PoolTable {
    private final List<PoolObject> pools = new ArrayList<>();

    List<PoolObject> all() {
        return List.copyOf(pools);
    }

    PoolObject byUuid(UUID uuid) {
        for (PoolObject p : pools) {
            if (p.def.uuid().equals(uuid)) {
                return p;
            }
        }
        return null;
    }

    PoolObject byName(String name) {
        for (PoolObject p : pools) {
            if (p.def.name().equals(name)) {
                return p;
            }
        }
        return null;
    }

    PoolObject byTargetPath(String path) {
        for (PoolObject p : pools) {
            if (p.def.targetPath().equals(path)) {
                return p;
            }
        }
        return null;
    }

    void add(PoolObject p) {
        pools.add(p);
    }

    void remove(PoolObject p) {
        pools.remove(p);
    }

    /** The object {@code def} goes to: the existing pool of that UUID, or a new one added here. */
    PoolObject assign(PoolDef def) throws VirtException {
        PoolObject same = byUuid(def.uuid());
        if (same != null) {
            if (!same.def.name().equals(def.name())) {
                throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.STORAGE,
                        "pool '" + same.def.name() + "' is already defined with uuid " + def.uuid());
            }
            return same;
        }
        PoolObject named = byName(def.name());
        if (named != null) {
            throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.STORAGE,
                    "pool '" + def.name() + "' already exists with uuid " + named.def.uuid());
        }
        for (PoolObject p : pools) {
            if (Objects.equals(p.def.targetPath(), def.targetPath()) && p.def.type() == def.type()) {
                throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.STORAGE,
                        "Storage source conflict with pool: '" + p.def.name() + "'");
            }
        }
        PoolObject p = new PoolObject(def);
        pools.add(p);
        return p;
    }
}
