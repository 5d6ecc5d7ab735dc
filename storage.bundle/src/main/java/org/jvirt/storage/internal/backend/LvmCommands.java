package org.jvirt.storage.internal.backend;

import java.util.ArrayList;
import java.util.List;

import org.jvirt.storage.internal.conf.PoolDef;
import org.jvirt.storage.internal.conf.VolDef;

/**
 * LVM command lines exactly as libvirt 9.0's {@code storage_backend_logical.c} builds them. {@code bin}
 * is prefixed to each tool's name: empty for the tools on PATH, a folder (ending in '/') otherwise.
 */
public record LvmCommands(String bin) {
    /** libvirt's extra room for a LUKS header in an encrypted LV. */
    private static final long LUKS_HEADER = 2L * 1024 * 1024;

    /** {@code virStorageBackendLogicalChangeCmd}: {@code vgchange -aly|-aln <vg>}. */
    public List<String> change(PoolDef def, boolean on) {
        return List.of(bin + "vgchange", on ? "-aly" : "-aln", def.source().name());
    }

    public List<String> pvcreate(String device) {
        return List.of(bin + "pvcreate", device);
    }

    public List<String> pvremove(String device) {
        return List.of(bin + "pvremove", device);
    }

    /** {@code vgcreate <vg> <device>...}. */
    public List<String> vgcreate(PoolDef def) {
        List<String> argv = new ArrayList<>(List.of(bin + "vgcreate", def.source().name()));
        def.source().devices().forEach(d -> argv.add(d.path()));
        return argv;
    }

    public List<String> vgremove(PoolDef def) {
        return List.of(bin + "vgremove", "-f", def.source().name());
    }

    /** {@code virStorageBackendLogicalFindLVs}. */
    public List<String> lvs(PoolDef def) {
        return List.of(bin + "lvs", "--separator", "#", "--noheadings", "--units", "b", "--unbuffered", "--nosuffix",
                "--options", "lv_name,origin,uuid,devices,segtype,stripes,seg_size,vg_extent_size,size,lv_attr",
                def.source().name());
    }

    /** {@code virStorageBackendLogicalRefreshPool}. */
    public List<String> vgs(PoolDef def) {
        return List.of(bin + "vgs", "--separator", ":", "--noheadings", "--units", "b", "--unbuffered", "--nosuffix",
                "--options", "vg_size,vg_free", def.source().name());
    }

    /** {@code virStorageBackendLogicalGetPoolSources}. */
    public List<String> pvs() {
        return List.of(bin + "pvs", "--noheadings", "-o", "pv_name,vg_name");
    }

    public List<String> vgscan() {
        return List.of(bin + "vgscan");
    }

    /**
     * {@code virStorageBackendLogicalLVCreate}: a sparse snapshot ({@code --type snapshot --virtualsize})
     * when the allocation is not the capacity, sizes in KiB rounded up, a snapshot of the backing LV when
     * there is one.
     */
    public List<String> lvcreate(PoolDef def, VolDef vol) {
        List<String> argv = new ArrayList<>(List.of(bin + "lvcreate", "--name", vol.name(), "-L"));
        long capacity = vol.capacity();
        if (capacity != vol.allocation()) {
            argv.add(kib(vol.allocation() != 0 ? vol.allocation() : 1));
            argv.addAll(List.of("--type", "snapshot", "--virtualsize"));
        }
        if (vol.encryption() != null) {
            capacity += LUKS_HEADER;
        }
        argv.add(kib(capacity));
        if (vol.backing() != null) {
            argv.addAll(List.of("-s", vol.backing().path()));
        } else {
            argv.add(def.source().name());
        }
        return argv;
    }

    /** {@code lvremove -f <path>}, and {@code lvchange -aln <path>} to try again when it fails. */
    public List<String> lvremove(VolDef vol) {
        return List.of(bin + "lvremove", "-f", vol.path());
    }

    public List<String> lvchangeOff(VolDef vol) {
        return List.of(bin + "lvchange", "-aln", vol.path());
    }

    /** {@code VIR_DIV_UP(bytes, 1024)} with 'K'. */
    private static String kib(long bytes) {
        return Long.toUnsignedString(Long.divideUnsigned(bytes, 1024) + (Long.remainderUnsigned(bytes, 1024) != 0 ? 1 : 0)) + "K";
    }
}
