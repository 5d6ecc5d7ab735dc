package org.jvirt.driver.qemu.internal.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jvirt.driver.qemu.internal.process.ProcStat;
import org.jvirt.driver.qemu.internal.process.QemuProcesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Probe QEMUs orphaned by a killed daemon are reaped at the next start, and only they: a probe
 * whose owner still runs and a record whose pid is now another process are left alone.
 */
class OrphanProbeTest {
    private static final Path QEMU = Path.of("/usr/bin/qemu-system-x86_64");

    @TempDir
    Path dir;
    private final List<Long> pids = new ArrayList<>();
    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void tearDown() {
        processes.forEach(Process::destroyForcibly);
        for (long pid : pids) {
            QemuProcesses.terminate(pid, Duration.ofSeconds(3), Duration.ofSeconds(3));
            assertFalse(QemuProcesses.isAlive(pid), "pid " + pid + " left running");
        }
    }

    @Test
    void aProbeOrphanedByAKilledDaemonIsKilledAtTheNextStart() throws Exception {
        assumeTrue(Files.isExecutable(QEMU), "no " + QEMU);
        Path work = dir.resolve("probe");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process daemon = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ProbeStarterMain.class.getName(), work.toString(), QEMU.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        processes.add(daemon);
        BufferedReader out = new BufferedReader(new InputStreamReader(daemon.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.startsWith("READY")) {
            // other output
        }
        assertNotNull(line, "the probing JVM ended before its probe ran");
        long pid = Long.parseLong(line.substring("READY ".length()).trim());
        pids.add(pid);
        daemon.destroyForcibly(); // SIGKILL in the middle of the probe
        assertTrue(daemon.waitFor(10, TimeUnit.SECONDS));
        assertTrue(QemuProcesses.isAlive(pid), "the probe QEMU died with its daemon: nothing to reap");
        assertTrue(QemuProcesses.cmdline(pid).orElseThrow().contains("none,accel=tcg"), "not the probe QEMU");

        List<Long> reaped = new QmpProber(work, Duration.ofSeconds(10), 1 << 20).reapOrphans();

        assertEquals(List.of(pid), reaped);
        assertFalse(QemuProcesses.isAlive(pid), "the orphaned probe still runs");
        try (Stream<Path> left = Files.list(work)) {
            assertEquals(List.of(), left.toList(), "the probe folder is left");
        }
    }

    @Test
    void aProbeWhoseOwnerRunsAndARecordOfAnotherProcessAreLeftAlone() throws Exception {
        assumeTrue(Files.isExecutable(QEMU), "no " + QEMU);
        Path work = dir.resolve("probe");
        QmpProber prober = new QmpProber(work, Duration.ofSeconds(10), 1 << 20);
        QmpProber.Launched live = prober.launch(QEMU.toString(), true);
        pids.add(live.pid());
        // a record of a dead owner naming a live process that is not its probe QEMU
        Process sleep = new ProcessBuilder("sleep", "60").start();
        processes.add(sleep);
        Path stale = Files.createDirectory(work.resolve("probe-stale"));
        long sleepStart = ProcStat.ofProcess(sleep.pid()).orElseThrow().startTime();
        Files.writeString(stale.resolve(ProbeRecords.FILE), "999999999 1 " + sleep.pid() + " " + sleepStart + "\n");

        assertEquals(List.of(), prober.reapOrphans());

        assertTrue(QemuProcesses.isAlive(live.pid()), "a probe of a running owner was killed");
        assertTrue(Files.isDirectory(live.dir()));
        assertTrue(sleep.isAlive(), "a process that is not the recorded probe QEMU was killed");
        assertFalse(Files.exists(stale), "the stale record's folder is left");
    }
}
