package org.jvirt.driver.qemu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jvirt.api.DomainState;
import org.jvirt.api.StateReason;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.RecordKind;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.driver.qemu.internal.domain.QemuDomainObj;
import org.jvirt.driver.qemu.internal.domain.RuntimeStatus;
import org.jvirt.driver.qemu.internal.process.QemuProcesses;
import org.jvirt.xml.internal.DomainXmlCodecImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A daemon killed (SIGKILL) at each step of a guest start: a separate JVM ({@link StartKillMain})
 * stops at the step and is killed; a fresh driver over the same state must then either have
 * reattached the guest with the same pid (the start was complete and recorded) or have killed it
 * and cleaned up (libvirt: a start that did not finish is killed), with no QEMU, run file or
 * unreadable state record left.
 */
class StartKillTest {
    @TempDir
    Path dir;
    private Process daemon;
    private TestBed bed;
    private long pid = -1;

    @AfterEach
    void tearDown() {
        if (daemon != null) {
            daemon.destroyForcibly();
        }
        if (bed != null) {
            bed.closeAndAssertNoGuestLeft();
        }
        if (pid > 0) {
            QemuProcesses.terminate(pid, Duration.ofSeconds(3), Duration.ofSeconds(3));
        }
    }

    @ParameterizedTest(name = "killed at {0}, {1} domain")
    @CsvSource({"SPAWNED,persistent", "MONITOR_CONNECTED,persistent", "VCPUS_READY,persistent",
        "CONTINUED,persistent", "STARTED,persistent", "SPAWNED,transient", "CONTINUED,transient",
        "STARTED,transient"})
    void aStartKilledAtAnyStepIsReattachedOrCleanedUp(StartObserver.Stage stage, String mode) throws Exception {
        assumeTrue(TestBed.qemuInstalled(), "qemu-system-x86_64 not installed");
        String name = "sk" + UUID.randomUUID().toString().substring(0, 8);
        UUID uuid = UUID.randomUUID();
        String java = ProcessHandle.current().info().command().orElse("java");
        daemon = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), StartKillMain.class.getName(),
                dir.toString(), stage.name(), name, uuid.toString(), mode)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(daemon.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.startsWith("AT ") && !line.startsWith("NOT STOPPED")) {
            // the daemon's other output
        }
        assertNotNull(line, "the daemon JVM ended before the start reached " + stage);
        assertTrue(line.startsWith("AT " + stage + " "), line);
        pid = Long.parseLong(line.substring(line.lastIndexOf(' ') + 1));
        assertTrue(QemuProcesses.isAlive(pid), "QEMU pid " + pid + " is not running at " + stage);

        daemon.destroyForcibly(); // SIGKILL, in the middle of the start
        assertTrue(daemon.waitFor(10, TimeUnit.SECONDS));

        bed = new TestBed(dir);
        List<DomainRef> refs = bed.conn.listAllDomains(0);
        if (stage == StartObserver.Stage.STARTED) {
            assertEquals(1, refs.size());
            QemuDomainObj d = bed.driver.hosts().get(0).byUuid(uuid);
            assertEquals(pid, d.pid(), "the guest was not reattached with its pid");
            assertEquals(StateReason.RUNNING_BOOTED, bed.conn.state(refs.get(0)).namedReason());
            assertEquals("persistent".equals(mode), bed.conn.isPersistent(refs.get(0)));
            assertEquals(List.of(pid), pgrep(name));
            assertStateParses(1);
            bed.conn.destroy(refs.get(0), 0);
        } else {
            assertTrue(QemuProcesses.waitGone(pid, Duration.ofSeconds(5)), "the unfinished start's QEMU still runs");
            if ("persistent".equals(mode)) {
                assertEquals(1, refs.size());
                assertEquals(StateReason.SHUTOFF_DAEMON, bed.conn.state(refs.get(0)).namedReason());
            } else {
                assertEquals(List.of(), refs, "a transient domain whose start failed must be gone");
            }
            assertStateParses(0);
        }
        assertEquals(List.of(), pgrep(name), "a QEMU of " + name + " is left");
        assertRunFolderClean(uuid);
        assertTrue(bed.conn.listAllDomains(0).stream().allMatch(r -> {
            try {
                return bed.conn.state(r).state() == DomainState.SHUTOFF;
            } catch (Exception e) {
                return false;
            }
        }));
    }

    @Test
    void aGuestWhoseStatusRecordCannotBeReadBackIsKilledAndItsRecordRemoved() throws Exception {
        assumeTrue(TestBed.qemuInstalled(), "qemu-system-x86_64 not installed");
        bed = new TestBed(dir);
        UUID uuid = UUID.randomUUID();
        DomainRef ref = bed.conn.defineXml(TestBed.xml("skbad", uuid, 1, ""), 0);
        bed.conn.create(ref, 0);
        pid = bed.pid(ref);
        RuntimeStatus st = RuntimeStatus.fromBytes(bed.store.read("qemu", RecordKind.STATUS, uuid.toString()).orElseThrow());
        bed.store.write("qemu", RecordKind.STATUS, uuid.toString(), new RuntimeStatus(st.name(), st.id(), st.pid(),
                st.startTime(), st.monitor(), st.log(), st.state(), st.reason(), st.vcpuThreads(), "<domain", false).toBytes());

        bed.newDriver();

        assertTrue(QemuProcesses.waitGone(pid, Duration.ofSeconds(5)), "the guest of the unreadable record still runs");
        assertEquals(DomainState.SHUTOFF, bed.conn.state(ref).state());
        assertStateParses(0);
        assertRunFolderClean(uuid);
    }

    /** Every config record is a domain definition, every status record a runtime status with its live XML. */
    private void assertStateParses(int statusRecords) throws Exception {
        DomainXmlCodec codec = new DomainXmlCodecImpl();
        for (Map.Entry<String, byte[]> e : bed.store.readAll("qemu", RecordKind.CONFIG).entrySet()) {
            if (!e.getKey().endsWith(".autostart")) {
                codec.parse(new String(e.getValue(), StandardCharsets.UTF_8), DomainXmlCodec.PARSE_INACTIVE);
            }
        }
        Map<String, byte[]> statuses = bed.store.readAll("qemu", RecordKind.STATUS);
        assertEquals(statusRecords, statuses.size(), "status records: " + statuses.keySet());
        for (byte[] b : statuses.values()) {
            codec.parse(RuntimeStatus.fromBytes(b).liveXml(), 0);
        }
    }

    /** No monitor socket, pid file or domain folder of a guest that does not run. */
    private void assertRunFolderClean(UUID uuid) throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("run/system"))) {
            List<String> left = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(uuid.toString()) || n.startsWith("domain-")).toList();
            assertEquals(List.of(), left);
        }
    }

    /** {@code pgrep -f} of the guest's unique name. */
    private static List<Long> pgrep(String name) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("pgrep", "-f", "guest=" + name).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out.lines().map(String::strip).filter(s -> !s.isEmpty()).map(Long::valueOf).toList();
    }
}
