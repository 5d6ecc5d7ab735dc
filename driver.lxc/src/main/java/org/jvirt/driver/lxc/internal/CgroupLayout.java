package org.jvirt.driver.lxc.internal;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which cgroup hierarchy holds the controllers the driver limits: the legacy (v1) one, with a
 * mount per controller ({@code /sys/fs/cgroup/memory}, ...; hybrid hosts too), or the unified
 * (v2) one. It decides the names of the limits in the container's config
 * ({@code lxc.cgroup.memory.limit_in_bytes} against {@code lxc.cgroup2.memory.max}).
 */
enum CgroupLayout {
    V1, V2;

    private static final Path ROOT = Path.of("/sys/fs/cgroup");

    static CgroupLayout detect() {
        return Files.exists(ROOT.resolve("memory").resolve("memory.limit_in_bytes")) ? V1 : V2;
    }

    /** The folder of controller {@code controller} for a cgroup path of {@code /proc/PID/cgroup}. */
    Path dir(String controller, String cgroupPath) {
        String rel = cgroupPath.startsWith("/") ? cgroupPath.substring(1) : cgroupPath;
        return this == V1 ? ROOT.resolve(controller).resolve(rel) : ROOT.resolve(rel);
    }
}
