package org.jvirt.storage.internal.backend;

import java.util.Map;

import org.jvirt.api.VirtException;
import org.jvirt.storage.internal.conf.PoolDef;
import org.jvirt.storage.internal.conf.VolDef;

/**
 * What one pool type does on the host: libvirt's {@code virStorageBackend} table (buildPool, startPool,
 * checkPool, stopPool, deletePool, refreshPool, buildVol, deleteVol, wipeVol, resizeVol). The storage
 * service picks the backend by the pool's type and holds its lock while calling in.
 */
public interface PoolBackend {

    /** What a refresh reads: the volumes by name and the pool's sizes. */
    record Contents(Map<String, VolDef> volumes, DirBackend.Sizes sizes) {
    }

    /** buildPool; {@code flags} are virStoragePoolBuildFlags. */
    void build(PoolDef def, int flags) throws VirtException;

    /** startPool: makes the pool's storage reachable (mount, volume group activation); nothing for dir. */
    void start(PoolDef def) throws VirtException;

    /** checkPool: after {@link #start}, that the target is what the pool needs. */
    void check(PoolDef def) throws VirtException;

    /** stopPool: the opposite of {@link #start}. */
    void stop(PoolDef def) throws VirtException;

    /** deletePool. */
    void delete(PoolDef def) throws VirtException;

    /** refreshPool: the volumes and sizes as the host has them now. */
    Contents refresh(PoolDef def) throws VirtException;

    /** The pool's capacity, allocation and available space now. */
    DirBackend.Sizes sizes(PoolDef def) throws VirtException;

    /**
     * buildVol / buildVolFrom: makes {@code vol} (from {@code input} when not null) and returns it as the
     * pool now lists it.
     */
    VolDef createVol(PoolDef def, VolDef vol, VolDef input, boolean preallocMetadata) throws VirtException;

    /** refreshVol: the volume as the host has it now (after an upload, say). */
    VolDef refreshVol(PoolDef def, VolDef vol) throws VirtException;

    /** deleteVol. */
    void deleteVol(PoolDef def, VolDef vol) throws VirtException;

    /** wipeVol; returns the volume read again, or null when the pool's listing does not change. */
    VolDef wipeVol(PoolDef def, VolDef vol) throws VirtException;

    /** resizeVol; returns the volume read again. */
    VolDef resizeVol(PoolDef def, VolDef vol, long capacity, boolean allocate) throws VirtException;
}
