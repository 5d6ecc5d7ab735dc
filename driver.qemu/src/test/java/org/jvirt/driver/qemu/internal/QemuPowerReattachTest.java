package org.jvirt.driver.qemu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jvirt.api.DomainEvent;
import org.jvirt.api.DomainEventType;
import org.jvirt.api.StateReason;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.driver.qemu.internal.process.QemuProcesses;
import org.jvirt.driver.qemu.internal.qmp.QmpClient;
import org.jvirt.driver.qemu.internal.qmp.QmpListener;
import org.jvirt.testing.ConsoleReader;
import org.jvirt.testing.LinuxGuest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A guest's power-off while the driver is being replaced, with a real Linux guest: the reboot the
 * old instance asked for (libvirt's fake reboot, kept in the status record as libvirt keeps
 * {@code <fakereboot/>}) and {@code <on_poweroff>} are carried out by the instance that takes over,
 * as libvirt's qemuProcessReconnect finishes a shutdown with qemuProcessShutdownOrReboot.
 * <p>
 * The guest is paused while the power button is pressed, so it can only act on it when the test
 * lets it run: either under the new instance, or while no driver watches (the test then resumes it
 * through a monitor connection of its own).
 */
class QemuPowerReattachTest {
    private static final Duration BOOT = Duration.ofSeconds(120);

    @TempDir
    Path dir;
    private TestBed bed;
    private LinuxGuest guest;

    @BeforeEach
    void setUp() throws Exception {
        bed = TestBed.openIfQemuInstalled(dir);
        guest = LinuxGuest.prepare(dir);
    }

    @AfterEach
    void tearDown() {
        if (bed != null) {
            bed.closeAndAssertNoGuestLeft();
        }
    }

    @Test
    void aRequestedRebootIsCompletedByTheNextDriverInstance() throws Exception {
        DomainRef ref = bed.conn.defineXml(xml("pr1", ""), 0);
        bed.conn.create(ref, 0);
        long pid = bed.pid(ref);
        awaitBoot(ref);

        // 1. the reboot is asked for, and the guest powers off only under the new instance
        bed.conn.suspend(ref);
        bed.conn.reboot(ref, 0);
        bed.newDriver();
        try (ConsoleReader console = new ConsoleReader(bed.conn.openConsole(ref, null, 0))) {
            bed.conn.resume(ref);
            console.await(LinuxGuest.READY, 1, BOOT);
        }
        assertEquals(pid, bed.pid(ref), "the same QEMU runs the rebooted guest");
        assertEquals(StateReason.RUNNING_BOOTED, bed.conn.state(ref).namedReason());
        assertTrue(QemuProcesses.isAlive(pid));

        // 2. the guest powers off while no driver watches
        bed.conn.suspend(ref);
        bed.conn.reboot(ref, 0);
        Path monitor = bed.host().byUuid(ref.uuid()).monitorPath();
        bed.stopDriver();
        powerOffUnwatched(monitor, pid, false);
        bed.newDriver();
        try (ConsoleReader console = new ConsoleReader(bed.conn.openConsole(ref, null, 0))) {
            console.await(LinuxGuest.READY, 1, BOOT);
        }
        assertEquals(StateReason.RUNNING_BOOTED, bed.conn.state(ref).namedReason());
        assertEquals(pid, bed.pid(ref));
        assertEquals(List.of(), stops(), "a reboot stops nothing");

        // 3. the fake reboot is done: a power-off (no reboot asked for) while no driver watches ends the guest
        monitor = bed.host().byUuid(ref.uuid()).monitorPath();
        bed.stopDriver();
        powerOffUnwatched(monitor, pid, true);
        bed.newDriver();
        assertTrue(QemuProcesses.waitGone(pid, Duration.ofSeconds(10)), "the powered-off guest still runs");
        awaitState(ref, StateReason.SHUTOFF_SHUTDOWN);
    }

    @Test
    void onPoweroffRestartAppliesToAPowerOffWhileNoDriverWatched() throws Exception {
        DomainRef ref = bed.conn.defineXml(xml("pr2", "<on_poweroff>restart</on_poweroff>"), 0);
        bed.conn.create(ref, 0);
        long pid = bed.pid(ref);
        awaitBoot(ref);

        Path monitor = bed.host().byUuid(ref.uuid()).monitorPath();
        bed.stopDriver();
        powerOffUnwatched(monitor, pid, true);
        bed.newDriver();
        try (ConsoleReader console = new ConsoleReader(bed.conn.openConsole(ref, null, 0))) {
            console.await(LinuxGuest.READY, 1, BOOT);
        }
        assertEquals(StateReason.RUNNING_BOOTED, bed.conn.state(ref).namedReason());
        assertEquals(pid, bed.pid(ref));
        bed.conn.destroy(ref, 0);
        assertEquals(StateReason.SHUTOFF_DESTROYED, bed.conn.state(ref).namedReason());
    }

    private void awaitBoot(DomainRef ref) throws Exception {
        try (ConsoleReader console = new ConsoleReader(bed.conn.openConsole(ref, null, 0))) {
            console.await(LinuxGuest.READY, 1, BOOT);
        }
    }

    /**
     * Through a monitor connection of the test's own: presses the power button if asked, lets the
     * guest run, and waits until it has powered off (QEMU, run with -no-shutdown, waits in status
     * "shutdown").
     */
    private static void powerOffUnwatched(Path monitor, long pid, boolean pressButton) throws Exception {
        QmpListener ignore = new QmpListener() {
            @Override
            public void onEvent(String event, JsonNode data) {
            }

            @Override
            public void onClose(boolean requested) {
            }
        };
        QmpClient qmp = QmpClient.connect("test", monitor, Duration.ofSeconds(10), () -> QemuProcesses.isAlive(pid),
                1 << 20, Duration.ofSeconds(10), ignore);
        try {
            if (pressButton) {
                qmp.execute("system_powerdown", null);
            }
            qmp.execute("cont", null);
            long deadline = System.nanoTime() + BOOT.toNanos();
            String status = "";
            while (System.nanoTime() < deadline) {
                status = qmp.execute("query-status", null).path("status").asText();
                if ("shutdown".equals(status)) {
                    return;
                }
                Thread.sleep(100);
            }
            throw new AssertionError("the guest did not power off; QEMU status " + status);
        } finally {
            qmp.close();
        }
    }

    private void awaitState(DomainRef ref, StateReason expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!expected.equals(bed.conn.state(ref).namedReason()) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(expected, bed.conn.state(ref).namedReason());
    }

    private List<DomainEventType> stops() {
        List<DomainEvent> all = new ArrayList<>();
        bed.events.drainTo(all);
        return all.stream().map(DomainEvent::type).filter(t -> t == DomainEventType.STOPPED).toList();
    }

    private String xml(String name, String actions) {
        return "<domain type='qemu'><name>" + name + "</name><uuid>" + UUID.randomUUID() + "</uuid>"
                + "<memory unit='MiB'>256</memory><vcpu>1</vcpu>" + guest.osAndFeaturesXml() + actions
                + "<devices><emulator>" + TestBed.QEMU + "</emulator><serial type='pty'/><console type='pty'/>"
                + "</devices></domain>";
    }
}
