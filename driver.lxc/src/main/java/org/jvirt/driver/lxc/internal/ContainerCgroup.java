package org.jvirt.driver.lxc.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.jvirt.api.VirtException;

/**
 * The cgroup files of a running container, found through its init's {@code /proc/PID/cgroup}
 * (liblxc places the init in {@code lxc.payload.<name>}): what the tuning calls read and write
 * live, as libvirt's {@code virCgroup} does on the container's group. Controllers are the v1 names
 * ({@code memory}, {@code cpu}, {@code blkio}); on the unified layout they all resolve to the one group.
 */
final class ContainerCgroup {
    private final CgroupLayout layout;
    private final long initPid;

    ContainerCgroup(CgroupLayout layout, long initPid) {
        this.layout = layout;
        this.initPid = initPid;
    }

    boolean isV2() {
        return layout == CgroupLayout.V2;
    }

    /** The controller's group folder, empty when the container is not in that hierarchy. */
    Optional<Path> dir(String controller) {
        String key = isV2() ? "" : controller;
        return CgroupStats.groupOf(initPid, key).map(g -> layout.dir(key, g)).filter(Files::isDirectory);
    }

    /** virCgroupHasController. */
    boolean has(String controller) {
        return dir(controller).isPresent();
    }

    boolean hasFile(String controller, String file) {
        return dir(controller).map(d -> Files.exists(d.resolve(file))).orElse(false);
    }

    String read(String controller, String file) throws VirtException {
        Path p = path(controller, file);
        try {
            return Files.readString(p).strip();
        } catch (IOException e) {
            throw LxcErrors.system("Unable to read from '" + p + "': " + e.getMessage());
        }
    }

    long readLong(String controller, String file) throws VirtException {
        String v = read(controller, file);
        try {
            return v.equals("max") ? Long.MAX_VALUE : Long.parseUnsignedLong(v);
        } catch (NumberFormatException e) {
            throw LxcErrors.internal("Unable to parse '" + v + "' as an integer");
        }
    }

    void write(String controller, String file, String value) throws VirtException {
        Path p = path(controller, file);
        try {
            Files.writeString(p, value);
        } catch (IOException e) {
            // the kernel's answer (EINVAL, EBUSY) names why a limit was refused
            throw LxcErrors.system("Unable to write to '" + p + "': " + e.getMessage());
        }
    }

    private Path path(String controller, String file) throws VirtException {
        return dir(controller).orElseThrow(() -> LxcErrors.invalid("cgroup " + controller
                + " controller is not mounted")).resolve(file);
    }
}
