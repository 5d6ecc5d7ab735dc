package org.jvirt.driver.qemu.internal.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jvirt.driver.qemu.internal.caps.Accel;
import org.jvirt.driver.qemu.internal.caps.CapsKey;
import org.jvirt.driver.qemu.internal.caps.MachineType;
import org.jvirt.driver.qemu.internal.caps.QemuCaps;
import org.jvirt.driver.qemu.internal.caps.QemuCapsCache;
import org.jvirt.driver.qemu.internal.caps.QemuCapsDumpLoader;
import org.jvirt.testing.LibvirtTestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Probes the installed qemu-system-x86_64 over QMP, through the capabilities cache. */
class QmpProberTest {
    private static final Path QEMU = Path.of("/usr/bin/qemu-system-x86_64");

    /** The flags the prober derives, compared with what libvirt derives from the same QEMU series. */
    private static final Set<String> DERIVED = Set.of("tcg", "thread-context", "smp-dies", "smp-clusters",
            "set-action", "cpu.migratable", "qemu-xhci", "virtio-net", "i8042", "query-cpu-definitions",
            "query-cpu-model-expansion", "piix3-usb-uhci", "usb-ehci", "ich9-ahci", "VGA", "cirrus-vga",
            "pcie-root-port", "virtio-scsi-pci", "e1000", "rtl8139");

    @Test
    void probesTheInstalledEmulatorOncePerModificationTime(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(QEMU), "no " + QEMU);
        // a wrapper that execs the real binary: same process, but an mtime the test may change
        Path bin = dir.resolve("qemu-system-x86_64");
        Files.writeString(bin, "#!/bin/sh\nexec " + QEMU + " \"$@\"\n");
        Files.setPosixFilePermissions(bin, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setLastModifiedTime(bin, FileTime.fromMillis(1_000_000_000L));
        AtomicInteger probes = new AtomicInteger();
        QmpProber prober = new QmpProber(dir.resolve("probes"), Duration.ofSeconds(30), 16 << 20);
        QemuCapsCache cache = new QemuCapsCache(key -> {
            probes.incrementAndGet();
            return prober.probe(key);
        });
        Set<Long> qemusBefore = qemuPids(dir);

        long t0 = System.nanoTime();
        QemuCaps caps = cache.get(bin);
        long probeMs = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("qmp probe of " + QEMU + ": " + probeMs + " ms, version " + caps.version() + ", "
                + caps.machines(Accel.TCG).size() + " machines, " + caps.cpuModels(Accel.TCG).size()
                + " CPU models, " + caps.flags().size() + " flags");

        assertEquals(versionOf(QEMU), caps.version());
        assertEquals(7002, caps.version() / 1000, "QEMU 7.2 expected here");
        assertEquals("x86_64", caps.arch());
        assertEquals(bin.toAbsolutePath().toString(), caps.key().binaryPath());
        assertEquals(1_000_000_000L, caps.key().mtimeMillis());
        MachineType pc = caps.machine(Accel.TCG, "pc");
        assertNotNull(pc, "alias pc");
        assertEquals("pc-i440fx-7.2", pc.name());
        assertEquals("pc-i440fx-7.2", caps.canonicalMachine(Accel.TCG, "pc"));
        assertTrue(pc.isDefault());
        assertEquals(255, pc.maxCpus());
        assertEquals("qemu64-x86_64-cpu", pc.defaultCpuType());
        assertEquals("pc.ram", pc.defaultRamId());
        assertEquals("pc-q35-7.2", caps.canonicalMachine(Accel.TCG, "q35"));
        assertTrue(caps.machines(Accel.TCG).stream().noneMatch(m -> m.name().equals("none")));
        assertTrue(caps.cpuModels(Accel.TCG).stream().anyMatch(c -> c.name().equals("qemu64")
                && "yes".equals(c.usable())));
        assertTrue(caps.cpuModels(Accel.TCG).stream().anyMatch(c -> c.name().equals("Haswell")));

        // second call: served from the cache
        assertSame(caps, cache.get(bin));
        assertEquals(1, probes.get());

        // a changed binary is probed again
        Files.setLastModifiedTime(bin, FileTime.fromMillis(2_000_000_000L));
        QemuCaps again = cache.get(bin);
        assertEquals(2, probes.get());
        assertEquals(2_000_000_000L, again.key().mtimeMillis());
        assertEquals(caps.flags(), again.flags());

        // every probe process is gone, and its folder too
        assertEquals(qemusBefore, qemuPids(dir));
        assertTrue(qemusBefore.isEmpty());
        try (var s = Files.list(dir.resolve("probes"))) {
            assertEquals(0, s.count());
        }
        compareWithLibvirtDump(caps);
    }

    /**
     * The machines and the derivable flags match libvirt's own probe of QEMU 7.2.0 (when the data is
     * there; it is required in CI, see LibvirtTestData).
     */
    private static void compareWithLibvirtDump(QemuCaps probed) throws IOException {
        Path dumps = LibvirtTestData.find("qemucapabilitiesdata");
        if (dumps == null) {
            System.out.println("qmp probe: not compared with libvirt's 7.2.0 dump (no libvirt test data)");
            return;
        }
        QemuCaps libvirt = new QemuCapsDumpLoader().load(dumps.resolve("caps_7.2.0_x86_64.xml"));
        Set<String> want = new TreeSet<>(DERIVED);
        want.retainAll(libvirt.flags());
        Set<String> got = new TreeSet<>(DERIVED);
        got.retainAll(probed.flags());
        assertEquals(want, got, "flags derived from the probe vs libvirt's 7.2.0 dump");
        List<String> libvirtMachines = libvirt.machines(Accel.TCG).stream().map(MachineType::name).sorted().toList();
        List<String> ours = probed.machines(Accel.TCG).stream().map(MachineType::name).sorted().toList();
        assertEquals(libvirtMachines, ours);
        for (MachineType m : libvirt.machines(Accel.TCG)) {
            MachineType p = probed.machine(Accel.TCG, m.name());
            assertEquals(m.alias(), p.alias(), m.name());
            assertEquals(m.maxCpus(), p.maxCpus(), m.name());
            assertEquals(m.hotplugCpus(), p.hotplugCpus(), m.name());
            assertEquals(m.numaMemSupported(), p.numaMemSupported(), m.name());
        }
    }

    /**
     * As libvirt's virQEMUCapsInitQMP: where QEMU can use KVM the first probe runs under it and
     * its machines, models and host CPU ({@code host}) are KVM's, a second probe gives TCG's; where
     * it cannot, there is no KVM data. Whether KVM works is asked of QEMU itself, separately.
     */
    @Test
    void keepsKvmAndTcgDataApartAsFarAsKvmWorks(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(QEMU), "no " + QEMU);
        boolean kvm = QemuKvm.usable(QEMU, dir);
        QemuCaps caps = new QmpProber(dir.resolve("p"), Duration.ofSeconds(30), 16 << 20)
                .probe(new CapsKey(QEMU.toString(), 1));
        System.out.println("qmp probe with KVM usable: " + kvm);
        assertEquals(kvm, caps.has("kvm"));
        assertTrue(caps.has("tcg"));
        // TCG: the preferred machine first (libvirt's "pc"), the models usable under TCG, max expanded
        assertEquals("pc-i440fx-7.2", caps.machines(Accel.TCG).get(0).name());
        assertTrue(caps.cpuModels(Accel.TCG).stream().anyMatch(c -> c.name().equals("qemu64")
                && "yes".equals(c.usable())));
        assertNotNull(caps.hostCpu(Accel.TCG));
        if (kvm) {
            assertEquals(caps.machines(Accel.TCG).stream().map(MachineType::name).toList(),
                    caps.machines(Accel.KVM).stream().map(MachineType::name).toList());
            assertFalse(caps.cpuModels(Accel.KVM).isEmpty());
            assertTrue(caps.cpuModels(Accel.KVM).stream().allMatch(c -> c.usable() != null));
            // "host" under KVM is this CPU: its family is the one the kernel reports
            assertEquals(cpuinfo("cpu family"), number(caps.hostCpu(Accel.KVM), "family"));
            assertEquals(cpuinfo("model"), number(caps.hostCpu(Accel.KVM), "model"));
        } else {
            assertEquals(List.of(), caps.machines(Accel.KVM));
            assertEquals(List.of(), caps.cpuModels(Accel.KVM));
            assertEquals(null, caps.hostCpu(Accel.KVM));
        }
    }

    private static String number(org.jvirt.driver.qemu.internal.caps.HostCpuExpansion cpu, String prop) {
        return cpu.props().stream().filter(p -> p.name().equals(prop)).findFirst().orElseThrow().value();
    }

    private static String cpuinfo(String key) throws IOException {
        return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                .filter(l -> l.replaceFirst("\\s*:.*", "").equals(key)).findFirst().orElseThrow()
                .replaceFirst("^[^:]*:\\s*", "");
    }

    @Test
    void aBinaryThatIsNotQemuFailsWithItsOutput(@TempDir Path dir) throws Exception {
        Path bin = dir.resolve("qemu-system-x86_64");
        Files.writeString(bin, "#!/bin/sh\necho 'not a real emulator' >&2\nexit 1\n");
        Files.setPosixFilePermissions(bin, PosixFilePermissions.fromString("rwxr-xr-x"));
        QemuCapsCache cache = new QemuCapsCache(new QmpProber(dir.resolve("p"), Duration.ofSeconds(5), 1 << 20));
        IOException e = assertThrows(IOException.class, () -> cache.get(bin));
        assertTrue(e.getMessage().contains("cannot probe the capabilities of " + bin), e.getMessage());
        assertTrue(e.getMessage().contains("not a real emulator"), e.getMessage());
    }

    private static int versionOf(Path qemu) throws Exception {
        Process p = new ProcessBuilder(qemu.toString(), "--version").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        Matcher m = Pattern.compile("version (\\d+)\\.(\\d+)\\.(\\d+)").matcher(out);
        assertTrue(m.find(), out);
        return Integer.parseInt(m.group(1)) * 1_000_000 + Integer.parseInt(m.group(2)) * 1000
                + Integer.parseInt(m.group(3));
    }

    /** Processes whose command line names the test's folder (the probes' sockets are in it). */
    private static Set<Long> qemuPids(Path dir) {
        Set<Long> out = new TreeSet<>();
        ProcessHandle.allProcesses().forEach(h -> h.info().commandLine().ifPresent(c -> {
            if (c.contains(dir.toString())) {
                out.add(h.pid());
            }
        }));
        assertFalse(out.contains(ProcessHandle.current().pid()));
        return out;
    }
}
