package org.jvirt.storage.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.StorageVolCreateFlag;
import org.jvirt.api.StorageVolDeleteFlag;
import org.jvirt.api.StorageVolResizeFlag;
import org.jvirt.api.StorageVolType;
import org.jvirt.api.Stream;
import org.jvirt.api.VirtException;
import org.jvirt.storage.internal.backend.FileStream;
import org.jvirt.storage.internal.backend.VolumeSecrets;
import org.jvirt.storage.internal.conf.PoolDef;
import org.jvirt.storage.internal.conf.PoolType;
import org.jvirt.storage.internal.conf.PoolXml;
import org.jvirt.storage.internal.conf.VolDef;
import org.jvirt.storage.internal.conf.VolEncryption;
import org.jvirt.storage.internal.conf.VolXml;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The volumes of running pools (libvirt's {@code storage_driver.c} volume half): create, create from
 * another volume, delete, wipe, resize and lookups, with libvirt's checks and messages.
 */
final class VolumeService {
    private static final Logger LOG = LoggerFactory.getLogger(VolumeService.class);
    private final StorageService pools;
    private final VolXml volXml;
    private final VolumeSecrets secrets;

    VolumeService(StorageService pools, VolXml volXml, VolumeSecrets secrets) {
        this.pools = pools;
        this.volXml = volXml;
        this.secrets = secrets;
    }

    VolDef byName(PoolObject p, String name) throws VirtException {
        synchronized (pools.lock) {
            active(p);
            VolDef v = p.volumes.get(name);
            if (v == null) {
                throw noVol("no storage vol with matching name '" + name + "'");
            }
            return v;
        }
    }

    /** The pool and volume whose key is {@code key} among running pools. */
    Found byKey(String key) throws VirtException {
        synchronized (pools.lock) {
            for (PoolObject p : pools.pools.all()) {
                for (VolDef v : p.active ? p.volumes.values() : List.<VolDef>of()) {
                    if (key.equals(v.key())) {
                        return new Found(p, v);
                    }
                }
            }
            throw noVol("no storage vol with matching key " + key);
        }
    }

    Found byPath(String path) throws VirtException {
        String clean = PoolXml.sanitize(path); // libvirt's virFileSanitizePath, no resolution of '.' or links
        synchronized (pools.lock) {
            for (PoolObject p : pools.pools.all()) {
                for (VolDef v : p.active ? p.volumes.values() : List.<VolDef>of()) {
                    if (clean.equals(v.path())) {
                        return new Found(p, v);
                    }
                }
            }
            throw noVol("no storage vol with matching path '" + path + "'" + (clean.equals(path) ? "" : " (" + clean + ")"));
        }
    }

    /** A volume and its pool. */
    record Found(PoolObject pool, VolDef vol) {
    }

    VolDef create(PoolObject p, String xml, Found source, int flags) throws VirtException {
        StorageService.checkFlags(flags, StorageVolCreateFlag.PREALLOC_METADATA.bit() | StorageVolCreateFlag.VALIDATE.bit()
                | (source != null ? StorageVolCreateFlag.REFLINK.bit() : 0), source != null ? "storageVolCreateXMLFrom" : "storageVolCreateXML");
        VolDef def = volXml.parse(xml, p.def.type(), source == null, source != null);
        synchronized (pools.lock) {
            active(p);
            if (source != null) {
                active(source.pool());
                if (source.pool().volumes.get(source.vol().name()) == null) {
                    throw noVol("no storage vol with matching name '" + source.vol().name() + "'");
                }
            }
            if (p.volumes.containsKey(def.name())) {
                throw source == null
                        ? new VirtException(ErrorCode.STORAGE_VOL_EXIST, ErrorDomain.STORAGE, "'" + def.name() + "'")
                        : new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.STORAGE,
                                "storage volume name '" + def.name() + "' already in use.");
            }
            if (def.name().contains("/")) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.STORAGE,
                        "volume name '" + def.name() + "' cannot contain '/'");
            }
            PoolDef pool = p.def;
            String path = pool.targetPath() + "/" + def.name();
            boolean logical = pool.type() == PoolType.LOGICAL;
            VolDef vol = def.withTarget(path, logical ? null : path, logical ? StorageVolType.BLOCK
                    : "dir".equals(def.format()) ? StorageVolType.DIR : StorageVolType.FILE);
            if (source != null) {
                VolDef in = source.vol();
                if (!vol.hasCapacity()) {
                    vol = vol.withCapacity(in.capacity());
                } else if (Long.compareUnsigned(vol.capacity(), in.capacity()) < 0) {
                    vol = vol.withCapacity(in.capacity()); // libvirt: never smaller than its source
                }
            }
            if (Long.compareUnsigned(vol.allocation(), p.available) > 0 && vol.hasAllocation()) {
                throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.STORAGE,
                        "Not enough space left in storage pool");
            }
            VolDef input = source == null ? null : withDefaultSecret(source.vol());
            VolDef created = pools.backendOf(pool).createVol(pool, vol, input,
                    (flags & StorageVolCreateFlag.PREALLOC_METADATA.bit()) != 0);
            p.volumes.put(created.name(), created);
            // storageVolCreateXML(From): the pool's sizes by the new volume's allocation, no statvfs
            p.allocation += created.allocation();
            p.available = Math.max(0, p.available - created.allocation());
            return created;
        }
    }

    void delete(PoolObject p, VolDef v, int flags) throws VirtException {
        StorageService.checkFlags(flags, StorageVolDeleteFlag.all(), "storageVolDelete");
        synchronized (pools.lock) {
            VolDef now = current(p, v);
            pools.backendOf(p.def).deleteVol(p.def, now);
            p.volumes.remove(now.name());
            // storageVolDeleteInternal: the pool's sizes by the volume's allocation, no statvfs
            p.allocation = Math.max(0, p.allocation - now.allocation());
            p.available += now.allocation();
        }
    }

    void wipe(PoolObject p, VolDef v, int flags) throws VirtException {
        StorageService.checkFlags(flags, 0, "storageVolWipe");
        synchronized (pools.lock) {
            VolDef now = current(p, v);
            VolDef again = pools.backendOf(p.def).wipeVol(p.def, now);
            if (again != null) {
                p.volumes.put(again.name(), again);
                refreshSizes(p);
            }
        }
    }

    void resize(PoolObject p, VolDef v, long capacity, int flags) throws VirtException {
        StorageService.checkFlags(flags, StorageVolResizeFlag.all(), "storageVolResize");
        synchronized (pools.lock) {
            VolDef now = current(p, v);
            long target = capacity;
            if ((flags & StorageVolResizeFlag.DELTA.bit()) != 0) {
                target = (flags & StorageVolResizeFlag.SHRINK.bit()) != 0
                        ? now.capacity() - Math.min(capacity, now.capacity())
                        : now.capacity() + capacity;
                if (target < 0) {
                    throw new VirtException(ErrorCode.OVERFLOW, ErrorDomain.STORAGE, "value too large: " + capacity);
                }
            }
            boolean shrink = (flags & StorageVolResizeFlag.SHRINK.bit()) != 0;
            if (Long.compareUnsigned(target, now.allocation()) < 0) {
                throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.STORAGE,
                        "can't shrink capacity below existing allocation");
            }
            if (Long.compareUnsigned(target, now.capacity()) < 0 && !shrink) {
                throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.STORAGE,
                        "Can't shrink capacity below current capacity unless shrink flag explicitly specified");
            }
            boolean allocate = (flags & StorageVolResizeFlag.ALLOCATE.bit()) != 0;
            long delta = allocate ? target - now.allocation() : target - now.capacity();
            if (delta > 0 && Long.compareUnsigned(delta, p.available) > 0) {
                throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.STORAGE,
                        "Not enough space left in storage pool");
            }
            VolDef again = pools.backendOf(p.def).resizeVol(p.def, now, target, allocate);
            p.volumes.put(again.name(), again);
            refreshSizes(p);
        }
    }

    /**
     * {@code storageBackendLoadDefaultSecrets}: an encrypted volume read from disk names no secret; the
     * volume secret whose usage is the volume's path is its secret.
     */
    VolDef withDefaultSecret(VolDef v) {
        if (v.encryption() == null || !v.encryption().secrets().isEmpty()) {
            return v;
        }
        UUID uuid = secrets.byVolumePath(v.path());
        return uuid == null ? v : v.withEncryption(new VolEncryption(v.encryption().format(),
                List.<String[]>of(new String[] {"passphrase", uuid.toString(), null}), v.encryption().cipher(),
                v.encryption().ivgen()));
    }

    /** {@code storageVolUpload}: a stream into the volume's file; the volume is read again when it finishes. */
    Stream upload(PoolObject p, VolDef v, long offset, long length, int flags) throws VirtException {
        StorageService.checkFlags(flags, 0, "storageVolUpload");
        VolDef vol;
        synchronized (pools.lock) {
            vol = current(p, v);
        }
        Path path = Path.of(vol.path());
        return FileStream.upload(path, offset, length, () -> {
            synchronized (pools.lock) {
                try {
                    if (p.active) {
                        VolDef again = pools.backendOf(p.def).refreshVol(p.def, vol);
                        p.volumes.put(again.name(), again);
                        refreshSizes(p);
                    }
                } catch (VirtException e) {
                    LOG.warn("cannot read volume '{}' after its upload: {}", path, e.getMessage());
                }
            }
        });
    }

    /** {@code storageVolDownload}: a stream of the volume's file. */
    Stream download(PoolObject p, VolDef v, long offset, long length, int flags) throws VirtException {
        StorageService.checkFlags(flags, 0, "storageVolDownload");
        synchronized (pools.lock) {
            return FileStream.download(Path.of(current(p, v).path()), offset, length);
        }
    }

    /** The volume as it is now; the caller holds the lock. */
    VolDef current(PoolObject p, VolDef v) throws VirtException {
        active(p);
        VolDef now = p.volumes.get(v.name());
        if (now == null || !now.key().equals(v.key())) {
            throw noVol("no storage vol with matching name '" + v.name() + "'");
        }
        return now;
    }

    private void refreshSizes(PoolObject p) throws VirtException {
        var s = pools.backendOf(p.def).sizes(p.def);
        p.capacity = s.capacity();
        p.allocation = s.allocation();
        p.available = s.available();
    }

    private static void active(PoolObject p) throws VirtException {
        if (!p.active) {
            throw StorageService.invalid("storage pool '" + p.def.name() + "' is not active");
        }
    }

    static VirtException noVol(String message) {
        return new VirtException(ErrorCode.NO_STORAGE_VOL, ErrorDomain.STORAGE, message);
    }
}
