package org.jvirt.driver.qemu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.driver.qemu.internal.caps.Accel;
import org.jvirt.driver.qemu.internal.caps.QemuCaps;
import org.jvirt.testing.DomainSchemaValidator;

/**
 * virConnectGetDomainCapabilities on the QEMU driver with the emulator installed here: the default
 * document (the emulator's preferred machine, valid against domaincaps.rng), an alias made
 * canonical, and libvirt 9.0's errors for each bad argument.
 */
class DomainCapabilitiesTest {
    @TempDir
    Path dir;

    @Test
    void theProbedEmulatorAnswers() throws Exception {
        assumeTrue(Files.isExecutable(TestBed.QEMU), "no " + TestBed.QEMU);
        try (TestBed bed = new TestBed(dir)) {
            QemuCaps caps = bed.driver.hostCapabilities().capsOf(TestBed.QEMU);
            String type = caps.has("kvm") ? "kvm" : "qemu";
            String xml = bed.conn.domainCapabilities(null, null, null, null, 0);
            assertTrue(xml.startsWith("<domainCapabilities>\n  <path>" + TestBed.QEMU + "</path>\n  <domain>" + type
                    + "</domain>\n  <machine>" + caps.defaultMachine(Accel.forDomainType(type)).name()
                    + "</machine>\n  <arch>x86_64</arch>\n"), xml);
            DomainSchemaValidator schema = DomainSchemaValidator.forSchema("domaincaps.rng");
            if (schema != null) {
                assertEquals(List.of(), schema.validate(xml));
            }
            String q35 = bed.conn.domainCapabilities(TestBed.QEMU.toString(), "x86_64", "q35", "qemu", 0);
            assertTrue(q35.contains("<machine>" + caps.canonicalMachine(Accel.TCG, "q35") + "</machine>"), q35);
            assertTrue(q35.contains("<mode name='custom' supported='yes'>"), q35);
            // the default type's CPU modes come from its own probe (KVM's when QEMU could use KVM)
            assertTrue(xml.contains("<mode name='custom' supported='yes'>"), xml);
            assertEquals(type.equals("kvm"), xml.contains("<mode name='host-passthrough' supported='yes'>"), xml);
            if (Files.isRegularFile(Path.of("/usr/share/libvirt/cpu_map/index.xml"))) {
                assertTrue(q35.contains("<mode name='host-model' supported='yes'>"), q35);
                assertTrue(xml.contains("<mode name='host-model' supported='yes'>"), xml);
            }
        }
    }

    @Test
    void badArgumentsGetLibvirtsErrors() throws Exception {
        assumeTrue(Files.isExecutable(TestBed.QEMU), "no " + TestBed.QEMU);
        try (TestBed bed = new TestBed(dir)) {
            assertError(ErrorCode.INVALID_ARG, "unsupported flags (0x1) in function qemuConnectGetDomainCapabilities",
                    () -> bed.conn.domainCapabilities(null, null, null, null, 1));
            assertError(ErrorCode.INVALID_ARG, "unknown architecture: foo",
                    () -> bed.conn.domainCapabilities(null, "foo", null, null, 0));
            assertError(ErrorCode.INVALID_ARG, "unknown virttype: bogus",
                    () -> bed.conn.domainCapabilities(null, null, null, "bogus", 0));
            assertError(ErrorCode.INVALID_ARG, "the machine 'nope' is not supported by emulator '" + TestBed.QEMU + "'",
                    () -> bed.conn.domainCapabilities(null, null, "nope", "qemu", 0));
            assertError(ErrorCode.SYSTEM_ERROR, "Cannot check QEMU binary /nonexistent/qemu: No such file or directory",
                    () -> bed.conn.domainCapabilities("/nonexistent/qemu", null, null, null, 0));
            assertError(ErrorCode.INVALID_ARG, "architecture from emulator 'x86_64' doesn't match given architecture "
                    + "'aarch64'", () -> bed.conn.domainCapabilities(TestBed.QEMU.toString(), "aarch64", null, null, 0));
            if (!bed.driver.hostCapabilities().capsOf(TestBed.QEMU).has("kvm")) {
                assertError(ErrorCode.INVALID_ARG, "the accel 'kvm' is not supported by '" + TestBed.QEMU
                        + "' on this host", () -> bed.conn.domainCapabilities(null, null, null, "kvm", 0));
                // without KVM every type but qemu fails the lookup (libvirt names its accelerator tcg)
                assertError(ErrorCode.INVALID_ARG, "the accel 'tcg' is not supported by '" + TestBed.QEMU
                        + "' on this host", () -> bed.conn.domainCapabilities(null, null, null, "xen", 0));
            } else {
                assertTrue(bed.conn.domainCapabilities(null, null, null, "kvm", 0).contains("<domain>kvm</domain>"));
                // with KVM the lookup passes and the emulator refuses the type by name
                assertError(ErrorCode.INVALID_ARG, "Emulator '" + TestBed.QEMU + "' does not support virt type 'xen'",
                        () -> bed.conn.domainCapabilities(null, null, null, "xen", 0));
            }
        }
    }

    private interface Call {
        String run() throws VirtException;
    }

    private static void assertError(ErrorCode code, String message, Call call) {
        VirtException e = assertThrows(VirtException.class, call::run);
        assertEquals(code, e.code(), e.getMessage());
        assertTrue(e.getMessage().endsWith(message), e.getMessage());
    }
}
