package org.jvirt.driver.qemu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.NodeInfo;
import org.jvirt.api.VirtException;
import org.jvirt.driver.qemu.internal.caps.Accel;
import org.jvirt.driver.qemu.internal.caps.QemuCaps;
import org.jvirt.driver.qemu.internal.caps.QemuCapsCache;
import org.jvirt.driver.qemu.internal.launch.Emulators;
import org.jvirt.driver.qemu.internal.probe.QemuKvm;
import org.jvirt.driver.qemu.internal.probe.QmpProber;
import org.jvirt.testing.DomainSchemaValidator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The host-wide calls of a QEMU connection with the installed emulators: capabilities (probed over
 * QMP, valid against libvirt's capability.rng), node info, max vCPUs and domxml-to-native.
 */
class QemuHostCapabilitiesTest {
    private TestBed bed;

    @BeforeEach
    void start() throws Exception {
        bed = TestBed.openInTempDirIfQemuInstalled("jqh");
    }

    @AfterEach
    void stop() throws Exception {
        if (bed != null) {
            bed.closeAndDeleteDir();
        }
    }

    @Test
    void capabilitiesDescribeTheHostAndTheProbedEmulators() throws Exception {
        long t0 = System.nanoTime();
        String xml = bed.conn.capabilities();
        long firstMs = (System.nanoTime() - t0) / 1_000_000;
        t0 = System.nanoTime();
        assertEquals(xml, bed.conn.capabilities());
        long secondMs = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("capabilities: first call " + firstMs + " ms (probes), second " + secondMs + " ms");

        DomainSchemaValidator rng = DomainSchemaValidator.forSchema("capability.rng");
        if (rng != null) {
            rng.assertValid("virsh capabilities", xml);
        }
        assertTrue(xml.startsWith("<capabilities>\n\n  <host>\n"), xml);
        assertTrue(xml.contains("<emulator>" + TestBed.QEMU + "</emulator>"), xml);
        assertTrue(xml.contains("<machine maxCpus='255'>pc-i440fx-7.2</machine>"), xml);
        assertTrue(xml.contains("<machine canonical='pc-i440fx-7.2' maxCpus='255'>pc</machine>"), xml);
        assertTrue(xml.contains("<machine canonical='pc-q35-7.2' maxCpus='288'>q35</machine>"), xml);
        assertFalse(xml.contains(">none</machine>"), xml);
        assertTrue(xml.contains("<domain type='qemu'/>"), xml);
        NodeInfo node = bed.conn.nodeInfo();
        assertTrue(xml.contains("<cpus num='" + node.cpus() + "'>"), xml);
        assertTrue(xml.contains("<memory unit='KiB'>" + node.memoryKiB() + "</memory>"), xml);
        if (Files.isExecutable(Path.of("/usr/bin/qemu-system-i386"))) {
            assertTrue(xml.contains("<arch name='i686'>"), xml);
        }
        // a kvm domain type when QEMU can run under KVM here, as libvirt's probe finds
        assertEquals(QemuKvm.usable(TestBed.QEMU, bed.dir), xml.contains("<domain type='kvm'/>"), xml);

        // the driver's cache: the same probe result for the same binary
        HostCapabilities hc = bed.driver.hostCapabilities();
        QemuCaps caps = hc.capsOf(TestBed.QEMU);
        assertSame(caps, hc.capsOf(TestBed.QEMU));
        assertEquals("pc-i440fx-7.2", caps.canonicalMachine(Accel.TCG, "pc"));
    }

    @Test
    void nodeInfoAndMaxVcpus() throws Exception {
        NodeInfo node = bed.conn.nodeInfo();
        assertEquals(Runtime.getRuntime().availableProcessors(), node.cpus());
        assertEquals(node.cpus(), node.nodes() * node.sockets() * node.cores() * node.threads(), node.toString());
        assertTrue(node.memoryKiB() > 0);
        assertEquals("x86_64", node.model());

        assertEquals(16, bed.conn.maxVcpus(null));
        assertEquals(16, bed.conn.maxVcpus("qemu"));
        assertEquals(16, bed.conn.maxVcpus("QEMU"));
        VirtException e = assertThrows(VirtException.class, () -> bed.conn.maxVcpus("xen"));
        assertEquals(ErrorCode.INVALID_ARG, e.code());
        assertTrue(e.getMessage().contains("unknown type 'xen'"), e.getMessage());
        if (Files.isWritable(Path.of("/dev/kvm"))) {
            int kvm = bed.conn.maxVcpus("kvm");
            System.out.println("maxvcpus kvm: " + kvm);
            assertTrue(kvm >= 4, "KVM_CAP_MAX_VCPUS " + kvm);
        } else {
            assertEquals(ErrorCode.SYSTEM_ERROR, assertThrows(VirtException.class,
                    () -> bed.conn.maxVcpus("kvm")).code());
        }
    }

    @Test
    void domainXmlToNativeUsesTheProbedEmulatorAndRealPaths() throws Exception {
        String xml = TestBed.xml("native1", UUID.fromString("4f0b1a8e-8d7a-4d36-9b0c-2a1f8e6d0c11"), 2, "");
        String argv = bed.conn.domainXmlToNative("qemu-argv", xml, 0);
        Path run = bed.dir.resolve("run").resolve("system").toAbsolutePath();
        assertTrue(argv.contains(TestBed.QEMU + " \\\n"), argv);
        assertTrue(argv.contains("-name guest=native1,debug-threads=on \\\n"), argv);
        assertTrue(argv.contains("-S \\\n"), argv);
        assertTrue(argv.contains("path=" + run + "/domain--1-native1/monitor.sock"), argv);
        assertFalse(argv.contains("fd=1729"), argv);
        assertTrue(argv.contains("-machine pc-i440fx-7.2,"), argv);
        assertTrue(argv.contains("-accel tcg \\\n"), argv);
        assertTrue(argv.contains("-uuid 4f0b1a8e-8d7a-4d36-9b0c-2a1f8e6d0c11 \\\n"), argv);
        // nothing started: no domain, no process
        assertTrue(bed.conn.listAllDomains(0).isEmpty());

        VirtException fmt = assertThrows(VirtException.class, () -> bed.conn.domainXmlToNative("xen-xm", xml, 0));
        assertEquals(ErrorCode.INVALID_ARG, fmt.code());
        assertTrue(fmt.getMessage().contains("Unsupported config type xen-xm"), fmt.getMessage());
        VirtException bad = assertThrows(VirtException.class,
                () -> bed.conn.domainXmlToNative("qemu-argv", "<domain type='qemu'>", 0));
        assertTrue(List.of(ErrorCode.XML_ERROR, ErrorCode.XML_DETAIL).contains(bad.code()), bad.toString());
        VirtException flags = assertThrows(VirtException.class, () -> bed.conn.domainXmlToNative("qemu-argv", xml, 1));
        assertEquals(ErrorCode.INVALID_ARG, flags.code());
        VirtException noEmu = assertThrows(VirtException.class, () -> bed.conn.domainXmlToNative("qemu-argv",
                xml.replace(TestBed.QEMU.toString(), "/nonexistent/qemu-system-x86_64"), 0));
        assertTrue(noEmu.getMessage().contains("/nonexistent/qemu-system-x86_64"), noEmu.getMessage());
    }

    @Test
    void anEmulatorThatCannotBeProbedIsLeftOut() throws Exception {
        Path dir = Files.createDirectories(bed.dir.resolve("bin"));
        Path broken = dir.resolve("qemu-system-aarch64");
        Files.writeString(broken, "#!/bin/sh\necho 'cannot run here' >&2\nexit 1\n");
        Path good = dir.resolve("qemu-system-x86_64");
        Files.writeString(good, "#!/bin/sh\nexec " + TestBed.QEMU + " \"$@\"\n");
        Path variant = dir.resolve("qemu-system-x86_64-microvm");
        Files.writeString(variant, "#!/bin/sh\nexit 1\n");
        for (Path p : List.of(broken, good, variant)) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        var emulators = new Emulators(new String[] {dir.toString()});
        assertEquals(List.of(good, broken).stream().sorted().toList(), emulators.all());
        HostCapabilities hc = new HostCapabilities(new QemuCapsCache(
                new QmpProber(bed.dir.resolve("p"),
                        Duration.ofSeconds(10), 1 << 20)), emulators);
        String xml = hc.capabilities();
        assertTrue(xml.contains("<emulator>" + good + "</emulator>"), xml);
        assertFalse(xml.contains(broken.toString()), xml);
        assertFalse(xml.contains("<emulator>" + variant + "</emulator>"), xml);
        DomainSchemaValidator rng = DomainSchemaValidator.forSchema("capability.rng");
        if (rng != null) {
            rng.assertValid("capabilities without the broken emulator", xml);
        }
    }
}
