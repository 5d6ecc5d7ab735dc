package org.jvirt.storage.internal.backend;

import java.io.File;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.StorageVolType;
import org.jvirt.api.VirtException;
import org.jvirt.storage.internal.conf.Perms;
import org.jvirt.storage.internal.conf.PoolDef;
import org.jvirt.storage.internal.conf.VolDef;
import org.jvirt.storage.internal.conf.VolEncryption;

/**
 * libvirt's {@code dir} pool backend ({@code storage_backend_fs.c} and the local helpers of
 * {@code storage_util.c}): the pool is a directory, its volumes the files in it.
 */
public final class DirBackend {
    /** libvirt's {@code VIR_STORAGE_DEFAULT_POOL_PERM_MODE}. */
    static final int DEFAULT_POOL_MODE = 0711;
    /** libvirt's {@code VIR_STORAGE_DEFAULT_VOL_PERM_MODE}. */
    static final int DEFAULT_VOL_MODE = 0600;

    private final String qemuImg;
    private final QemuImgCreate qemuImgCreate;

    public DirBackend(String qemuImg, VolumeSecrets secrets) {
        this.qemuImg = qemuImg;
        this.qemuImgCreate = new QemuImgCreate(qemuImg, secrets);
    }

    /** Sizes of the file system holding the pool: capacity, allocation, available (libvirt's statvfs). */
    public record Sizes(long capacity, long allocation, long available) {
    }

    public void build(PoolDef def) throws VirtException {
        Path target = Path.of(def.targetPath());
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(target)) {
            throw system("cannot create path '" + target + "'", "File exists");
        }
        try {
            Files.createDirectories(target);
            int mode = def.perms().mode() == -1 ? DEFAULT_POOL_MODE : def.perms().mode();
            Files.setPosixFilePermissions(target, posix(mode));
        } catch (IOException e) {
            throw system("cannot create path '" + target + "'", reason(e));
        }
    }

    /** Checks the target before a start, as the refresh that follows would ({@code virDirOpen}). */
    public void check(PoolDef def) throws VirtException {
        Path target = Path.of(def.targetPath());
        if (!Files.exists(target)) {
            throw system("cannot open directory '" + target + "'", "No such file or directory");
        }
        if (!Files.isDirectory(target)) {
            throw system("cannot open directory '" + target + "'", "Not a directory");
        }
    }

    public void delete(PoolDef def) throws VirtException {
        try {
            Files.delete(Path.of(def.targetPath()));
        } catch (IOException e) {
            throw system("failed to remove pool '" + def.targetPath() + "'", reason(e));
        }
    }

    public Sizes sizes(PoolDef def) throws VirtException {
        // statvfs of the folder through java.io.File (f_blocks, f_bfree, f_bavail times f_frsize, as
        // FileStore's sizes), which unlike Files.getFileStore does not first read /proc/mounts to
        // find the folder's mount; File answers 0 for a path it cannot statvfs
        File folder = new File(def.targetPath());
        long total = folder.getTotalSpace();
        if (total == 0 && !folder.isDirectory()) {
            throw system("cannot statvfs path '" + def.targetPath() + "'",
                    folder.exists() ? "Not a directory" : "No such file or directory");
        }
        return new Sizes(total, total - folder.getFreeSpace(), folder.getUsableSpace());
    }

    /** The volumes in the pool's directory, by name ({@code virStorageBackendRefreshLocal}). */
    public Map<String, VolDef> refresh(PoolDef def) throws VirtException {
        check(def);
        Path target = Path.of(def.targetPath());
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(target)) {
            for (Path p : ds) {
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) || Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    files.add(p);
                }
            }
        } catch (IOException e) {
            throw system("cannot open directory '" + target + "'", reason(e));
        }
        files.sort(null);
        Map<Path, Long> allocations = Allocation.of(files);
        Map<String, VolDef> out = new LinkedHashMap<>();
        for (Path p : files) {
            VolDef v = describe(p, allocations.getOrDefault(p, 0L));
            if (v != null) {
                out.put(v.name(), v);
            }
        }
        return out;
    }

    /** One volume as a refresh reads it, null when it cannot be read (it vanished, no permission). */
    public VolDef describe(Path p, long allocation) {
        try {
            Perms perms = perms(p);
            String name = p.getFileName().toString();
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                return new VolDef(name, p.toString(), StorageVolType.DIR, Files.size(p), true, allocation, true,
                        p.toString(), "dir", perms, null, false, 0, null, null, null);
            }
            FileProbe probe = FileProbe.of(p);
            VolDef.Backing backing = probe.backingPath() == null ? null
                    : new VolDef.Backing(probe.backingPath(), probe.backingFormat(), Perms.NONE);
            VolEncryption encryption = probe.encryption() == null ? null
                    : new VolEncryption(probe.encryption(), List.of(), null, null);
            return new VolDef(name, p.toString(), StorageVolType.FILE, probe.capacity(), true, allocation, true,
                    p.toString(), probe.format(), perms, probe.compat(), false, probe.clusterSize(),
                    probe.features(), backing, encryption);
        } catch (IOException e) {
            return null;
        }
    }

    /** Creates {@code vol} (its path set), from {@code input} when given. */
    public void createVolume(PoolDef pool, VolDef vol, VolDef input, boolean preallocate) throws VirtException {
        Path path = Path.of(vol.path());
        if ("dir".equals(vol.format())) {
            try {
                Files.createDirectory(path, PosixFilePermissions.asFileAttribute(posix(mode(vol, 0755))));
            } catch (IOException e) {
                throw system("cannot create path '" + path + "'", reason(e));
            }
            return;
        }
        // virStorageBackendGetBuildVolFromFunction: qemu-img for every other format and for encryption
        boolean qemuImgNeeded = !"raw".equals(vol.format()) || vol.encryption() != null
                || (input != null && (!"raw".equals(input.format()) || input.encryption() != null));
        if (qemuImgNeeded) {
            qemuImgCreate.create(pool, vol, input, preallocate);
            chmod(path, mode(vol, DEFAULT_VOL_MODE));
            return;
        }
        if (preallocate) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.STORAGE,
                    "metadata preallocation is not supported for raw volumes");
        }
        if (vol.backing() != null) {
            throw new VirtException(ErrorCode.NO_SUPPORT, ErrorDomain.STORAGE, "backing storage not supported for raw volumes");
        }
        RawFiles.create(path, mode(vol, DEFAULT_VOL_MODE), vol, input);
    }

    public void deleteVolume(VolDef vol) throws VirtException {
        Path p = Path.of(vol.path());
        try {
            Files.delete(p);
        } catch (NoSuchFileException e) {
            // already gone: libvirt ignores ENOENT
        } catch (IOException e) {
            throw system((vol.type() == StorageVolType.DIR ? "cannot remove directory '" : "cannot unlink file '") + p + "'",
                    reason(e));
        }
    }

    public void wipeVolume(VolDef vol) throws VirtException {
        RawFiles.zero(Path.of(vol.path()));
    }

    public void resizeVolume(VolDef vol, long capacity, boolean allocate) throws VirtException {
        if ("raw".equals(vol.format())) {
            RawFiles.resize(Path.of(vol.path()), capacity, allocate);
            return;
        }
        if (allocate) {
            throw new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.STORAGE,
                    "preallocate is only supported for raw type volume");
        }
        List<String> argv = new ArrayList<>(List.of(qemuImg, "resize"));
        if (Long.compareUnsigned(capacity, vol.capacity()) < 0) {
            argv.add("--shrink");
        }
        argv.add(vol.path());
        argv.add(Long.toUnsignedString(capacity));
        HostCommand.run(argv);
    }

    static int mode(VolDef vol, int fallback) {
        return vol.perms().mode() == -1 ? fallback : vol.perms().mode();
    }

    static Set<PosixFilePermission> posix(int mode) {
        StringBuilder s = new StringBuilder();
        String rwx = "rwxrwxrwx";
        for (int i = 0; i < 9; i++) {
            s.append((mode & (1 << (8 - i))) != 0 ? rwx.charAt(i) : '-');
        }
        return PosixFilePermissions.fromString(s.toString());
    }

    static void chmod(Path p, int mode) throws VirtException {
        try {
            Files.setPosixFilePermissions(p, posix(mode));
        } catch (IOException e) {
            throw system("cannot set mode of '" + p + "' to " + Integer.toOctalString(mode), reason(e));
        }
    }

    private static Perms perms(Path p) throws IOException {
        Map<String, Object> a = Files.readAttributes(p, "unix:mode,uid,gid", LinkOption.NOFOLLOW_LINKS);
        return new Perms(((Integer) a.get("mode")) & 0777, (Integer) a.get("uid"), (Integer) a.get("gid"), null);
    }

    static VirtException system(String what, String reason) {
        return new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.STORAGE, what + ": " + reason);
    }

    /** The errno text libvirt would append for {@code e}. */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "File exists";
        }
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "Not a directory";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "Directory not empty";
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }
}
