package org.jvirt.driver.lxc.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Stops the lxcfs a driver started for its containers' {@code /proc/meminfo}: the driver starts one
 * beside its run folder ({@code <dir>/lxcfs}, pid in {@code <dir>/lxcfs.pid}) and never stops it, as
 * it outlives jvirtd; a test that let the driver start one stops it here, by pid, and unmounts it.
 * Shared with other modules' tests through the test-jar.
 */
public final class LxcfsCleanup {
    private LxcfsCleanup() {
    }

    /** Stops the lxcfs started under {@code dir} (nothing when there is none) and lazily unmounts it. */
    public static void stop(Path dir) throws InterruptedException {
        Path pidFile = dir.resolve("lxcfs.pid");
        if (Files.exists(pidFile)) {
            long pid;
            try {
                pid = Long.parseLong(Files.readString(pidFile).strip());
            } catch (IOException | NumberFormatException e) {
                throw new IllegalStateException("unreadable " + pidFile, e);
            }
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (ProcStat.isAlive(pid) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
        Path mount = dir.resolve("lxcfs").toAbsolutePath();
        if (Lxcfs.mountPoints().contains(mount)) {
            try {
                new ProcessBuilder("umount", "-l", mount.toString()).inheritIO().start().waitFor();
            } catch (IOException e) {
                throw new IllegalStateException("cannot unmount " + mount, e);
            }
        }
    }
}
