package org.jvirt.storage.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.StoragePoolBuildFlag;
import org.jvirt.api.StoragePoolCreateFlag;
import org.jvirt.api.StoragePoolDefineFlag;
import org.jvirt.api.StoragePoolDeleteFlag;
import org.jvirt.api.StoragePoolEvent;
import org.jvirt.api.StoragePoolEventType;
import org.jvirt.api.StoragePoolListFlag;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.StorageEventSink;
import org.jvirt.storage.internal.backend.DirBackend;
import org.jvirt.storage.internal.backend.DirPool;
import org.jvirt.storage.internal.backend.FsBackend;
import org.jvirt.storage.internal.backend.FsPool;
import org.jvirt.storage.internal.backend.LogicalBackend;
import org.jvirt.storage.internal.backend.LogicalPool;
import org.jvirt.storage.internal.backend.PoolBackend;
import org.jvirt.storage.internal.conf.PoolDef;
import org.jvirt.storage.internal.conf.PoolType;
import org.jvirt.storage.internal.conf.PoolXml;
import org.jvirt.storage.internal.conf.VolDef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pools of the host and their lifecycle (libvirt's {@code storage_driver.c} pool half): define,
 * create, build, start, destroy, delete, undefine, refresh, autostart, with libvirt's checks and
 * messages, persisted through {@link PoolRecords}, announced as pool events. One lock guards all
 * pools (libvirt locks per object; pools change rarely and each change is short or a qemu-img run).
 */
final class StorageService {
    private static final Logger LOG = LoggerFactory.getLogger(StorageService.class);

    final Object lock = new Object();
    final PoolTable pools = new PoolTable();
    /** The backends of the pool types this driver has (libvirt's registered virStorageBackends). */
    private final Map<PoolType, PoolBackend> backends;
    private final PoolXml poolXml;
    private final PoolRecords records;
    private final Set<StorageEventSink> sinks = ConcurrentHashMap.newKeySet();

    StorageService(PoolXml poolXml, PoolRecords records, DirBackend backend, FsBackend fs, LogicalBackend logical) {
        this.poolXml = poolXml;
        this.records = records;
        this.backends = new EnumMap<>(Map.of(PoolType.DIR, new DirPool(backend), PoolType.FS, new FsPool(backend, fs),
                PoolType.LOGICAL, new LogicalPool(logical)));
    }

    /** The backend of the pool's type; {@link #backed} refused every other type at define. */
    PoolBackend backendOf(PoolDef def) {
        return backends.get(def.type());
    }

    /** Reads the persistent pools, marks those with a status record running again and starts autostart pools. */
    StorageService load() throws VirtException {
        synchronized (lock) {
            Map<String, byte[]> configs = records.configs();
            Map<String, byte[]> statuses = records.statuses();
            for (Map.Entry<String, byte[]> e : configs.entrySet()) {
                if (!e.getKey().endsWith(".xml")) {
                    continue;
                }
                String uuid = e.getKey().substring(0, e.getKey().length() - 4);
                try {
                    PoolObject p = new PoolObject(poolXml.parse(PoolRecords.text(e.getValue())));
                    p.persistent = true;
                    p.autostart = configs.containsKey(uuid + ".autostart");
                    pools.add(p);
                    if (statuses.containsKey(e.getKey()) || p.autostart) {
                        try {
                            activate(p);
                        } catch (VirtException ex) {
                            LOG.warn("Failed to restart storage pool '{}': {}", p.def.name(), ex.getMessage());
                            records.deleteStatus(p.def);
                        }
                    }
                } catch (VirtException ex) {
                    LOG.warn("storage pool record {} is not readable, left out: {}", e.getKey(), ex.getMessage());
                }
            }
        }
        return this;
    }

    void addSink(StorageEventSink sink) {
        sinks.add(sink);
    }

    void removeSink(StorageEventSink sink) {
        sinks.remove(sink);
    }

    void emit(PoolDef def, StoragePoolEventType type) {
        StoragePoolEvent event = new StoragePoolEvent(def.uuid(), def.name(), type);
        for (StorageEventSink s : sinks) {
            try {
                s.accept(event);
            } catch (RuntimeException e) { // a sink's failure must not cost the others this event
                LOG.warn("storage event sink failed on {}", event, e);
            }
        }
    }

    List<PoolObject> list(int flags) throws VirtException {
        checkFlags(flags, StoragePoolListFlag.all(), "storageConnectListAllStoragePools");
        synchronized (lock) {
            List<PoolObject> out = new ArrayList<>();
            for (PoolObject p : pools.all()) {
                if (PoolFilter.matches(p, flags)) {
                    out.add(p);
                }
            }
            return out;
        }
    }

    PoolObject define(String xml, int flags) throws VirtException {
        checkFlags(flags, StoragePoolDefineFlag.all(), "storagePoolDefineXML");
        PoolDef def = backed(poolXml.parse(xml));
        synchronized (lock) {
            PoolObject p = pools.assign(def);
            boolean isNew = !p.persistent && !p.active;
            try {
                records.saveConfig(def);
            } catch (VirtException e) {
                if (isNew) {
                    pools.remove(p);
                }
                throw e;
            }
            p.persistent = true;
            if (p.active) {
                p.newDef = def;
            } else {
                p.def = def;
            }
            emit(def, StoragePoolEventType.DEFINED);
            LOG.info("storage pool '{}' defined", def.name());
            return p;
        }
    }

    PoolObject create(String xml, int flags) throws VirtException {
        checkFlags(flags, StoragePoolCreateFlag.all(), "storagePoolCreateXML");
        PoolDef def = backed(poolXml.parse(xml));
        synchronized (lock) {
            PoolObject existing = pools.byUuid(def.uuid());
            if (existing != null && existing.active) {
                throw invalid("storage pool '" + def.name() + "' is already active");
            }
            PoolObject p = pools.assign(def);
            try {
                buildForStart(p, flags);
                activate(p);
            } catch (VirtException e) {
                if (!p.persistent) {
                    pools.remove(p);
                }
                throw e;
            }
            emit(def, StoragePoolEventType.STARTED);
            return p;
        }
    }

    void start(PoolObject p, int flags) throws VirtException {
        checkFlags(flags, StoragePoolCreateFlag.all(), "storagePoolCreate");
        synchronized (lock) {
            if (p.active) {
                throw invalid("storage pool '" + p.def.name() + "' is already active");
            }
            buildForStart(p, flags);
            activate(p);
            emit(p.def, StoragePoolEventType.STARTED);
        }
    }

    void build(PoolObject p, int flags) throws VirtException {
        checkFlags(flags, StoragePoolBuildFlag.all(), "storagePoolBuild");
        Checks.exclusive(flags, StoragePoolBuildFlag.OVERWRITE, StoragePoolBuildFlag.NO_OVERWRITE);
        synchronized (lock) {
            if (p.active) {
                throw invalid("storage pool '" + p.def.name() + "' is already active");
            }
            backendOf(p.def).build(p.def, flags);
            emit(p.def, StoragePoolEventType.CREATED);
        }
    }

    void destroy(PoolObject p) throws VirtException {
        synchronized (lock) {
            if (!p.active) {
                throw invalid("storage pool '" + p.def.name() + "' is not active");
            }
            // a pool that cannot be unmounted or deactivated stays active, as in libvirt
            backendOf(p.def).stop(p.def);
            p.active = false;
            p.volumes.clear();
            records.deleteStatus(p.def);
            emit(p.def, StoragePoolEventType.STOPPED);
            if (p.newDef != null) {
                p.def = p.newDef;
                p.newDef = null;
            }
            if (!p.persistent) {
                pools.remove(p);
            }
        }
    }

    void delete(PoolObject p, int flags) throws VirtException {
        checkFlags(flags, StoragePoolDeleteFlag.all(), "storagePoolDelete");
        synchronized (lock) {
            if (p.active) {
                throw invalid("storage pool '" + p.def.name() + "' is still active");
            }
            backendOf(p.def).delete(p.def);
            emit(p.def, StoragePoolEventType.DELETED);
        }
    }

    void undefine(PoolObject p) throws VirtException {
        synchronized (lock) {
            if (p.active) {
                throw invalid("storage pool '" + p.def.name() + "' is still active");
            }
            if (!p.persistent) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.STORAGE, "pool is not persistent");
            }
            records.deleteConfig(p.def);
            p.persistent = false;
            p.autostart = false;
            pools.remove(p);
            emit(p.def, StoragePoolEventType.UNDEFINED);
            LOG.info("storage pool '{}' undefined", p.def.name());
        }
    }

    void refresh(PoolObject p, int flags) throws VirtException {
        checkFlags(flags, 0, "storagePoolRefresh");
        synchronized (lock) {
            if (!p.active) {
                throw invalid("storage pool '" + p.def.name() + "' is not active");
            }
            try {
                readVolumes(p);
            } catch (VirtException e) {
                // libvirt stops a pool whose refresh fails
                stopQuietly(p.def);
                p.active = false;
                p.volumes.clear();
                records.deleteStatus(p.def);
                emit(p.def, StoragePoolEventType.STOPPED);
                if (!p.persistent) {
                    pools.remove(p);
                }
                throw e;
            }
            emit(p.def, StoragePoolEventType.REFRESHED);
        }
    }

    void setAutostart(PoolObject p, boolean on) throws VirtException {
        synchronized (lock) {
            if (!p.persistent) {
                throw invalid("cannot set autostart for transient pool");
            }
            if (p.autostart != on) {
                records.setAutostart(p.def, on);
                p.autostart = on;
            }
        }
    }

    /** Reads the pool's volumes and sizes again; the caller holds the lock. */
    void readVolumes(PoolObject p) throws VirtException {
        PoolBackend.Contents c = backendOf(p.def).refresh(p.def);
        DirBackend.Sizes s = c.sizes();
        p.volumes.clear();
        p.volumes.putAll(c.volumes());
        p.capacity = s.capacity();
        p.allocation = s.allocation();
        p.available = s.available();
    }

    private void buildForStart(PoolObject p, int flags) throws VirtException {
        Checks.exclusive(flags, StoragePoolCreateFlag.WITH_BUILD_OVERWRITE, StoragePoolCreateFlag.WITH_BUILD_NO_OVERWRITE);
        if (flags != 0) {
            // storagePoolCreate: WITH_BUILD_OVERWRITE / _NO_OVERWRITE become the build's flags
            int buildFlags = (flags & StoragePoolCreateFlag.WITH_BUILD_OVERWRITE.bit()) != 0
                    ? StoragePoolBuildFlag.OVERWRITE.bit()
                    : (flags & StoragePoolCreateFlag.WITH_BUILD_NO_OVERWRITE.bit()) != 0
                    ? StoragePoolBuildFlag.NO_OVERWRITE.bit() : 0;
            backendOf(p.def).build(p.def, buildFlags);
        }
    }

    private void activate(PoolObject p) throws VirtException {
        PoolBackend b = backendOf(p.def);
        b.start(p.def);
        try {
            b.check(p.def);
            readVolumes(p);
        } catch (VirtException e) {
            stopQuietly(p.def);
            throw e;
        }
        p.active = true;
        records.saveStatus(p.def);
        LOG.info("storage pool '{}' started", p.def.name());
    }

    /** A pool's backend stopped after a failed start or refresh: unmounted, its volume group deactivated. */
    private void stopQuietly(PoolDef def) {
        try {
            backendOf(def).stop(def);
        } catch (VirtException e) {
            LOG.warn("storage pool '{}' could not be stopped: {}", def.name(), e.getMessage());
        }
    }

    /**
     * The definition of a pool type this driver has a backend for: dir, fs and logical. Others are refused as libvirt
     * refuses a pool type whose backend is not built in ({@code virStorageBackendForType}).
     */
    private PoolDef backed(PoolDef def) throws VirtException {
        if (!backends.containsKey(def.type())) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.STORAGE,
                    "missing backend for pool type '" + def.type().xmlName() + "'");
        }
        return def;
    }

    static VirtException invalid(String message) {
        return new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.STORAGE, message);
    }

    /** libvirt's {@code virCheckFlags} in the driver function {@code function}. */
    static void checkFlags(int flags, int known, String function) throws VirtException {
        int unknown = flags & ~known;
        if (unknown != 0) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.STORAGE,
                    "unsupported flags (0x" + Integer.toHexString(unknown) + ") in function " + function);
        }
    }

}
