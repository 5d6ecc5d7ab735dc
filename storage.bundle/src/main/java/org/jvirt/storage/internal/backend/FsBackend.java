package org.jvirt.storage.internal.backend;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.StoragePoolBuildFlag;
import org.jvirt.api.VirtException;
import org.jvirt.storage.internal.conf.PoolDef;
import org.jvirt.storage.internal.conf.PoolType;

/**
 * What an {@code fs} pool adds to a directory pool (libvirt's {@code storage_backend_fs.c}): its source
 * device mounted on the target at start and unmounted at stop (nothing to do when it already is, as
 * the mount table says), and a build that formats the device with {@code mkfs} when asked to
 * (OVERWRITE always, NO_OVERWRITE only when {@code blkid} finds no file system on it).
 */
public final class FsBackend {
    private static final Path MOUNTS = Path.of("/proc/self/mounts");

    private final String mount;
    private final String umount;
    private final String mkfs;
    private final String blkid;

    public FsBackend(String mount, String umount, String mkfs, String blkid) {
        this.mount = mount;
        this.umount = umount;
        this.mkfs = mkfs;
        this.blkid = blkid;
    }

    /** {@code virStorageBackendFileSystemMount}. */
    public void mount(PoolDef def) throws VirtException {
        valid(def);
        if (!isMounted(def)) {
            HostCommand.run(MountCommand.build(mount, def));
        }
    }

    /** {@code virStorageBackendFileSystemStop}. */
    public void unmount(PoolDef def) throws VirtException {
        valid(def);
        if (isMounted(def)) {
            HostCommand.run(List.of(umount, def.targetPath()));
        }
    }

    /** {@code virStorageBackendMakeFileSystem}, after the directory was built; {@code flags} not 0. */
    public void makeFileSystem(PoolDef def, int flags) throws VirtException {
        if (def.source().devices().isEmpty()) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.STORAGE,
                    "No source device specified when formatting pool '" + def.name() + "'");
        }
        String device = def.source().devices().get(0).path();
        String format = def.source().format();
        if (!Files.exists(Path.of(device))) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.STORAGE,
                    "Source device does not exist when formatting pool '" + def.name() + "'");
        }
        if ((flags & StoragePoolBuildFlag.OVERWRITE.bit()) == 0) {
            DeviceProbe.requireEmpty(blkid, device, format);
        }
        HostCommand.run(mkfsCommand(mkfs, device, format));
    }

    /** {@code virStorageBackendExecuteMKFS}: the force option each mkfs needs to write over what is there. */
    public static List<String> mkfsCommand(String mkfs, String device, String format) {
        return switch (format) {
            case "xfs" -> List.of(mkfs, "-t", format, "-f", device);
            case "ext2", "ext3", "ext4" -> List.of(mkfs, "-t", format, "-F", device);
            case "vfat" -> List.of(mkfs, "-t", format, "-I", device);
            default -> List.of(mkfs, "-t", format, device);
        };
    }

    /** {@code virStorageBackendFileSystemIsMounted}: target and source both match a mount table entry. */
    public boolean isMounted(PoolDef def) throws VirtException {
        List<String> lines;
        try {
            lines = Files.readAllLines(MOUNTS, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw DirBackend.system("cannot read mount list '" + MOUNTS + "'", DirBackend.reason(e));
        }
        String source = MountCommand.source(def);
        for (String line : lines) {
            String[] f = line.split(" ");
            if (f.length > 2 && samePath(unescape(f[1]), def.targetPath()) && samePath(unescape(f[0]), source)) {
                return true;
            }
        }
        return false;
    }

    /** {@code virStorageBackendFileSystemIsValid}. */
    private static void valid(PoolDef def) throws VirtException {
        if (def.type() == PoolType.NETFS) {
            if (def.source().hosts().size() != 1) {
                throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.STORAGE,
                        "expected exactly 1 host for the storage pool");
            }
            if (def.source().dir() == null) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.STORAGE, "missing source path");
            }
        } else if (def.source().devices().size() != 1) {
            throw def.source().devices().isEmpty()
                    ? new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.STORAGE, "missing source device")
                    : new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.STORAGE,
                            "expected exactly 1 device for the storage pool");
        }
    }

    /** {@code virFileComparePaths}: equal once links are resolved (as given when they cannot be). */
    private static boolean samePath(String a, String b) {
        return resolved(a).equals(resolved(b));
    }

    private static String resolved(String p) {
        try {
            return Path.of(p).toRealPath().toString();
        } catch (IOException | RuntimeException e) {
            return p;
        }
    }

    /** The mount table writes space, tab, newline and backslash as octal escapes. */
    private static String unescape(String s) {
        return s.replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n").replace("\\134", "\\");
    }
}
