package org.jvirt.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * The daemon as a user runs it: {@code bin/jvirtd} with its console, {@code virt:list} answered
 * exactly as virsh answers on libvirt's test:///default, and a clean stop on SIGTERM (exit 0,
 * the stop in the log file).
 */
class JvirtdIT {
    private static final long STARTUP_MILLIS = 60_000;

    @Test
    void consoleAnswersVirtListAndSigtermStopsCleanly() throws Exception {
        Path home = Path.of(Commands.property("jvirt.dist.home"));
        Path var = Files.createDirectories(Path.of(Commands.property("jvirt.work")))
                .resolve("jvirtd-" + System.nanoTime());
        Files.createDirectories(var);
        String expected = VirshReference.listAll();

        try (JvirtdConsole jvirtd = new JvirtdConsole(home, var)) {
            assertTrue(jvirtd.awaitPrompt(STARTUP_MILLIS), "no console prompt: " + jvirtd.output());
            // the console comes up before the jvirt bundles: ask until the command is there
            String answer = null;
            long deadline = System.currentTimeMillis() + STARTUP_MILLIS;
            while (System.currentTimeMillis() < deadline) {
                answer = jvirtd.execute("virt:list --all", 10_000);
                if (answer != null && answer.contains(" Id ")) {
                    break;
                }
                Thread.sleep(200);
            }
            assertNotNull(answer, "no answer to virt:list: " + jvirtd.output());
            assertEquals(expected, answer, "virt:list --all differs from virsh list --all");

            String drivers = jvirtd.execute("virt:drivers", 10_000);
            assertTrue(drivers != null && drivers.contains(" test "), "virt:drivers: " + drivers);

            assertTrue(Commands.stop(jvirtd.handle(), 30), "bin/jvirtd did not end after SIGTERM");
            assertEquals(0, jvirtd.awaitExit(5), "exit status after SIGTERM");
        }
        String log = Files.readString(var.resolve("log/jvirtd.log"));
        assertTrue(log.contains("SIGTERM received: stopping the framework"), log);
        assertTrue(log.contains("signal handlers restored"), "the framework did not stop cleanly: " + log);
    }
}
