package org.jvirt.driver.qemu.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A thread's scheduler statistics as libvirt reads them for {@code vcpu.N.wait} and
 * {@code vcpu.N.delay}: {@code wait_sum} of {@code /proc/PID/task/TID/sched} (milliseconds with a
 * fraction; zero unless the kernel collects schedstats) and the run-queue wait of
 * {@code /proc/PID/task/TID/schedstat}. What cannot be read counts as zero, as in libvirt.
 *
 * @param waitNs  time spent waiting for a CPU while runnable, per the scheduler's statistics, ns
 * @param delayNs time spent on the run queue, ns
 */
record SchedStats(long waitNs, long delayNs) {
    static final SchedStats NONE = new SchedStats(0, 0);

    static SchedStats ofThread(long pid, long tid) {
        Path task = Path.of("/proc", Long.toString(pid), "task", Long.toString(tid));
        return new SchedStats(waitSum(task.resolve("sched")), delay(task.resolve("schedstat")));
    }

    private static long waitSum(Path sched) {
        try {
            for (String line : Files.readAllLines(sched)) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().endsWith("wait_sum")) {
                    return new BigDecimal(line.substring(colon + 1).trim()).movePointRight(6).longValue();
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    private static long delay(Path schedstat) {
        try {
            String[] f = Files.readString(schedstat).trim().split("\\s+");
            return f.length > 1 ? Long.parseLong(f[1]) : 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
