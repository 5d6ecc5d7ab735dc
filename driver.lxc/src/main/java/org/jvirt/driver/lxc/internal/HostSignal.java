package org.jvirt.driver.lxc.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * kill(2) for the driver, through procps' {@code kill -s}: ProcessHandle sends only SIGTERM and
 * SIGKILL, and the JVM must not fork (ProcessBuilder spawns).
 */
final class HostSignal {
    private HostSignal() {
    }

    /** What kill(2) said: null when the signal was sent, else the reason ({@code No such process}). */
    static String send(long pid, String signal) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(kill(), "-s", signal, Long.toString(pid)))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return "kill did not finish";
        }
        if (p.exitValue() == 0) {
            return null;
        }
        // procps: "kill: (PID): No such process"
        int colon = out.lastIndexOf(": ");
        return colon >= 0 ? out.substring(colon + 2) : out;
    }

    private static String kill() {
        for (String dir : new String[] {"/usr/bin", "/bin"}) {
            if (Files.isExecutable(Path.of(dir, "kill"))) {
                return dir + "/kill";
            }
        }
        return "kill";
    }
}
