package org.jvirt.storage.internal.backend;

import org.jvirt.api.VirtException;
import org.jvirt.storage.internal.conf.PoolDef;

/**
 * Pool type {@code fs}: a {@code dir} pool on a file system mounted on the target at start (libvirt's
 * storage_backend_fs.c, virStorageBackendFileSystemMount/Unmount), made with mkfs when built with flags.
 */
public final class FsPool extends DirPool {
    private final FsBackend fs;

    public FsPool(DirBackend files, FsBackend fs) {
        super(files);
        this.fs = fs;
    }

    @Override
    public void build(PoolDef def, int flags) throws VirtException {
        files.build(def);
        if (flags != 0) {
            fs.makeFileSystem(def, flags);
        }
    }

    @Override
    public void start(PoolDef def) throws VirtException {
        fs.mount(def);
    }

    @Override
    public void stop(PoolDef def) throws VirtException {
        fs.unmount(def);
    }
}
