package org.jvirt.driver.lxc.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a container's {@code /proc/meminfo} comes from. libvirt's controller serves one per
 * container through FUSE, computed from the container's memory cgroup; here Debian's
 * {@code lxcfs} does the same for every container (it answers each reader from the reader's own
 * cgroup: MemTotal is the cgroup's limit). A running lxcfs (the system's service) is used as it
 * is; else the driver starts one on its own mount point, in a session of its own so that it
 * outlives jvirtd like the containers whose {@code /proc/meminfo} it serves. Without lxcfs the
 * containers see the host's file, as under a libvirt built without FUSE.
 */
final class Lxcfs {
    private static final Logger LOG = LoggerFactory.getLogger(Lxcfs.class);
    private static final long START_WAIT_MS = 10_000;

    private final Path mountPoint;
    private final Path log;
    private boolean warned;

    /**
     * @param mountPoint where the driver mounts its own lxcfs when none runs
     * @param log        the output of an lxcfs the driver starts
     */
    Lxcfs(Path mountPoint, Path log) {
        this.mountPoint = mountPoint;
        this.log = log;
    }

    /** The lxcfs {@code meminfo} to bind on the container's {@code /proc/meminfo}, or empty. */
    synchronized Optional<Path> meminfo() {
        Optional<Path> running = mounted();
        if (running.isPresent()) {
            return running.map(m -> m.resolve("proc/meminfo"));
        }
        Optional<Path> binary = binary();
        if (binary.isEmpty()) {
            if (!warned) {
                LOG.warn("lxcfs is not installed: containers see the host's /proc/meminfo (install Debian's lxcfs)");
                warned = true;
            }
            return Optional.empty();
        }
        try {
            Files.createDirectories(mountPoint);
            Files.createDirectories(log.getParent());
            List<String> cmd = new ArrayList<>(List.of(LxcTools.setsid(), binary.get().toString(), "-p",
                    mountPoint.resolveSibling(mountPoint.getFileName() + ".pid").toString(), mountPoint.toString()));
            new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).redirectErrorStream(true).start();
            long deadline = System.currentTimeMillis() + START_WAIT_MS;
            while (System.currentTimeMillis() < deadline) {
                if (mounted().isPresent()) {
                    LOG.info("lxcfs started on {} for the containers' /proc/meminfo", mountPoint);
                    return Optional.of(mountPoint.resolve("proc/meminfo"));
                }
                Thread.sleep(10);
            }
            LOG.warn("lxcfs did not mount {} within {} ms (see {}): containers see the host's /proc/meminfo",
                    mountPoint, START_WAIT_MS, log);
        } catch (IOException e) {
            LOG.warn("cannot start lxcfs on {}: {}", mountPoint, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    /** The mount point of a running lxcfs: ours first, else any ({@code fuse.lxcfs} in the mount table). */
    Optional<Path> mounted() {
        List<Path> points = mountPoints();
        if (points.contains(mountPoint.toAbsolutePath())) {
            return Optional.of(mountPoint.toAbsolutePath());
        }
        return points.stream().filter(p -> Files.isReadable(p.resolve("proc/meminfo"))).findFirst();
    }

    static List<Path> mountPoints() {
        List<Path> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/mounts"))) {
                String[] f = line.split(" ");
                if (f.length > 2 && "fuse.lxcfs".equals(f[2])) {
                    out.add(Path.of(f[1].replace("\\040", " ")));
                }
            }
        } catch (IOException e) {
            LOG.debug("cannot read the mount table: {}", e.toString());
        }
        return out;
    }

    private static Optional<Path> binary() {
        List<String> dirs = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            dirs.addAll(List.of(path.split(":")));
        }
        dirs.addAll(List.of("/usr/bin", "/bin", "/usr/local/bin"));
        return dirs.stream().filter(d -> !d.isEmpty()).map(d -> Path.of(d, "lxcfs")).filter(Files::isExecutable)
                .findFirst();
    }
}
