package org.jvirt.driver.qemu.internal.process;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts and stops emulator processes so that they outlive the JVM: each runs in its own session
 * ({@code setsid}), reads from {@code /dev/null} and writes stdout and stderr to a log file (a
 * pipe would break when the JVM goes away). Processes are found again by pid, start time and
 * command line.
 */
public final class QemuProcesses {
    private static final Logger LOG = LoggerFactory.getLogger(QemuProcesses.class);

    /** Waits for "go" on stdin, then becomes the command; anything else (EOF: the JVM died) ends it. */
    private static final String HOLD_SCRIPT = "IFS= read -r go && [ \"$go\" = go ] && exec \"$@\" </dev/null; exit 70";
    private static final byte[] GO = "go\n".getBytes(StandardCharsets.US_ASCII);

    private QemuProcesses() {
    }

    /**
     * Spawns {@code argv} (in a new session when {@code newSession}), held before it runs: the child is a shell waiting on
     * its stdin, which {@link #release(Process)} lets go on into {@code argv} (stdin then
     * {@code /dev/null}); if this JVM dies first, the shell reads end-of-file and exits without
     * running anything. So the caller can record the pid before the emulator exists, and a crash
     * between spawn and that record leaves no process behind (libvirt's handshake with the child
     * before exec does the same). The pid stays the same through both {@code exec}s, and the
     * command line of the held shell already names every argument of {@code argv}.
     *
     * @return the held process: the JVM's handle, valid until the JVM exits
     */
    public static Process spawnHeld(List<String> argv, Path logFile, boolean newSession) throws IOException {
        return spawnHeld(argv, logFile, newSession, List.of());
    }

    /**
     * {@link #spawnHeld(List, Path, boolean)} with descriptors of this JVM handed to the command
     * as 3, 4, ... in the order of {@code fds} (libvirt's virCommandPassFD): the held shell and
     * everything it execs keep them. Without descriptors, {@link ProcessBuilder} starts it.
     */
    public static Process spawnHeld(List<String> argv, Path logFile, boolean newSession, List<Integer> fds)
            throws IOException {
        Files.createDirectories(logFile.getParent());
        Files.writeString(logFile, String.join(" ", argv) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        if (!fds.isEmpty()) {
            List<String> cmd = new ArrayList<>(argv.size() + 4);
            cmd.addAll(List.of("/bin/sh", "-c", HOLD_SCRIPT, "jvirt-held"));
            cmd.addAll(argv);
            Process p = FdSpawn.spawn(cmd, logFile, newSession, fds);
            LOG.debug("spawned pid {} (held, descriptors {}): {}", p.pid(), fds, argv);
            return p;
        }
        List<String> cmd = new ArrayList<>(argv.size() + 5);
        if (newSession) {
            cmd.add(setsid());
        }
        cmd.addAll(List.of("/bin/sh", "-c", HOLD_SCRIPT, "jvirt-held"));
        cmd.addAll(argv);
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectErrorStream(true);
        Process p = pb.start();
        LOG.debug("spawned pid {} (held): {}", p.pid(), argv);
        return p;
    }

    /** Spawns {@code argv} in a new session and lets it run at once (see {@link #spawnHeld}). */
    public static Process spawn(List<String> argv, Path logFile) throws IOException {
        Process p = spawnHeld(argv, logFile, true);
        release(p);
        return p;
    }

    /** Lets a process from {@link #spawnHeld} run its command. */
    public static void release(Process held) throws IOException {
        try (OutputStream in = held.getOutputStream()) {
            in.write(GO);
        }
    }

    private static String setsid() {
        for (String dir : new String[] {"/usr/bin", "/bin", "/usr/sbin"}) {
            if (Files.isExecutable(Path.of(dir, "setsid"))) {
                return dir + "/setsid";
            }
        }
        return "setsid";
    }

    /** The command line of a live process, empty when it is gone. */
    public static Optional<List<String>> cmdline(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            List<String> args = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < raw.length; i++) {
                if (raw[i] == 0) {
                    args.add(new String(raw, start, i - start, StandardCharsets.UTF_8));
                    start = i + 1;
                }
            }
            return Optional.of(args);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** True while {@code pid} is alive and is still the process that started at {@code startTime}. */
    public static boolean isSameProcess(long pid, long startTime) {
        return ProcStat.ofProcess(pid).map(s -> s.startTime() == startTime && s.state() != 'Z').orElse(false);
    }

    public static boolean isAlive(long pid) {
        return ProcStat.ofProcess(pid).map(s -> s.state() != 'Z').orElse(false);
    }

    /**
     * Stops a process: SIGTERM, then SIGKILL when it has not exited after {@code graceful}.
     *
     * @return true when the process is gone
     */
    public static boolean terminate(long pid, Duration graceful, Duration afterKill) {
        Optional<ProcessHandle> h = ProcessHandle.of(pid);
        if (h.isEmpty() || !isAlive(pid)) {
            return true;
        }
        h.get().destroy();
        if (waitGone(pid, graceful)) {
            return true;
        }
        LOG.info("pid {} ignored SIGTERM for {} ms, sending SIGKILL", pid, graceful.toMillis());
        h.get().destroyForcibly();
        return waitGone(pid, afterKill);
    }

    /** Waits until {@code pid} has exited (or is a zombie nobody reaped yet). */
    public static boolean waitGone(long pid, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (isAlive(pid)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !isAlive(pid);
            }
        }
        return true;
    }

    /** The last {@code maxBytes} of a log file, for error messages; empty when unreadable. */
    public static String tail(Path log, int maxBytes) {
        try {
            byte[] all = Files.readAllBytes(log);
            int from = Math.max(0, all.length - maxBytes);
            return new String(all, from, all.length - from, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "";
        }
    }
}
