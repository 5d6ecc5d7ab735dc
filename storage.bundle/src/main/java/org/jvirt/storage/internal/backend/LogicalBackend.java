package org.jvirt.storage.internal.backend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.StoragePoolBuildFlag;
import org.jvirt.api.StorageVolType;
import org.jvirt.api.VirtException;
import org.jvirt.storage.internal.conf.PoolDef;
import org.jvirt.storage.internal.conf.Perms;
import org.jvirt.storage.internal.conf.VolDef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code logical} pools: an LVM volume group on the pool's source devices, its logical volumes the
 * pool's volumes (libvirt 9.0's {@code storage_backend_logical.c}, with its command lines from
 * {@link LvmCommands} and its report parsing from {@link LvmOutput}).
 */
public final class LogicalBackend {
    private static final Logger LOG = LoggerFactory.getLogger(LogicalBackend.class);
    /** What libvirt zeros at both ends of a device before {@code pvcreate}. */
    private static final long PARTITION_TABLE_SIZE = 1024 * 1024;
    /** blkid's name of an LVM physical volume (libvirt's pool format "lvm2"). */
    private static final String PV_FORMAT = "LVM2_member";

    private final LvmCommands lvm;
    private final String blkid;
    private final QemuImgCreate qemuImg;
    private final boolean root;

    public LogicalBackend(LvmCommands lvm, String blkid, String qemuImg, VolumeSecrets secrets, boolean root) {
        this.lvm = lvm;
        this.blkid = blkid;
        this.qemuImg = new QemuImgCreate(qemuImg, secrets);
        this.root = root;
    }

    /** The volumes and sizes a refresh reads. */
    public record Refreshed(Map<String, VolDef> volumes, DirBackend.Sizes sizes) {
    }

    /**
     * {@code virStorageBackendLogicalBuildPool}: each device checked empty (unless OVERWRITE), its ends
     * zeroed and {@code pvcreate}d, then {@code vgcreate}; a failure {@code pvremove}s what was initialized.
     */
    public void build(PoolDef def, int flags) throws VirtException {
        int initialized = 0;
        try {
            for (var device : def.source().devices()) {
                if ((flags & StoragePoolBuildFlag.OVERWRITE.bit()) == 0) {
                    DeviceProbe.requireEmpty(blkid, device.path(), PV_FORMAT);
                }
                BlockDevices.zeroEnds(device.path(), PARTITION_TABLE_SIZE);
                HostCommand.run(lvm.pvcreate(device.path()));
                initialized++;
            }
            HostCommand.run(lvm.vgcreate(def));
        } catch (VirtException e) {
            for (int i = 0; i < initialized; i++) {
                removeDevice(def.source().devices().get(i).path());
            }
            throw e;
        }
    }

    /** {@code virStorageBackendLogicalStartPool}: the group and its devices known to LVM, then {@code vgchange -aly}. */
    public void start(PoolDef def) throws VirtException {
        matchSource(def);
        HostCommand.run(lvm.change(def, true));
    }

    /** {@code vgchange -aln}: fails while a logical volume is open, and the pool stays active. */
    public void stop(PoolDef def) throws VirtException {
        HostCommand.run(lvm.change(def, false));
    }

    /** {@code virStorageBackendLogicalDeletePool}: {@code vgremove -f}, then each device's label removed. */
    public void delete(PoolDef def) throws VirtException {
        HostCommand.run(lvm.vgremove(def));
        for (var device : def.source().devices()) {
            removeDevice(device.path());
        }
    }

    /** {@code virStorageBackendLogicalRefreshPool}: the active LVs ({@code lvs}), then the group's sizes ({@code vgs}). */
    public Refreshed refresh(PoolDef def) throws VirtException {
        Map<String, VolDef> volumes = new LinkedHashMap<>();
        for (LvmOutput.Lv lv : LvmOutput.lvs(HostCommand.run(lvm.lvs(def))).values()) {
            volumes.put(lv.name(), volume(def, lv, null));
        }
        return new Refreshed(volumes, sizes(def));
    }

    /** Sizes only, after a volume changed. */
    public DirBackend.Sizes sizes(PoolDef def) throws VirtException {
        return LvmOutput.vgs(HostCommand.run(lvm.vgs(def)));
    }

    /**
     * {@code virStorageBackendLogicalCreateVol} (and {@code BuildVolFrom} with {@code input}): {@code lvcreate},
     * the device's owner and mode, the content of {@code input} (raw copied, others {@code qemu-img convert}),
     * then the new LV as {@code lvs} reports it. A failure after {@code lvcreate} removes the LV.
     */
    public VolDef createVolume(PoolDef def, VolDef vol, VolDef input) throws VirtException {
        if (vol.encryption() != null) {
            if (!"luks".equals(vol.encryption().format())) {
                throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.STORAGE,
                        "storage pool only supports LUKS encrypted volumes");
            }
            throw new VirtException(ErrorCode.NO_SUPPORT, ErrorDomain.STORAGE,
                    "LUKS encrypted logical volumes are not supported by this storage driver");
        }
        HostCommand.run(lvm.lvcreate(def, vol));
        try {
            Path device = Path.of(vol.path());
            if (!Files.exists(device)) {
                throw new VirtException(ErrorCode.NO_STORAGE_VOL, ErrorDomain.STORAGE,
                        "no storage vol with matching path '" + vol.path() + "'");
            }
            BlockDevices.own(device, vol.perms(), DirBackend.DEFAULT_VOL_MODE, root);
            LvmOutput.Lv lv = LvmOutput.lvs(HostCommand.run(lvm.lvs(def))).get(vol.name());
            if (lv == null) {
                throw DirBackend.system("cannot find newly created volume '" + vol.path() + "'", "No such file or directory");
            }
            VolDef created = volume(def, lv, vol);
            if (input != null) {
                fill(def, created, input);
            }
            return created;
        } catch (VirtException e) {
            try {
                deleteVolume(vol);
            } catch (VirtException again) {
                LOG.warn("cannot remove logical volume '{}' after a failed creation: {}", vol.path(), again.getMessage());
            }
            throw e;
        }
    }

    /** {@code virStorageBackendLogicalDeleteVol}: {@code lvremove -f}, deactivated first when that fails. */
    public void deleteVolume(VolDef vol) throws VirtException {
        try {
            HostCommand.run(lvm.lvremove(vol));
        } catch (VirtException first) {
            LOG.info("lvremove of '{}' failed, deactivating it first: {}", vol.path(), first.getMessage());
            HostCommand.run(lvm.lvchangeOff(vol));
            HostCommand.run(lvm.lvremove(vol));
        }
    }

    /** {@code virStorageBackendLogicalVolWipe}: zeros over the allocation; sparse LVs would fill up and are refused. */
    public void wipeVolume(PoolDef def, VolDef vol) throws VirtException {
        LvmOutput.Lv lv = LvmOutput.lvs(HostCommand.run(lvm.lvs(def))).get(vol.name());
        if (lv != null && lv.sparse()) {
            throw new VirtException(ErrorCode.NO_SUPPORT, ErrorDomain.STORAGE,
                    "logical volume '" + vol.path() + "' is sparse, volume wipe not supported");
        }
        BlockDevices.zero(vol.path(), vol.allocation());
    }

    /** {@code virStorageBackendGetBuildVolFromFunction} for a block target. */
    private void fill(PoolDef def, VolDef vol, VolDef input) throws VirtException {
        boolean convert = input.type() == StorageVolType.FILE && input.format() != null && !"raw".equals(input.format())
                || input.encryption() != null;
        if (convert) {
            qemuImg.create(def, vol, input, false);
        } else {
            BlockDevices.copy(input.path(), vol.path());
        }
    }

    /** One LV as libvirt's {@code MakeVol} fills it: a block volume at {@code <target>/<name>}, keyed by its UUID. */
    private static VolDef volume(PoolDef def, LvmOutput.Lv lv, VolDef requested) {
        String path = def.targetPath() + "/" + lv.name();
        Path device = Path.of(path);
        long capacity = lv.size();
        Perms perms = requested != null ? requested.perms() : Perms.NONE;
        try {
            capacity = BlockDevices.size(device);
            perms = BlockDevices.perms(device);
        } catch (IOException e) {
            LOG.debug("logical volume '{}' has no readable device: {}", path, e.getMessage());
        }
        VolDef.Backing backing = lv.origin() == null ? null
                : new VolDef.Backing(def.targetPath() + "/" + lv.origin(), null, Perms.NONE);
        return new VolDef(lv.name(), lv.uuid(), StorageVolType.BLOCK, capacity, true, lv.size(), true, path, null,
                perms, null, false, 0, null, backing, null);
    }

    /** {@code virStorageBackendLogicalMatchPoolSource}. */
    private void matchSource(PoolDef def) throws VirtException {
        try {
            HostCommand.run(lvm.vgscan());
        } catch (VirtException e) {
            LOG.warn("Failure when running vgscan to refresh physical volumes: {}", e.getMessage());
        }
        String vg = def.source().name();
        List<String> devices = LvmOutput.pvs(HostCommand.run(lvm.pvs())).get(vg);
        if (devices == null) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.STORAGE,
                    "cannot find logical volume group name '" + vg + "'");
        }
        if (def.source().devices().isEmpty()) {
            return;
        }
        long matches = def.source().devices().stream().filter(d -> devices.contains(d.path())).count();
        if (matches == 0) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.STORAGE,
                    "cannot find any matching source devices for logical volume group '" + vg + "'");
        }
        if (matches != def.source().devices().size()) {
            LOG.warn("pool device list count doesn't match pvs device list count for '{}'", vg);
        }
    }

    /** {@code virStorageBackendLogicalRemoveDevice}: a failure is only noted. */
    private void removeDevice(String path) {
        try {
            HostCommand.run(lvm.pvremove(path));
        } catch (VirtException e) {
            LOG.info("Failed to pvremove logical device '{}': {}", path, e.getMessage());
        }
    }
}
