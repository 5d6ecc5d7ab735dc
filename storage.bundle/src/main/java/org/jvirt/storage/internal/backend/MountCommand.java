package org.jvirt.storage.internal.backend;

import java.util.ArrayList;
import java.util.List;

import org.jvirt.storage.internal.conf.PoolDef;
import org.jvirt.storage.internal.conf.PoolType;

/**
 * The {@code mount} command line of an fs or netfs pool, exactly as libvirt 9.0's
 * {@code virStorageBackendFileSystemMountCmd} builds it on Linux: the default options
 * {@code nodev,nosuid,noexec}, then the NFS version, gluster's or cifs's own option, then the
 * {@code <fs:mount_opts>} of the pool XML; {@code -t} with the source format except for netfs
 * {@code auto} (plain mount finds NFS itself).
 */
public final class MountCommand {
    /** libvirt's {@code default_mount_opts} on Linux. */
    static final String DEFAULT_OPTIONS = "nodev,nosuid,noexec";

    private MountCommand() {
    }

    /** {@code virStorageBackendFileSystemGetPoolSource}: the device, {@code host:dir}, or {@code //host/dir} for cifs. */
    public static String source(PoolDef def) {
        if (def.type() == PoolType.NETFS) {
            String host = def.source().hosts().get(0).name();
            return "cifs".equals(def.source().format()) ? "//" + host + "/" + def.source().dir()
                    : host + ":" + def.source().dir();
        }
        return def.source().devices().get(0).path();
    }

    public static List<String> build(String mount, PoolDef def) {
        String format = def.source().format();
        boolean net = def.type() == PoolType.NETFS;
        String nfsVers = net && def.source().protocolVer() != null ? "nfsvers=" + def.source().protocolVer() : null;
        List<String> argv = new ArrayList<>(List.of(mount));
        if (net && "auto".equals(format)) {
            options(argv, def, nfsVers);
            argv.addAll(List.of(source(def), def.targetPath()));
            return argv;
        }
        if (net && "glusterfs".equals(format)) {
            options(argv, def, "direct-io-mode=1");
        } else if (net && "cifs".equals(format)) {
            options(argv, def, "guest");
        } else {
            options(argv, def, nfsVers);
        }
        argv.addAll(List.of("-t", format, source(def), def.targetPath()));
        return argv;
    }

    /** {@code virStorageBackendFileSystemMountAddOptions}. */
    private static void options(List<String> argv, PoolDef def, String provided) {
        StringBuilder b = new StringBuilder(DEFAULT_OPTIONS).append(',');
        if (provided != null) {
            b.append(provided).append(',');
        }
        if (def.namespace() != null) { // fs and netfs pools only have <fs:mount_opts>
            for (String[] option : def.namespace().options()) {
                b.append(option[0]).append(',');
            }
        }
        b.setLength(b.length() - 1);
        argv.addAll(List.of("-o", b.toString()));
    }
}
