package org.jvirt.storage.internal.conf;

import java.util.List;

import org.jvirt.api.StoragePoolListFlag;

/**
 * The pool types libvirt 9.0 knows, with its names, list flags and the source parts each one reads
 * and formats ({@code poolTypeInfo} in {@code storage_conf.c}). Only {@code dir} has a backend here:
 * the driver refuses the others.
 */
public enum PoolType {
    DIR("dir", StoragePoolListFlag.DIR, 0, List.of(), null),
    FS("fs", StoragePoolListFlag.FS, Source.DEVICE, List.of("auto", "ext2", "ext3", "ext4", "ufs", "iso9660",
            "udf", "gfs", "gfs2", "vfat", "hfs+", "xfs", "ocfs2", "vmfs"), "auto"),
    NETFS("netfs", StoragePoolListFlag.NETFS, Source.HOST | Source.DIR, List.of("auto", "nfs", "glusterfs", "cifs"),
            "auto"),
    LOGICAL("logical", StoragePoolListFlag.LOGICAL, Source.NAME | Source.DEVICE, List.of("unknown", "lvm2"), "lvm2"),
    DISK("disk", StoragePoolListFlag.DISK, Source.DEVICE, List.of("unknown", "dos", "dvh", "gpt", "mac", "bsd",
            "pc98", "sun", "lvm2"), "unknown"),
    ISCSI("iscsi", StoragePoolListFlag.ISCSI, Source.HOST | Source.DEVICE | Source.INITIATOR_IQN, List.of(), null),
    ISCSI_DIRECT("iscsi-direct", StoragePoolListFlag.ISCSI_DIRECT,
            Source.HOST | Source.DEVICE | Source.NETWORK | Source.INITIATOR_IQN, List.of(), null),
    SCSI("scsi", StoragePoolListFlag.SCSI, Source.ADAPTER, List.of(), null),
    MPATH("mpath", StoragePoolListFlag.MPATH, 0, List.of(), null),
    RBD("rbd", StoragePoolListFlag.RBD, Source.HOST | Source.NETWORK | Source.NAME, List.of(), null),
    SHEEPDOG("sheepdog", StoragePoolListFlag.SHEEPDOG, Source.HOST | Source.NETWORK | Source.NAME, List.of(), null),
    GLUSTER("gluster", StoragePoolListFlag.GLUSTER, Source.HOST | Source.NETWORK | Source.NAME | Source.DIR,
            List.of(), null),
    ZFS("zfs", StoragePoolListFlag.ZFS, Source.NAME | Source.DEVICE, List.of(), null),
    VSTORAGE("vstorage", StoragePoolListFlag.VSTORAGE, Source.NAME, List.of(), null);

    /** libvirt's {@code VIR_STORAGE_POOL_SOURCE_*} option flags. */
    static final class Source {
        static final int HOST = 1;
        static final int DEVICE = 2;
        static final int DIR = 4;
        static final int ADAPTER = 8;
        static final int NAME = 16;
        static final int INITIATOR_IQN = 32;
        static final int NETWORK = 64;

        private Source() {
        }
    }

    /** libvirt's {@code virStorageVolFormatDisk}: the partition types of a disk pool's volumes. */
    private static final List<String> PARTITION_FORMATS = List.of("none", "linux", "fat16", "fat32", "linux-swap",
            "linux-lvm", "linux-raid", "extended");

    private final String xmlName;
    private final StoragePoolListFlag listFlag;
    private final int sourceFlags;
    private final List<String> formats;
    private final String defaultFormat;

    PoolType(String xmlName, StoragePoolListFlag listFlag, int sourceFlags, List<String> formats, String defaultFormat) {
        this.xmlName = xmlName;
        this.listFlag = listFlag;
        this.sourceFlags = sourceFlags;
        this.formats = formats;
        this.defaultFormat = defaultFormat;
    }

    public String xmlName() {
        return xmlName;
    }

    public StoragePoolListFlag listFlag() {
        return listFlag;
    }

    boolean has(int sourceFlag) {
        return (sourceFlags & sourceFlag) != 0;
    }

    /** Whether DEVICE is the only source part, which makes a device mandatory. */
    boolean deviceOnly() {
        return sourceFlags == Source.DEVICE;
    }

    /** The source formats the type knows (its {@code formatFromString}); empty for none. */
    List<String> formats() {
        return formats;
    }

    String defaultFormat() {
        return defaultFormat;
    }

    /** Network pools (rbd, sheepdog, gluster, iscsi-direct) have no target. */
    boolean hasTarget() {
        return !has(Source.NETWORK);
    }

    /**
     * The volume formats a pool of this type reads and writes (its {@code volOptions}): files for the
     * file-based pools, partition types for disk, none for the block and network pools whose volumes
     * have no format in their XML (logical, zfs, rbd, ...).
     */
    public List<String> volFormats() {
        return switch (this) {
            case DIR, FS, NETFS, GLUSTER, VSTORAGE -> VolXml.FILE_FORMATS;
            case DISK -> PARTITION_FORMATS;
            default -> List.of();
        };
    }

    /** The volume format when the XML names none, null for types without volume formats. */
    public String volDefaultFormat() {
        List<String> formats = volFormats();
        return formats.isEmpty() ? null : formats == PARTITION_FORMATS ? "none" : "raw";
    }

    /** The type named {@code name}, null for none libvirt knows. */
    public static PoolType of(String name) {
        for (PoolType t : values()) {
            if (t.xmlName.equals(name)) {
                return t;
            }
        }
        return null;
    }
}
