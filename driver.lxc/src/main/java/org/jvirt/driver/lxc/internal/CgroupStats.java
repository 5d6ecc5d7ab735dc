package org.jvirt.driver.lxc.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * What {@code dominfo} reads of a running container from its cgroups (libvirt's
 * {@code virLXCCgroupGetMemUsage} and {@code virCgroupGetCpuacctUsage}): the CPU time of all its
 * processes and its memory usage. The groups are found through the init's {@code /proc/PID/cgroup},
 * for the v1 or v2 layout.
 */
final class CgroupStats {
    private final CgroupLayout layout;

    CgroupStats(CgroupLayout layout) {
        this.layout = layout;
    }

    /** CPU time in nanoseconds, 0 when unreadable. */
    long cpuTimeNs(long initPid) {
        if (layout == CgroupLayout.V1) {
            return groupOf(initPid, "cpuacct").flatMap(g -> number(layout.dir("cpuacct", g).resolve("cpuacct.usage")))
                    .orElse(0L);
        }
        return groupOf(initPid, "").flatMap(g -> statField(layout.dir("", g).resolve("cpu.stat"), "usage_usec"))
                .map(us -> us * 1000).orElse(0L);
    }

    /** Memory usage in KiB, 0 when unreadable. */
    long memoryKib(long initPid) {
        Optional<Long> bytes = layout == CgroupLayout.V1
                ? groupOf(initPid, "memory").flatMap(g -> number(layout.dir("memory", g).resolve("memory.usage_in_bytes")))
                : groupOf(initPid, "").flatMap(g -> number(layout.dir("", g).resolve("memory.current")));
        return bytes.map(b -> b / 1024).orElse(0L);
    }

    /** The memory limit in bytes of the container's group, empty when unreadable. */
    Optional<Long> memoryLimitBytes(long initPid) {
        return layout == CgroupLayout.V1
                ? groupOf(initPid, "memory").flatMap(g -> number(layout.dir("memory", g).resolve("memory.limit_in_bytes")))
                : groupOf(initPid, "").flatMap(g -> number(layout.dir("", g).resolve("memory.max")));
    }

    /** The group of {@code pid} in the hierarchy of {@code controller} ("" for the unified one). */
    static Optional<String> groupOf(long pid, String controller) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "cgroup"))) {
                String[] f = line.split(":", 3);
                if (f.length < 3) {
                    continue;
                }
                boolean match = controller.isEmpty() ? f[0].equals("0") && f[1].isEmpty()
                        : Arrays.asList(f[1].split(",")).contains(controller);
                if (match) {
                    return Optional.of(f[2]);
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<Long> number(Path file) {
        try {
            return Optional.of(Long.parseLong(Files.readString(file).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> statField(Path file, String key) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(key + " ")) {
                    return Optional.of(Long.parseLong(line.substring(key.length() + 1).strip()));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
