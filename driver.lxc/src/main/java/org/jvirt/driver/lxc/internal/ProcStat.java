package org.jvirt.driver.lxc.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The fields of {@code /proc/PID/stat} the driver uses (proc(5)): with the pid, the start time
 * identifies a process across a driver restart, so a reused pid is never taken for a container.
 *
 * @param state     the one-letter state ({@code R}, {@code S}, {@code Z}, ...)
 * @param ppid      the parent's pid
 * @param startTime start time after boot, clock ticks
 */
record ProcStat(char state, long ppid, long startTime) {

    static Optional<ProcStat> of(long pid) {
        try {
            return Optional.ofNullable(parse(Files.readString(Path.of("/proc", Long.toString(pid), "stat"))));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Parses a stat line; the command name may contain spaces and parentheses. */
    static ProcStat parse(String text) {
        int close = text.lastIndexOf(')');
        if (close < 0 || close + 2 >= text.length()) {
            return null;
        }
        String[] f = text.substring(close + 2).trim().split(" ");
        if (f.length < 20) {
            return null;
        }
        return new ProcStat(f[0].charAt(0), Long.parseLong(f[1]), Long.parseLong(f[19]));
    }

    /** True while {@code pid} runs and is the process that started at {@code startTime}. */
    static boolean isSame(long pid, long startTime) {
        return pid > 0 && of(pid).map(s -> s.startTime() == startTime && s.state() != 'Z').orElse(false);
    }

    static boolean isAlive(long pid) {
        return pid > 0 && of(pid).map(s -> s.state() != 'Z').orElse(false);
    }
}
