package org.jvirt.driver.qemu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jvirt.api.DomainEvent;
import org.jvirt.api.DomainEventType;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.StateReason;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.driver.qemu.internal.process.QemuProcesses;
import org.jvirt.testing.ConsoleReader;
import org.jvirt.testing.LinuxGuest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Power events of a real Linux guest (Debian's kernel and a busybox initramfs, TCG) with libvirt
 * 9.0's QEMU driver semantics: guest power-off and reboot, ACPI shutdown and reboot, and the
 * {@code <on_poweroff>}/{@code <on_reboot>} actions, with lifecycle events, details and state
 * reasons. Each test reuses one guest across its steps; the guests are killed by PID at the end.
 */
class QemuPowerTest {
    private static final Duration BOOT = Duration.ofSeconds(120);
    /** libvirt's VIR_DOMAIN_EVENT_SHUTDOWN_GUEST: "Finished after guest request". */
    private static final int SHUTDOWN_GUEST = 1;

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

    /**
     * Default actions (power-off destroys, reboot restarts): {@code reboot} is libvirt's ACPI
     * reboot (power button, then the driver resets the powered-off guest), the guest's own reboot
     * is QEMU's; neither shows as a lifecycle event. The guest's power-off shuts the domain off.
     */
    @Test
    void guestRebootsAndPowersOffWithTheDefaultActions() throws Exception {
        DomainRef ref = bed.conn.defineXml(xml("power1", ""), 0);
        bed.conn.create(ref, 0);
        long pid = bed.pid(ref);
        try (ConsoleReader console = new ConsoleReader(bed.conn.openConsole(ref, null, 0))) {
            console.await(LinuxGuest.READY, 1, BOOT);
            assertEquals(List.of(DomainEventType.DEFINED, DomainEventType.STARTED), drainTypes());
            // the live XML names the pty as libvirt does: the serial's source, the console's tty too
            String live = bed.conn.xmlDesc(ref, 0);
            Matcher pty = Pattern.compile("<serial type='pty'>\\s*<source path='(/dev/pts/\\d+)'/>").matcher(live);
            assertTrue(pty.find(), live);
            assertTrue(live.contains("<console type='pty' tty='" + pty.group(1) + "'>"), live);

            assertEquals(List.of(), drainReboots(), "booting is no reboot");

            bed.conn.reboot(ref, 0);
            console.await(LinuxGuest.READY, 2, BOOT);
            assertEquals(List.of(), drainTypes(), "a reboot is no lifecycle event");
            // but libvirt's reboot event, one per QEMU RESET: the driver's reset of the powered-off
            // guest, and SeaBIOS resets a warm-reset machine once more itself (a guest-reset)
            DomainRef running = new DomainRef("power1", ref.uuid(), bed.conn.lookupByUuid(ref.uuid()).id());
            assertRebootsOf(running, drainReboots());
            assertEquals(StateReason.RUNNING_BOOTED, bed.conn.state(ref).namedReason());
            assertEquals(pid, bed.pid(ref), "the same QEMU runs the rebooted guest");

            console.send("reboot -f\n");
            console.await(LinuxGuest.READY, 3, BOOT);
            assertEquals(List.of(), drainTypes());
            assertRebootsOf(running, drainReboots()); // the guest's own reset, and SeaBIOS's
            assertEquals(StateReason.RUNNING_BOOTED, bed.conn.state(ref).namedReason());

            console.send("poweroff -f\n");
            expectEvent(DomainEventType.SHUTDOWN, SHUTDOWN_GUEST);
            expectEvent(DomainEventType.STOPPED, DomainEventType.STOPPED_SHUTDOWN);
        }
        assertEquals(List.of(), drainReboots(), "a power-off is no reboot");
        assertEquals(StateReason.SHUTOFF_SHUTDOWN, bed.conn.state(ref).namedReason());
        assertTrue(QemuProcesses.waitGone(pid, Duration.ofSeconds(5)));
    }

    /**
     * {@code <on_reboot>destroy}: QEMU (7.2, with set-action) is told to power off on a reboot
     * instead of {@code -no-reboot}; the guest's reboot and {@code reboot} both end the guest as a
     * shutdown.
     */
    @Test
    void onRebootDestroyEndsTheGuestOnReboot() throws Exception {
        DomainRef ref = bed.conn.defineXml(xml("power2", "<on_reboot>destroy</on_reboot>"), 0);
        bed.conn.create(ref, 0);
        long pid = bed.pid(ref);
        assertFalse(QemuProcesses.cmdline(pid).orElseThrow().contains("-no-reboot"));
        try (ConsoleReader console = new ConsoleReader(bed.conn.openConsole(ref, null, 0))) {
            console.await(LinuxGuest.READY, 1, BOOT);
            drainTypes();
            console.send("reboot -f\n");
            expectEvent(DomainEventType.SHUTDOWN, SHUTDOWN_GUEST);
            expectEvent(DomainEventType.STOPPED, DomainEventType.STOPPED_SHUTDOWN);
        }
        assertEquals(StateReason.SHUTOFF_SHUTDOWN, bed.conn.state(ref).namedReason());

        bed.conn.create(ref, 0);
        long pid2 = bed.pid(ref);
        try (ConsoleReader console = new ConsoleReader(bed.conn.openConsole(ref, null, 0))) {
            console.await(LinuxGuest.READY, 1, BOOT);
            drainTypes();
            bed.conn.reboot(ref, 0);   // on_reboot=destroy: libvirt shuts the guest down instead
            expectEvent(DomainEventType.SHUTDOWN, SHUTDOWN_GUEST);
            expectEvent(DomainEventType.STOPPED, DomainEventType.STOPPED_SHUTDOWN);
        }
        assertEquals(StateReason.SHUTOFF_SHUTDOWN, bed.conn.state(ref).namedReason());
        assertTrue(QemuProcesses.waitGone(pid2, Duration.ofSeconds(5)));
        assertEquals(List.of(), drainReboots(), "QEMU powers off instead of resetting: no reboot event");
    }

    /**
     * {@code <on_poweroff>restart}: the guest's power-off and {@code shutdown} (ACPI) both restart
     * the guest in the same QEMU, without lifecycle events; an agent-only shutdown is refused.
     */
    @Test
    void onPoweroffRestartRestartsTheGuest() throws Exception {
        DomainRef ref = bed.conn.defineXml(xml("power3", "<on_poweroff>restart</on_poweroff>"), 0);
        bed.conn.create(ref, 0);
        long pid = bed.pid(ref);
        try (ConsoleReader console = new ConsoleReader(bed.conn.openConsole(ref, null, 0))) {
            console.await(LinuxGuest.READY, 1, BOOT);
            drainTypes();
            console.send("poweroff -f\n");
            console.await(LinuxGuest.READY, 2, BOOT);
            assertEquals(List.of(), drainTypes());
            // the restart resets the guest, and libvirt raises its reboot event on every reset
            DomainRef running = new DomainRef("power3", ref.uuid(), bed.conn.lookupByUuid(ref.uuid()).id());
            assertRebootsOf(running, drainReboots());
            assertEquals(StateReason.RUNNING_BOOTED, bed.conn.state(ref).namedReason());

            bed.conn.shutdown(ref, 0);
            console.await(LinuxGuest.READY, 3, BOOT);
            assertEquals(List.of(), drainTypes());
            assertRebootsOf(running, drainReboots());
            assertEquals(StateReason.RUNNING_BOOTED, bed.conn.state(ref).namedReason());
            assertEquals(pid, bed.pid(ref));

            VirtException agent = assertThrows(VirtException.class, () -> bed.conn.shutdown(ref, 2));
            assertEquals(ErrorCode.ARGUMENT_UNSUPPORTED, agent.code());
            assertEquals("argument unsupported: QEMU guest agent is not configured", agent.getMessage());
        }
        bed.conn.destroy(ref, 0);
        expectEvent(DomainEventType.STOPPED, DomainEventType.STOPPED_DESTROYED);
        assertEquals(StateReason.SHUTOFF_DESTROYED, bed.conn.state(ref).namedReason());
    }

    /**
     * The actions libvirt's QEMU driver cannot carry out are refused (qemuValidateLifecycleAction;
     * jvirt runs the QEMU validation when a guest starts).
     */
    @Test
    void unsupportedActionsAreRefused() {
        VirtException preserve = assertThrows(VirtException.class,
                () -> bed.conn.createXml(xml("power4", "<on_reboot>preserve</on_reboot>"), 0));
        assertEquals(ErrorCode.CONFIG_UNSUPPORTED, preserve.code());
        assertEquals("unsupported configuration: qemu driver doesn't support the 'preserve' action for "
                + "'on_reboot'/'on_poweroff'", preserve.getMessage());
        VirtException both = assertThrows(VirtException.class, () -> bed.conn.createXml(xml("power4",
                "<on_poweroff>restart</on_poweroff><on_reboot>destroy</on_reboot>"), 0));
        assertEquals(ErrorCode.CONFIG_UNSUPPORTED, both.code());
        assertTrue(both.getMessage().contains("'onReboot' set to 'destroy"), both.getMessage());
        VirtException gone = assertThrows(VirtException.class, () -> bed.conn.lookupByName("power4"));
        assertEquals(ErrorCode.NO_DOMAIN, gone.code());
    }

    private String xml(String name, String actions) {
        return "<domain type='qemu'><name>" + name + "</name><uuid>" + UUID.randomUUID() + "</uuid>"
                + "<memory unit='MiB'>256</memory><vcpu>1</vcpu>" + guest.osAndFeaturesXml() + actions
                + "<devices><emulator>" + TestBed.QEMU + "</emulator><serial type='pty'/><console type='pty'/>"
                + "</devices></domain>";
    }

    private void expectEvent(DomainEventType type, int detail) throws InterruptedException {
        DomainEvent e = bed.events.poll(60, TimeUnit.SECONDS);
        assertNotNull(e, "no " + type + " event");
        assertEquals(type, e.type(), e.toString());
        assertEquals(detail, e.detail(), e.toString());
    }

    /**
     * At least one reboot event, each naming the running domain. QEMU reports a RESET for every
     * reset and libvirt raises a reboot event for each; how many resets a reboot takes is the
     * guest's firmware's business (SeaBIOS resets a warm-reset machine once more, sometimes twice).
     */
    private static void assertRebootsOf(DomainRef dom, List<DomainRef> reboots) {
        assertFalse(reboots.isEmpty(), "no reboot event");
        assertEquals(List.of(dom), reboots.stream().distinct().toList());
    }

    /** The reboot events so far, taken from the queue. */
    private List<DomainRef> drainReboots() {
        List<DomainRef> all = new ArrayList<>();
        bed.reboots.drainTo(all);
        return all;
    }

    /** The types of the events so far, taken from the queue. */
    private List<DomainEventType> drainTypes() {
        List<DomainEvent> all = new ArrayList<>();
        bed.events.drainTo(all);
        return all.stream().map(DomainEvent::type).toList();
    }
}
