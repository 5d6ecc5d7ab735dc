package org.jvirt.driver.qemu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jvirt.api.DomainState;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.driver.qemu.internal.domain.QemuDomainObj;
import org.jvirt.driver.qemu.internal.process.QemuProcesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guests outlive a daemon killed with SIGKILL: a separate JVM ({@link GuestStarterMain}) starts
 * three guests and is killed; a driver in this JVM over the same state reattaches to them.
 */
class DaemonKillTest {
    @TempDir
    Path dir;
    private final List<Long> pids = new ArrayList<>();
    private Process daemon;
    private TestBed bed;

    @AfterEach
    void tearDown() {
        if (daemon != null) {
            daemon.destroyForcibly();
        }
        if (bed != null) {
            bed.close();
        }
        for (long pid : pids) {
            QemuProcesses.terminate(pid, Duration.ofSeconds(3), Duration.ofSeconds(3));
            assertFalse(QemuProcesses.isAlive(pid), "pid " + pid + " left running");
        }
    }

    @Test
    void guestsSurviveSigkillOfTheDaemonAndAreReattached() throws Exception {
        assumeTrue(TestBed.qemuInstalled(), "qemu-system-x86_64 not installed");
        String java = ProcessHandle.current().info().command().orElse("java");
        daemon = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                GuestStarterMain.class.getName(), dir.toString(), "3")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(daemon.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.startsWith("READY")) {
            // the daemon's other output
        }
        assertTrue(line != null, "the daemon JVM ended before starting its guests");
        for (String p : line.substring("READY".length()).trim().split(" ")) {
            pids.add(Long.valueOf(p));
        }
        assertEquals(3, pids.size());

        daemon.destroyForcibly(); // SIGKILL
        assertTrue(daemon.waitFor(10, TimeUnit.SECONDS));
        for (long pid : pids) {
            assertTrue(QemuProcesses.isAlive(pid), "guest pid " + pid + " died with the daemon");
        }

        bed = new TestBed(dir);
        List<DomainRef> refs = bed.conn.listAllDomains(0);
        assertEquals(3, refs.size());
        List<Long> reattached = new ArrayList<>();
        for (DomainRef r : refs) {
            QemuDomainObj d = bed.driver.hosts().get(0).byUuid(r.uuid());
            reattached.add(d.pid());
            assertEquals(DomainState.RUNNING, bed.conn.state(r).state());
            assertEquals(2, bed.conn.vcpuInfo(r).size());
            bed.conn.suspend(r);
            bed.conn.resume(r);
            bed.conn.destroy(r, 0);
        }
        assertEquals(pids.stream().sorted().toList(), reattached.stream().sorted().toList());
        for (long pid : pids) {
            assertFalse(QemuProcesses.isAlive(pid));
        }
    }
}
