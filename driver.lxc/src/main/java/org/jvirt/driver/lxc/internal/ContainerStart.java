package org.jvirt.driver.lxc.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jvirt.api.VirtException;

/**
 * One container start: spawns liblxc's monitor and waits until liblxc reports the container
 * {@code RUNNING} with its init's pid, or the monitor exits; a failure reports liblxc's errors and
 * what the init wrote, as libvirt's "guest failed to start" carries the container's log.
 */
final class ContainerStart {
    private static final Pattern ERROR_LINE = Pattern.compile(" ERROR +\\S+ - [^ ]+ - (.*)$");
    private static final Pattern STATE = Pattern.compile("(?m)^State:\\s+(\\S+)");
    private static final Pattern PID = Pattern.compile("(?m)^PID:\\s+(\\d+)");

    private final LxcTools tools;
    private final Duration timeout;

    ContainerStart(LxcTools tools, Duration timeout) {
        this.tools = tools;
        this.timeout = timeout;
    }

    ContainerProcess run(String name, Path log, Path consoleLog, List<String> initArgv) throws VirtException {
        long logStart = size(log);
        long consoleStart = size(consoleLog);
        Process monitor = tools.spawnMonitor(name, log, log.resolveSibling(name + ".lxc-start.out"), initArgv);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            // lxc-info waits while liblxc sets the container up: ask it only once the monitor's
            // child has exec'd the init
            Optional<Long> init = execedChild(monitor.pid()).isPresent() ? runningInit(name) : Optional.empty();
            if (init.isPresent() && ProcStat.of(init.get()).map(s -> s.ppid() == monitor.pid()).orElse(false)) {
                long initStart = ProcStat.of(init.get()).map(ProcStat::startTime).orElse(-1L);
                long monitorStart = ProcStat.of(monitor.pid()).map(ProcStat::startTime).orElse(-1L);
                ContainerProcess proc = new ContainerProcess(name, monitor.pid(), monitorStart, init.get(), initStart);
                if (proc.initAlive()) {
                    return proc;
                }
            }
            if (!monitor.isAlive()) {
                throw LxcErrors.startFailed(failure(log, logStart, consoleLog, consoleStart));
            }
            if (System.nanoTime() > deadline) {
                tools.kill(name);
                monitor.destroyForcibly();
                throw LxcErrors.startFailed("the container did not reach RUNNING within " + timeout.toMillis()
                        + " ms: " + failure(log, logStart, consoleLog, consoleStart));
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                tools.kill(name);
                throw LxcErrors.internal("interrupted while container '" + name + "' started");
            }
        }
    }

    /** A child of the monitor that is no longer liblxc (it exec'd the container's init). */
    static Optional<Long> execedChild(long monitorPid) {
        String pid = Long.toString(monitorPid);
        try {
            String children = Files.readString(Path.of("/proc", pid, "task", pid, "children")).strip();
            for (String c : children.split(" ")) {
                if (!c.isEmpty() && !"lxc-start".equals(read(Path.of("/proc", c, "comm"), 0).strip())) {
                    return Optional.of(Long.parseLong(c));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private Optional<Long> runningInit(String name) throws VirtException {
        LxcTools.Result r = tools.info(name);
        if (!r.ok()) {
            return Optional.empty();
        }
        Matcher s = STATE.matcher(r.output());
        Matcher p = PID.matcher(r.output());
        if (s.find() && "RUNNING".equals(s.group(1)) && p.find()) {
            return Optional.of(Long.parseLong(p.group(1)));
        }
        return Optional.empty();
    }

    /** liblxc's error lines of this start, then the init's last output. */
    static String failure(Path log, long logFrom, Path consoleLog, long consoleFrom) {
        StringBuilder b = new StringBuilder();
        for (String line : read(log, logFrom).split("\n")) {
            Matcher m = ERROR_LINE.matcher(line);
            if (m.find() && !m.group(1).contains("sync_wait") && !m.group(1).contains("Failed to spawn container")) {
                b.append(b.length() == 0 ? "" : "; ").append(m.group(1).strip());
            }
        }
        String output = read(consoleLog, consoleFrom).strip();
        if (!output.isEmpty()) {
            if (output.length() > 1024) {
                output = output.substring(output.length() - 1024);
            }
            b.append(b.length() == 0 ? "" : "; ").append("init's output: ").append(output);
        }
        return b.length() == 0 ? "the container exited at once" : b.toString();
    }

    private static long size(Path p) {
        try {
            return Files.exists(p) ? Files.size(p) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static String read(Path p, long from) {
        try {
            byte[] all = Files.readAllBytes(p);
            int start = (int) Math.min(from, all.length);
            return new String(all, start, all.length - start, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
