package org.jvirt.driver.qemu.internal.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The fields of {@code /proc/PID/stat} or {@code /proc/PID/task/TID/stat} that the driver uses
 * (see proc(5)). Times are in clock ticks.
 *
 * @param state     the one-letter state ({@code R}, {@code S}, {@code Z}, ...)
 * @param utime     user time, ticks
 * @param stime     system time, ticks
 * @param startTime start time after boot, ticks: with the pid it identifies a process
 * @param processor the CPU it last ran on
 */
public record ProcStat(char state, long utime, long stime, long startTime, int processor) {

    /** Clock ticks per second; 100 on every Linux architecture the driver runs on. */
    public static final long TICKS_PER_SECOND = 100;

    public static Optional<ProcStat> ofProcess(long pid) {
        return read(Path.of("/proc", Long.toString(pid), "stat"));
    }

    public static Optional<ProcStat> ofThread(long pid, long tid) {
        return read(Path.of("/proc", Long.toString(pid), "task", Long.toString(tid), "stat"));
    }

    static Optional<ProcStat> read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.ofNullable(parse(text));
    }

    /** Parses a stat line; the command name may contain spaces and parentheses. */
    static ProcStat parse(String text) {
        int close = text.lastIndexOf(')');
        if (close < 0) {
            return null;
        }
        // fields[0] is field 3 of proc(5) (state)
        String[] f = text.substring(close + 2).trim().split(" ");
        if (f.length < 37) {
            return null;
        }
        return new ProcStat(f[0].charAt(0), Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[19]),
                Integer.parseInt(f[36]));
    }

    /** User plus system time in nanoseconds. */
    public long cpuTimeNs() {
        return (utime + stime) * (1_000_000_000L / TICKS_PER_SECOND);
    }
}
