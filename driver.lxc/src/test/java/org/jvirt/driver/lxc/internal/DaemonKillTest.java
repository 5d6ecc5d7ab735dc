package org.jvirt.driver.lxc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.DomainState;
import org.jvirt.api.StateReason;
import org.jvirt.api.spi.DomainRef;

/**
 * A container outlives a daemon killed with SIGKILL: a separate JVM ({@link ContainerStarterMain})
 * starts it and is killed; a driver in this JVM over the same state and folders reattaches to it
 * (same init and monitor), suspends it (its counter stops), resumes it (the counter goes on) and
 * destroys it.
 */
class DaemonKillTest {
    @TempDir
    Path dir;
    private Process daemon;
    private LxcTestBed bed;
    private long initPid = -1;
    private long monitorPid = -1;

    @AfterEach
    void tearDown() throws Exception {
        if (daemon != null) {
            daemon.destroyForcibly();
        }
        if (bed != null) {
            bed.pids.add(initPid);
            bed.monitors.add(monitorPid);
            bed.close();
        }
    }

    @Test
    void aContainerSurvivesSigkillOfTheDaemonAndIsReattached() throws Exception {
        assumeTrue(LxcTestBed.canRunContainers(), "needs root, lxc-start and busybox-static");
        String java = ProcessHandle.current().info().command().orElse("java");
        daemon = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ContainerStarterMain.class.getName(), dir.toString(), LxcTestBed.RUN + "k1")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(daemon.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.startsWith("READY")) {
            // the daemon's other output
        }
        assertNotNull(line, "the daemon JVM ended before starting its container");
        String[] f = line.split(" ");
        initPid = Long.parseLong(f[1]);
        monitorPid = Long.parseLong(f[2]);

        daemon.destroyForcibly();   // SIGKILL
        assertTrue(daemon.waitFor(10, TimeUnit.SECONDS));
        assertTrue(ProcStat.isAlive(initPid), "the container's init died with the daemon");
        assertTrue(ProcStat.isAlive(monitorPid), "liblxc's monitor died with the daemon");

        bed = new LxcTestBed(dir);
        DomainRef ref = bed.conn.lookupByName(LxcTestBed.RUN + "k1");
        ContainerProcess proc = bed.process(ref);
        assertEquals(initPid, proc.initPid());
        assertEquals(monitorPid, proc.monitorPid());
        assertEquals(DomainState.RUNNING, bed.conn.state(ref).state());

        Path count = dir.resolve("out/count");
        bed.conn.suspend(ref);
        assertEquals(StateReason.PAUSED_USER, bed.conn.state(ref).namedReason());
        String frozen = LxcTestBed.read(count);
        Thread.sleep(300);
        assertEquals(frozen, LxcTestBed.read(count), "the counter stops while the container is frozen");
        bed.conn.resume(ref);
        assertEquals(StateReason.RUNNING_UNPAUSED, bed.conn.state(ref).namedReason());
        LxcTestBed.await("the counter to go on", Duration.ofSeconds(10), () -> {
            String now = LxcTestBed.read(count);
            return now != null && !now.equals(frozen);
        });

        bed.conn.destroy(ref, 0);
        assertFalse(ProcStat.isAlive(initPid));
        assertFalse(ProcStat.isAlive(monitorPid));
    }
}
