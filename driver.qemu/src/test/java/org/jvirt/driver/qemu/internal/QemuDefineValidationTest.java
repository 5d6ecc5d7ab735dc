package org.jvirt.driver.qemu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;

import org.jvirt.api.DomainState;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.RecordKind;
import org.jvirt.driver.qemu.internal.probe.QemuKvm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver's define, create and start validate a definition against the emulator's probed
 * capabilities as libvirt 9.0 does (qemuValidateDomainDef at define and create, again in
 * qemuProcessStartValidate), while the definitions read back at load are kept unvalidated.
 * An emulator that cannot use KVM is the real QEMU behind a wrapper that leaves KVM out of its
 * accelerators: the probe finds KVM present but not enabled, as on a host without usable KVM.
 */
class QemuDefineValidationTest {
    private static final String NO_KVM = "# QEMU without KVM: -machine ...,accel=kvm:tcg becomes accel=tcg\n"
            + "n=$#\n"
            + "for a in \"$@\"; do\n"
            + "  case \"$a\" in *accel=kvm:tcg) a=\"${a%accel=kvm:tcg}accel=tcg\";; esac\n"
            + "  set -- \"$@\" \"$a\"\n"
            + "done\n"
            + "shift $n\n";

    @TempDir
    Path dir;
    TestBed bed;

    @BeforeEach
    void open() throws VirtException {
        bed = TestBed.openIfQemuInstalled(dir);
    }

    @AfterEach
    void close() {
        if (bed != null) {
            bed.closeAndAssertNoGuestLeft();
        }
    }

    /** An emulator script: {@code prelude} (may rewrite the arguments), then the real QEMU. */
    private Path emulator(String name, String prelude, long mtimeMillis) throws Exception {
        Path script = dir.resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + prelude + "exec " + TestBed.QEMU + " \"$@\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        // the capabilities cache keys on the binary's modification time: make each version distinct
        Files.setLastModifiedTime(script, FileTime.fromMillis(mtimeMillis));
        return script;
    }

    private static String kvmGuest(String name, UUID uuid, Path emulator) {
        return TestBed.xml(name, uuid, 1, "").replace("type='qemu'", "type='kvm'")
                .replace(TestBed.QEMU.toString(), emulator.toString());
    }

    private static void assertVirtTypeRefused(VirtException e, Path emulator) {
        assertEquals(ErrorCode.CONFIG_UNSUPPORTED, e.code(), e.toString());
        assertEquals("unsupported configuration: Emulator '" + emulator + "' does not support virt type 'kvm'",
                e.getMessage());
    }

    @Test
    void aKvmGuestIsRefusedAtDefineAndCreateWhenItsEmulatorCannotUseKvm() throws Exception {
        Path noKvm = emulator("qemu-no-kvm", NO_KVM, 1_000_000_000_000L);
        UUID uuid = UUID.randomUUID();
        String xml = kvmGuest("nokvm", uuid, noKvm);

        assertVirtTypeRefused(assertThrows(VirtException.class, () -> bed.conn.defineXml(xml, 0)), noKvm);
        assertVirtTypeRefused(assertThrows(VirtException.class, () -> bed.conn.createXml(xml, 0)), noKvm);
        // nothing defined, stored or started
        assertTrue(bed.conn.listAllDomains(0).isEmpty());
        assertEquals(ErrorCode.NO_DOMAIN, assertThrows(VirtException.class, () -> bed.conn.lookupByUuid(uuid)).code());
        assertFalse(bed.store.read("qemu", RecordKind.CONFIG, uuid.toString()).isPresent());

        // the same emulator runs TCG guests: only the virt type was wrong
        DomainRef ref = bed.conn.defineXml(xml.replace("type='kvm'", "type='qemu'"), 0);
        assertTrue(bed.conn.isPersistent(ref));
    }

    @Test
    void aKvmGuestOfTheDefaultEmulatorIsDefinedExactlyWhenQemuCanUseKvm() throws Exception {
        boolean kvm = QemuKvm.usable(TestBed.QEMU, dir);
        String xml = kvmGuest("kvmdef", UUID.randomUUID(), TestBed.QEMU);
        if (kvm) {
            assertTrue(bed.conn.isPersistent(bed.conn.defineXml(xml, 0)));
        } else {
            assertVirtTypeRefused(assertThrows(VirtException.class, () -> bed.conn.defineXml(xml, 0)), TestBed.QEMU);
            assertTrue(bed.conn.listAllDomains(0).isEmpty());
        }
    }

    @Test
    void aStoredDefinitionTheEmulatorRefusesIsKeptAtLoadAndRefusedAtStart() throws Exception {
        Path noKvm = emulator("qemu-no-kvm", NO_KVM, 1_000_000_000_000L);
        UUID uuid = UUID.randomUUID();
        // as an earlier driver on a host with KVM (or an older jvirt without these checks) stored it
        bed.store.write("qemu", RecordKind.CONFIG, uuid.toString(),
                kvmGuest("stored", uuid, noKvm).getBytes(StandardCharsets.UTF_8));
        bed.newDriver();

        DomainRef ref = bed.conn.lookupByUuid(uuid);
        assertEquals("stored", ref.name());
        assertTrue(bed.conn.xmlDesc(ref, 0).startsWith("<domain type='kvm'>"));
        assertVirtTypeRefused(assertThrows(VirtException.class, () -> bed.conn.create(ref, 0)), noKvm);
        assertEquals(DomainState.SHUTOFF, bed.conn.state(ref).state());
        assertTrue(bed.conn.isPersistent(bed.conn.lookupByUuid(uuid)), "the refused start dropped the definition");
        assertTrue(bed.store.read("qemu", RecordKind.CONFIG, uuid.toString()).isPresent());
    }

    @Test
    void startValidatesAgainstTheEmulatorsCapabilitiesOfNow() throws Exception {
        assumeTrue(QemuKvm.usable(TestBed.QEMU, dir), "QEMU cannot use KVM here: a kvm guest cannot be defined");
        Path wrapper = emulator("qemu-wrapper", "", 1_000_000_000_000L);
        UUID uuid = UUID.randomUUID();
        DomainRef ref = bed.conn.defineXml(kvmGuest("later", uuid, wrapper), 0);

        // the emulator changed since the define: it cannot use KVM any more (libvirt re-validates a new start)
        emulator("qemu-wrapper", NO_KVM, 1_000_000_100_000L);
        assertVirtTypeRefused(assertThrows(VirtException.class, () -> bed.conn.create(ref, 0)), wrapper);
        assertEquals(DomainState.SHUTOFF, bed.conn.state(ref).state());

        // and once it can again, the same definition starts (paused: an idle KVM guest would burn a core)
        emulator("qemu-wrapper", "", 1_000_000_200_000L);
        bed.conn.create(ref, 1);
        assertEquals(DomainState.PAUSED, bed.conn.state(ref).state());
        bed.pid(ref);
        bed.conn.destroy(ref, 0);
    }
}
