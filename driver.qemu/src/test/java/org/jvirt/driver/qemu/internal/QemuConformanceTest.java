package org.jvirt.driver.qemu.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jvirt.api.Connection;
import org.jvirt.api.VirtException;
import org.jvirt.api.tck.DriverConformanceSuite;
import org.jvirt.core.internal.CoreConnectionFactory;
import org.junit.jupiter.api.AfterAll;

/**
 * The driver conformance suite on {@code qemu:///system} through the core's facade, with real
 * QEMU TCG guests (64 MiB, no OS). Every guest still known to a test bed is killed by PID at the
 * end.
 */
class QemuConformanceTest extends DriverConformanceSuite {
    private static final List<TestBed> BEDS = new CopyOnWriteArrayList<>();
    private TestBed bed;
    private CoreConnectionFactory core;

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
