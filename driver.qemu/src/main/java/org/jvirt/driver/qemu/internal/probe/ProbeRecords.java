package org.jvirt.driver.qemu.internal.probe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jvirt.driver.qemu.internal.process.ProcStat;
import org.jvirt.driver.qemu.internal.process.QemuProcesses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who runs a capabilities probe, recorded in the probe's folder while it lives, so that a probe
 * QEMU orphaned by a daemon killed mid-probe is found and killed at the next start. The record
 * ({@value #FILE}: owner pid, owner start time, QEMU pid, QEMU start time; written atomically)
 * names the process that probes, first alone, then with the QEMU it spawned held (see
 * {@link QemuProcesses#spawnHeld}), before that QEMU runs. A folder is reaped only when its owner
 * is gone: a probe of a live process (another driver instance in the same JVM) is left alone.
 */
public final class ProbeRecords {
    private static final Logger LOG = LoggerFactory.getLogger(ProbeRecords.class);
    static final String FILE = "probe.pid";
    /** A folder without record is a probe between its folder and its record, unless older. */
    private static final Duration UNRECORDED_GRACE = Duration.ofMinutes(1);

    private ProbeRecords() {
    }

    /** Records this process as the owner of the probe in {@code dir}, with its QEMU (0 when none yet). */
    static void write(Path dir, long qemuPid) throws IOException {
        long self = ProcessHandle.current().pid();
        String line = self + " " + startTime(self) + " " + qemuPid + " " + (qemuPid > 0 ? startTime(qemuPid) : 0) + "\n";
        Path tmp = Files.createTempFile(dir, "." + FILE, ".tmp");
        Files.writeString(tmp, line, StandardCharsets.US_ASCII);
        Files.move(tmp, dir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static long startTime(long pid) {
        return ProcStat.ofProcess(pid).map(ProcStat::startTime).orElse(0L);
    }

    /**
     * Kills the QEMU of every probe folder under {@code workDir} whose owner is gone (when that pid
     * is still the recorded QEMU, started at the recorded time with this folder's socket on its
     * command line) and removes the folder.
     *
     * @return the pids killed
     */
    public static List<Long> reapOrphans(Path workDir) {
        if (!Files.isDirectory(workDir)) {
            return List.of();
        }
        List<Long> killed = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(workDir, "probe*")) {
            for (Path dir : dirs) {
                try {
                    reap(dir, killed);
                } catch (IOException e) {
                    LOG.warn("cannot reap probe folder {}: {}", dir, e.toString());
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot look for orphaned probes in {}: {}", workDir, e.toString());
        }
        return killed;
    }

    private static void reap(Path dir, List<Long> killed) throws IOException {
        long[] rec = read(dir.resolve(FILE));
        if (rec == null) {
            FileTime mtime = Files.getLastModifiedTime(dir);
            if (mtime.toInstant().isAfter(Instant.now().minus(UNRECORDED_GRACE))) {
                return;
            }
        } else {
            if (QemuProcesses.isSameProcess(rec[0], rec[1])) {
                return; // its prober still runs
            }
            long pid = rec[2];
            if (pid > 0 && QemuProcesses.isSameProcess(pid, rec[3]) && namesFolder(pid, dir)) {
                LOG.warn("killing capabilities probe pid {}, orphaned by process {} ({})", pid, rec[0], dir);
                if (QemuProcesses.terminate(pid, Duration.ofSeconds(2), Duration.ofSeconds(2))) {
                    killed.add(pid);
                }
            }
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static boolean namesFolder(long pid, Path dir) {
        String prefix = dir.toString() + "/";
        return QemuProcesses.cmdline(pid).orElse(List.of()).stream().anyMatch(a -> a.contains(prefix));
    }

    private static long[] read(Path file) {
        try {
            String[] f = Files.readString(file, StandardCharsets.US_ASCII).strip().split(" ");
            if (f.length != 4) {
                return null;
            }
            long[] v = new long[4];
            for (int i = 0; i < 4; i++) {
                v[i] = Long.parseLong(f[i]);
            }
            return v;
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }
}
