package org.jvirt.driver.lxc.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Device;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.Filesystem;
import org.jvirt.api.xml.FsSource;

/**
 * The container's root, the filesystem with target {@code /}, as liblxc's {@code lxc.rootfs.path}:
 * a folder ({@code type='mount'}, bind-mounted with its submounts), a raw image file
 * ({@code type='file'}: liblxc's {@code loop:} backend attaches it to a loop device that the kernel
 * frees when the container ends, at every start and reboot, as libvirt's controller does with
 * {@code LO_FLAGS_AUTOCLEAR}) or a block device ({@code type='block'}); {@code <readonly/>} mounts
 * it read-only. Without one, libvirt's {@code virLXCProcessEnsureRootFS}: the host's own root, shared
 * read-write with its submounts (new {@code /proc}, {@code /sys} and {@code /dev} on top), shown in
 * the live definition.
 */
final class RootFilesystem {
    private static final int S_IFMT = 0170000;
    private static final int S_IFBLK = 0060000;

    private RootFilesystem() {
    }

    /** {@code def} with a root filesystem: libvirt adds the host's {@code /} as the first filesystem. */
    static DomainDef ensure(DomainDef def) {
        if (of(def).isPresent()) {
            return def;
        }
        Filesystem hostRoot = Filesystem.builder().type("mount").accessMode("passthrough")
                .source(FsSource.builder().dir("/").build()).targetDir("/").build();
        List<Device> all = new ArrayList<>();
        all.add(hostRoot);
        all.addAll(def.devices().all());
        return def.withDevices(def.devices().withAll(all));
    }

    static Optional<Filesystem> of(DomainDef def) {
        return def.devices().ofType(Filesystem.class).stream().filter(fs -> "/".equals(fs.targetDir())).findFirst();
    }

    /**
     * Writes {@code lxc.rootfs.path} (and {@code options}) for {@code fs}.
     *
     * @return the host folder of the root when it is one (where the init can be checked before the start)
     */
    static Optional<Path> write(Filesystem fs, ConfigText c) throws VirtException {
        String type = fs.type() == null ? "mount" : fs.type();
        Optional<Path> folder = Optional.empty();
        switch (type) {
            case "file" -> {
                Path file = Path.of(fs.source().file());
                access(file);
                if (!Files.isRegularFile(file)) {
                    throw LxcErrors.system("Failed to associate loop device with '" + file + "': not a regular file");
                }
                c.set("lxc.rootfs.path", "loop:" + file);
            }
            case "block" -> {
                Path dev = Path.of(fs.source().dev());
                requireBlockDevice(dev);
                c.set("lxc.rootfs.path", dev.toString());
            }
            default -> {
                Path dir = Path.of(fs.source().dir());
                access(dir);
                c.set("lxc.rootfs.path", "dir:" + dir);
                folder = Optional.of(dir);
            }
        }
        if (fs.readOnly()) {
            c.set("lxc.rootfs.options", "ro");
        }
        return folder;
    }

    /** libvirt's {@code lxcContainerResolveSymlinks}: a source that cannot be reached stops the start. */
    static void access(Path p) throws VirtException {
        if (!Files.exists(p)) {
            throw LxcErrors.startFailed("Failed to access '" + p + "': No such file or directory");
        }
    }

    static void requireBlockDevice(Path dev) throws VirtException {
        access(dev);
        try {
            int mode = (Integer) Files.getAttribute(dev, "unix:mode");
            if ((mode & S_IFMT) != S_IFBLK) {
                throw LxcErrors.system("'" + dev + "' is not a block device");
            }
        } catch (IOException e) {
            throw LxcErrors.system("Unable to stat '" + dev + "': " + e.getMessage());
        }
    }
}
