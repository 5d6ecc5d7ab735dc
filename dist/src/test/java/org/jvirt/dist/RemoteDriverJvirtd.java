package org.jvirt.dist;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * bin/jvirtd for the ITs that reach a remote host through one of its drivers (ESX, Hyper-V): its
 * own var, etc and run folders under {@code work}, the driver's configuration naming a libvirt
 * auth.conf, and the start awaited until virsh's {@code list --all} through it succeeds.
 */
final class RemoteDriverJvirtd {
    private RemoteDriverJvirtd() {
    }

    /**
     * Writes {@code authConf} and {@code etc/PID.cfg} with {@code credentials.file}, then starts
     * bin/jvirtd with its run-time files in {@code run}.
     */
    static Process start(Path home, Path work, Path run, String driverPid, String authConf) throws Exception {
        Path auth = Files.writeString(work.resolve("auth.conf"), authConf);
        Path etc = Files.createDirectories(work.resolve("etc"));
        Files.writeString(etc.resolve(driverPid + ".cfg"), "credentials.file = " + auth + "\n");
        ProcessBuilder pb = new ProcessBuilder(List.of("sh", home.resolve("bin/jvirtd").toString()))
                .directory(home.toFile())
                .redirectOutput(work.resolve("jvirtd.out").toFile()).redirectError(work.resolve("jvirtd.err").toFile());
        pb.environment().putAll(Map.of("JVIRTD_CONSOLE", "no", "JVIRTD_VAR", work.resolve("var").toString(),
                "JVIRTD_ETC", etc.toString(), "JVIRTD_RUN", run.toString()));
        return pb.start();
    }

    /** Waits (90 s at most) until {@code list} through jvirtd's socket in {@code run} succeeds. */
    static void awaitServing(Process jvirtd, Path work, Path run, String scheme, Callable<Commands.Result> list)
            throws Exception {
        long deadline = System.currentTimeMillis() + 90_000;
        Commands.Result answer = null;
        while (System.currentTimeMillis() < deadline && jvirtd.isAlive()) {
            if (Files.exists(run.resolve("libvirt-sock"))) {
                answer = list.call();
                if (answer.exitCode() == 0) {
                    return;
                }
            }
            Thread.sleep(200);
        }
        fail("jvirtd does not serve " + scheme + ": " + answer + "\n"
                + Files.readString(work.resolve("jvirtd.err")));
    }
}
