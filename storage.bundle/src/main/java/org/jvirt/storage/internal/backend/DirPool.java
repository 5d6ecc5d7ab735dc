package org.jvirt.storage.internal.backend;

import java.nio.file.Path;
import java.util.List;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.storage.internal.conf.PoolDef;
import org.jvirt.storage.internal.conf.VolDef;

/** Pool type {@code dir}: libvirt's storage_backend_fs.c for a plain folder. */
public class DirPool implements PoolBackend {
    protected final DirBackend files;

    public DirPool(DirBackend files) {
        this.files = files;
    }

    @Override
    public void build(PoolDef def, int flags) throws VirtException {
        files.build(def);
    }

    @Override
    public void start(PoolDef def) throws VirtException {
        // a folder needs nothing to become reachable
    }

    @Override
    public void check(PoolDef def) throws VirtException {
        files.check(def);
    }

    @Override
    public void stop(PoolDef def) throws VirtException {
        // nothing was started
    }

    @Override
    public void delete(PoolDef def) throws VirtException {
        files.delete(def);
    }

    @Override
    public Contents refresh(PoolDef def) throws VirtException {
        return new Contents(files.refresh(def), files.sizes(def));
    }

    @Override
    public DirBackend.Sizes sizes(PoolDef def) throws VirtException {
        return files.sizes(def);
    }

    @Override
    public VolDef createVol(PoolDef def, VolDef vol, VolDef input, boolean preallocMetadata) throws VirtException {
        files.createVolume(def, vol, input, preallocMetadata);
        return reread(Path.of(vol.path()));
    }

    @Override
    public VolDef refreshVol(PoolDef def, VolDef vol) throws VirtException {
        return reread(Path.of(vol.path()));
    }

    @Override
    public void deleteVol(PoolDef def, VolDef vol) throws VirtException {
        files.deleteVolume(vol);
    }

    @Override
    public VolDef wipeVol(PoolDef def, VolDef vol) throws VirtException {
        files.wipeVolume(vol);
        return reread(Path.of(vol.path()));
    }

    @Override
    public VolDef resizeVol(PoolDef def, VolDef vol, long capacity, boolean allocate) throws VirtException {
        files.resizeVolume(vol, capacity, allocate);
        return reread(Path.of(vol.path()));
    }

    /** One volume file read again (its header and allocation), as refreshVol. */
    private VolDef reread(Path path) throws VirtException {
        long alloc = Allocation.of(List.of(path)).getOrDefault(path, 0L);
        VolDef v = files.describe(path, alloc);
        if (v == null) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.STORAGE,
                    "cannot read volume '" + path + "' after creating it");
        }
        return v;
    }
}
