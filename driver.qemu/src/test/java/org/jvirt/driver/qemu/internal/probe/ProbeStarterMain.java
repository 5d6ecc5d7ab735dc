package org.jvirt.driver.qemu.internal.probe;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A stand-in for a daemon killed in the middle of a capabilities probe ({@link OrphanProbeTest}):
 * starts the probe QEMU of the given binary the way {@link QmpProber} does, under the given work
 * folder, prints {@code READY <pid>} and waits to be killed. Arguments: the work folder, the binary.
 */
public final class ProbeStarterMain {
    private ProbeStarterMain() {
    }

    public static void main(String[] args) throws Exception {
        QmpProber prober = new QmpProber(Path.of(args[0]), Duration.ofSeconds(10), 1 << 20);
        QmpProber.Launched probe = prober.launch(args[1], true);
        System.out.println("READY " + probe.pid());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
