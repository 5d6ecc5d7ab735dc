package org.jvirt.driver.qemu.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jvirt.api.Connection;
import org.jvirt.api.Domain;
import org.jvirt.api.VirtException;
import org.jvirt.api.tck.DriverConformanceSuite;
import org.jvirt.core.internal.CoreConnectionFactory;
import org.jvirt.testing.ConsoleReader;
import org.jvirt.testing.LinuxGuest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;

/**
 * The driver conformance suite on {@code qemu:///system} through the core's facade, with real
 * QEMU TCG guests (no OS; a Linux guest for shutdown and reboot). Every guest still known to a
 * test bed is killed by PID at the end.
 */
class QemuConformanceTest extends DriverConformanceSuite {
    private static final List<TestBed> BEDS = new CopyOnWriteArrayList<>();
    private TestBed bed;
    private CoreConnectionFactory core;
    /** The consoles of the guests with an OS, by domain name, open from their start. */
    private final Map<String, ConsoleReader> consoles = new HashMap<>();

    @Override
    protected Connection openConnection(int flags) throws VirtException {
        assumeTrue(TestBed.qemuInstalled(), "qemu-system-x86_64 not installed");
        if (bed == null) {
            try {
                bed = new TestBed(Files.createTempDirectory("jqc"));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            BEDS.add(bed);
            core = CoreConnectionFactory.forDriver(bed.driver, "qemu");
        }
        return core.open("qemu:///system", flags);
    }

    @Override
    protected String domainXml(String name, UUID uuid, long memKiB) {
        return "<domain type='qemu'><name>" + name + "</name><uuid>" + uuid + "</uuid>"
                + "<memory unit='KiB'>" + memKiB + "</memory><vcpu>2</vcpu>"
                + "<os><type arch='x86_64' machine='pc'>hvm</type></os>"
                + "<devices><emulator>" + TestBed.QEMU + "</emulator></devices></domain>";
    }

    /**
     * A real Linux guest (Debian's kernel and a busybox initramfs) that powers off on the ACPI
     * button; a missing kernel fails the test with what to install.
     */
    @Override
    protected String guestOsXml(String name, UUID uuid) throws Exception {
        LinuxGuest guest = LinuxGuest.prepare(Files.createDirectories(bed.dir.resolve("guest-os")));
        return "<domain type='qemu'><name>" + name + "</name><uuid>" + uuid + "</uuid>"
                + "<memory unit='MiB'>256</memory><vcpu>1</vcpu>" + guest.osAndFeaturesXml()
                + "<devices><emulator>" + TestBed.QEMU + "</emulator><serial type='pty'/><console type='pty'/>"
                + "</devices></domain>";
    }

    /** Counts the guest's ready lines on its console, opened at the first call (before the first boot ends). */
    @Override
    protected void awaitGuestBoot(Domain d, int times) throws Exception {
        ConsoleReader console = consoles.get(d.name());
        if (console == null) {
            console = new ConsoleReader(d.openConsole(null, 0));
            consoles.put(d.name(), console);
        }
        console.await(LinuxGuest.READY, times, Duration.ofSeconds(120));
    }

    @AfterEach
    void closeConsoles() {
        consoles.values().forEach(ConsoleReader::close);
        consoles.clear();
    }

    /** Every call of the suite is supported (capabilities and domxml-to-native use the probed emulators). */
    @Override
    protected Set<String> unsupportedOperations() {
        return Set.of();
    }

    /** Real vCPU threads: an idle one reports the CPU it last ran on (Cpus_allowed is checked in QemuVcpuTest). */
    @Override
    protected boolean vcpusRunAtOnce() {
        return false;
    }

    @AfterAll
    static void killGuests() throws Exception {
        for (TestBed b : BEDS) {
            b.close();
            deleteTree(b.dir);
        }
        BEDS.clear();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
