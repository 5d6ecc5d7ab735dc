package org.jvirt.driver.qemu.internal.probe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Whether QEMU itself can run under KVM here, asked independently of the prober: QEMU started
 * with {@code accel=kvm} alone (no TCG fallback) exits 0 on the monitor's {@code quit} only when
 * KVM initialised. {@code /dev/kvm} existing is not enough (it may be unusable, or not KVM).
 */
public final class QemuKvm {
    private QemuKvm() {
    }

    /** @param logDir where QEMU's output goes ({@code kvm-check.log}) */
    public static boolean usable(Path qemu, Path logDir) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(qemu.toString(), "-S", "-machine", "none,accel=kvm", "-nodefaults",
                "-display", "none", "-monitor", "stdio").redirectErrorStream(true)
                .redirectOutput(logDir.resolve("kvm-check.log").toFile()).start();
        try {
            p.getOutputStream().write("quit\n".getBytes(StandardCharsets.US_ASCII));
            p.getOutputStream().close();
        } catch (IOException e) {
            // it exited already: KVM failed
        }
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor();
            throw new IOException("QEMU (pid " + p.pid() + ") did not quit");
        }
        return p.exitValue() == 0;
    }
}
