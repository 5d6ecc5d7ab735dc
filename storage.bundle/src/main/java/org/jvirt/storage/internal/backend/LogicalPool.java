package org.jvirt.storage.internal.backend;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.storage.internal.conf.PoolDef;
import org.jvirt.storage.internal.conf.VolDef;

/** Pool type {@code logical}: an LVM volume group (libvirt's storage_backend_logical.c). */
public final class LogicalPool implements PoolBackend {
    private final LogicalBackend lvm;

    public LogicalPool(LogicalBackend lvm) {
        this.lvm = lvm;
    }

    @Override
    public void build(PoolDef def, int flags) throws VirtException {
        lvm.build(def, flags);
    }

    @Override
    public void start(PoolDef def) throws VirtException {
        lvm.start(def);
    }

    @Override
    public void check(PoolDef def) throws VirtException {
        // the volume group's activation is its check
    }

    @Override
    public void stop(PoolDef def) throws VirtException {
        lvm.stop(def);
    }

    @Override
    public void delete(PoolDef def) throws VirtException {
        lvm.delete(def);
    }

    @Override
    public Contents refresh(PoolDef def) throws VirtException {
        LogicalBackend.Refreshed r = lvm.refresh(def);
        return new Contents(r.volumes(), r.sizes());
    }

    @Override
    public DirBackend.Sizes sizes(PoolDef def) throws VirtException {
        return lvm.sizes(def);
    }

    @Override
    public VolDef createVol(PoolDef def, VolDef vol, VolDef input, boolean preallocMetadata) throws VirtException {
        return lvm.createVolume(def, vol, input);
    }

    @Override
    public VolDef refreshVol(PoolDef def, VolDef vol) throws VirtException {
        VolDef now = lvm.refresh(def).volumes().get(vol.name()); // one lvs run reads them all
        if (now == null) {
            throw new VirtException(ErrorCode.NO_STORAGE_VOL, ErrorDomain.STORAGE,
                    "no storage vol with matching path '" + vol.path() + "'");
        }
        return now;
    }

    @Override
    public void deleteVol(PoolDef def, VolDef vol) throws VirtException {
        lvm.deleteVolume(vol);
    }

    @Override
    public VolDef wipeVol(PoolDef def, VolDef vol) throws VirtException {
        lvm.wipeVolume(def, vol);
        return null;
    }

    @Override
    public VolDef resizeVol(PoolDef def, VolDef vol, long capacity, boolean allocate) throws VirtException {
        // libvirt 9.0's logical backend has no resizeVol
        throw new VirtException(ErrorCode.NO_SUPPORT, ErrorDomain.STORAGE,
                "storage pool does not support changing of volume capacity");
    }
}
