package org.jvirt.driver.qemu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.StateReason;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.RecordKind;
import org.jvirt.driver.qemu.internal.process.QemuProcesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A start that fails at any step, with an exception or an {@code Error}, leaves nothing: no
 * process, no monitor socket, pid file, domain folder or status record; the domain is shut off
 * (failed), a transient one gone, and the next start works.
 */
class FailedStartTest {
    @TempDir
    Path dir;
    private TestBed bed;
    private volatile StartObserver.Stage failAt;
    private volatile boolean asError;
    private final AtomicLong pid = new AtomicLong(-1);

    @AfterEach
    void tearDown() {
        if (bed != null) {
            bed.closeAndAssertNoGuestLeft();
        }
        QemuProcesses.terminate(pid.get(), Duration.ofSeconds(3), Duration.ofSeconds(3));
    }

    @ParameterizedTest(name = "fails at {0} ({1}), {2} domain")
    @CsvSource({"SPAWNED,exception,persistent", "MONITOR_CONNECTED,error,persistent",
        "VCPUS_READY,exception,transient", "CONTINUED,error,persistent", "STARTED,exception,transient"})
    void aStartFailingAtAnyStepLeavesNothing(StartObserver.Stage stage, String kind, String mode) throws Exception {
        assumeTrue(TestBed.qemuInstalled(), "qemu-system-x86_64 not installed");
        bed = new TestBed(dir, (s, dom) -> {
            if (s == failAt) {
                pid.set(dom.pid());
                if (asError) {
                    throw new AssertionError("injected at " + s);
                }
                throw new IllegalStateException("injected at " + s);
            }
        });
        failAt = stage;
        asError = "error".equals(kind);
        UUID uuid = UUID.randomUUID();
        String name = "fs" + uuid.toString().substring(0, 8);
        String xml = TestBed.xml(name, uuid, 1, "");
        boolean persistent = "persistent".equals(mode);
        DomainRef ref = persistent ? bed.conn.defineXml(xml, 0) : null;
        Throwable t = assertThrows(Throwable.class, () -> {
            if (persistent) {
                bed.conn.create(ref, 0);
            } else {
                bed.conn.createXml(xml, 0);
            }
        });
        if (asError) {
            assertTrue(t instanceof AssertionError, t.toString());
        } else {
            assertEquals(ErrorCode.INTERNAL_ERROR, ((VirtException) t).code(), t.toString());
        }
        assertTrue(pid.get() > 0);
        assertFalse(QemuProcesses.isAlive(pid.get()), "the failed start's QEMU still runs");
        assertTrue(bed.store.readAll("qemu", RecordKind.STATUS).isEmpty(), "a status record is left");
        assertEquals(List.of(), runFiles(uuid));
        if (persistent) {
            assertEquals(StateReason.SHUTOFF_FAILED, bed.conn.state(ref).namedReason());
            failAt = null;
            bed.conn.create(ref, 0);
            assertTrue(QemuProcesses.isAlive(bed.pid(ref)));
            bed.conn.destroy(ref, 0);
        } else {
            assertEquals(List.of(), bed.conn.listAllDomains(0), "the failed transient domain is listed");
        }
    }

    /** The guest's monitor socket, pid file and domain folder, if any is left. */
    private List<String> runFiles(UUID uuid) throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("run/system"))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(uuid.toString()) || n.startsWith("domain-")).toList();
        }
    }
}
