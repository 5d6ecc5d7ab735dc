package org.jvirt.driver.qemu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.CreateFlag;
import org.jvirt.api.DomainEvent;
import org.jvirt.api.DomainEventType;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ListFlag;
import org.jvirt.api.StateReason;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.driver.qemu.internal.domain.QemuDomainObj;
import org.jvirt.driver.qemu.internal.process.QemuProcesses;
import org.jvirt.testing.ConsoleReader;
import org.jvirt.testing.LinuxGuest;

/**
 * Managed save of a real Linux guest (Debian's kernel, busybox initramfs, TCG) with libvirt 9.0's
 * QEMU driver semantics: a file written into the guest's RAM-backed root (initramfs) before the save is read
 * back over the serial console after the restore (a reboot would have lost it), the image exists
 * only while the domain is shut off, force-boot boots afresh, and events, reasons and errors are
 * libvirt's. Guests are killed by PID at the end.
 */
class QemuManagedSaveTest {
    private static final Duration BOOT = Duration.ofSeconds(120);
    private static final Duration SHELL = Duration.ofSeconds(30);
    private static final int STARTED_RESTORED = 2;
    private static final int SUSPENDED_RESTORED = 4;
    private static final int STOPPED_SAVED = 4;

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
    void theGuestsMemorySurvivesSaveAndRestore() throws Exception {
        DomainRef ref = bed.conn.defineXml(xml("saved1"), 0);
        Path image = dir.resolve("save/system/saved1.save");
        bed.conn.create(ref, 0);
        long pid = bed.pid(ref);
        String token = "tok" + UUID.randomUUID().toString().substring(0, 8);
        try (ConsoleReader console = new ConsoleReader(bed.conn.openConsole(ref, null, 0))) {
            console.await(LinuxGuest.READY, 1, BOOT);
            // typed as "to''k...": the echo of the typed line never shows the token itself
            console.send("echo to''" + token.substring(2) + " > /marker\n");
            console.send("cat /marker\n");
            console.await(token, 1, SHELL);
        }
        drain();
        assertFalse(bed.conn.ownManagedSave().orElseThrow().hasManagedSaveImage(ref, 0));

        bed.conn.ownManagedSave().orElseThrow().managedSave(ref, 0);
        expect(DomainEventType.SUSPENDED, DomainEventType.SUSPENDED_PAUSED);
        expect(DomainEventType.STOPPED, STOPPED_SAVED);
        assertEquals(StateReason.SHUTOFF_SAVED, bed.conn.state(ref).namedReason());
        assertTrue(QemuProcesses.waitGone(pid, Duration.ofSeconds(5)), "QEMU is gone after the save");
        assertTrue(bed.conn.ownManagedSave().orElseThrow().hasManagedSaveImage(ref, 0));
        assertImage(image, 1);
        assertEquals(List.of("saved1"), names(ListFlag.MANAGEDSAVE.bit()));
        assertEquals(List.of(), names(ListFlag.NO_MANAGEDSAVE.bit()));
        try (var files = Files.list(image.getParent())) {
            assertEquals(List.of(image), files.toList(), "no temporary file left beside the image");
        }
        VirtException refused = assertThrows(VirtException.class, () -> bed.conn.undefine(ref, 0));
        assertEquals(ErrorCode.OPERATION_INVALID, refused.code());
        assertEquals("Requested operation is not valid: Refusing to undefine while domain managed save image "
                + "exists", refused.getMessage());
        VirtException notRunning = assertThrows(VirtException.class, () -> bed.conn.ownManagedSave().orElseThrow().managedSave(ref, 0));
        assertEquals(ErrorCode.OPERATION_INVALID, notRunning.code());
        assertEquals("Requested operation is not valid: domain is not running", notRunning.getMessage());

        bed.conn.create(ref, 0);
        long restored = bed.pid(ref);
        assertNotEquals(pid, restored);
        expect(DomainEventType.STARTED, STARTED_RESTORED);
        assertEquals(StateReason.RUNNING_RESTORED, bed.conn.state(ref).namedReason());
        assertFalse(Files.exists(image), "the image goes once the guest runs");
        assertFalse(bed.conn.ownManagedSave().orElseThrow().hasManagedSaveImage(ref, 0));
        try (ConsoleReader console = new ConsoleReader(bed.conn.openConsole(ref, null, 0))) {
            console.send("cat /marker\n");
            console.await(token, 1, SHELL);
            assertEquals(0, console.count(LinuxGuest.READY), "the guest did not boot again");
        }

        // saved paused (VIR_DOMAIN_SAVE_PAUSED): restored paused, "paused (migrating)" as libvirt's
        drain();
        bed.conn.ownManagedSave().orElseThrow().managedSave(ref, ManagedSave.SAVE_PAUSED);
        expect(DomainEventType.SUSPENDED, DomainEventType.SUSPENDED_PAUSED);
        expect(DomainEventType.STOPPED, STOPPED_SAVED);
        assertImage(image, 0);
        bed.conn.create(ref, 0);
        bed.pid(ref);
        expect(DomainEventType.STARTED, STARTED_RESTORED);
        expect(DomainEventType.SUSPENDED, SUSPENDED_RESTORED);
        assertEquals(StateReason.PAUSED_MIGRATION, bed.conn.state(ref).namedReason());
        // a paused guest saved with VIR_DOMAIN_SAVE_RUNNING: no pause event, and it runs once restored
        drain();
        bed.conn.ownManagedSave().orElseThrow().managedSave(ref, ManagedSave.SAVE_RUNNING);
        expect(DomainEventType.STOPPED, STOPPED_SAVED);
        assertImage(image, 1);
        bed.conn.create(ref, 0);
        bed.pid(ref);
        expect(DomainEventType.STARTED, STARTED_RESTORED);
        assertEquals(StateReason.RUNNING_RESTORED, bed.conn.state(ref).namedReason());
        try (ConsoleReader console = new ConsoleReader(bed.conn.openConsole(ref, null, 0))) {
            console.send("cat /marker\n");
            console.await(token, 1, SHELL);
        }

        // VIR_DOMAIN_START_FORCE_BOOT: the image is discarded, the guest boots afresh
        bed.conn.ownManagedSave().orElseThrow().managedSave(ref, 0);
        assertTrue(Files.exists(image));
        drain();
        bed.conn.create(ref, CreateFlag.START_FORCE_BOOT.bit());
        bed.pid(ref);
        expect(DomainEventType.STARTED, DomainEventType.STARTED_BOOTED);
        assertEquals(StateReason.RUNNING_BOOTED, bed.conn.state(ref).namedReason());
        assertFalse(Files.exists(image));
        try (ConsoleReader console = new ConsoleReader(bed.conn.openConsole(ref, null, 0))) {
            console.await(LinuxGuest.READY, 1, BOOT);
            console.send("cat /marker || echo gon''e\n");
            console.await("gone", 1, SHELL);
            assertEquals(0, console.count(token), "a fresh boot has a fresh RAM disk");
        }

        // undefine with VIR_DOMAIN_UNDEFINE_MANAGED_SAVE takes the image along
        bed.conn.ownManagedSave().orElseThrow().managedSave(ref, 0);
        assertTrue(Files.exists(image));
        bed.conn.undefine(ref, 1);
        assertFalse(Files.exists(image));
        assertEquals(ErrorCode.NO_DOMAIN,
                assertThrows(VirtException.class, () -> bed.conn.lookupByName("saved1")).code());
    }

    /**
     * A foreign image fails the start with libvirt's error and stays; an incomplete one (libvirt's
     * partial magic) is removed and the guest boots. managedsave-remove without an image is
     * libvirt's system error. A save that cannot create its image leaves the guest running.
     */
    @Test
    void badImagesAndFailedSaves() throws Exception {
        DomainRef ref = bed.conn.defineXml(xml("saved2"), 0);
        Path image = dir.resolve("save/system/saved2.save");
        Files.createDirectories(image.getParent());
        Files.write(image, new byte[200]);
        VirtException corrupt = assertThrows(VirtException.class, () -> bed.conn.create(ref, 0));
        assertEquals(ErrorCode.OPERATION_FAILED, corrupt.code());
        assertEquals("operation failed: image magic is incorrect", corrupt.getMessage());
        assertTrue(Files.exists(image), "libvirt keeps an image it cannot read");
        assertEquals(StateReason.SHUTOFF_UNKNOWN.state(), bed.conn.state(ref).state());
        bed.conn.ownManagedSave().orElseThrow().managedSaveRemove(ref, 0);
        assertFalse(bed.conn.ownManagedSave().orElseThrow().hasManagedSaveImage(ref, 0));
        VirtException none = assertThrows(VirtException.class, () -> bed.conn.ownManagedSave().orElseThrow().managedSaveRemove(ref, 0));
        assertEquals(ErrorCode.SYSTEM_ERROR, none.code());
        assertEquals("Failed to remove managed save file '" + image + "': No such file or directory",
                none.getMessage());

        // an image of another domain, and one whose stream QEMU cannot load: the start fails, the image stays
        String other = xml("other").replaceFirst("<uuid>[^<]+</uuid>", "<uuid>" + UUID.randomUUID() + "</uuid>");
        writeImage(image, other, "QEVM".getBytes(StandardCharsets.US_ASCII));
        VirtException foreign = assertThrows(VirtException.class, () -> bed.conn.create(ref, 0));
        assertEquals(ErrorCode.OPERATION_FAILED, foreign.code());
        assertTrue(foreign.getMessage().matches("operation failed: cannot restore domain 'saved2' uuid "
                + ref.uuid() + " from a file which belongs to domain 'other' uuid [-0-9a-f]{36}"), foreign.getMessage());
        assertTrue(Files.exists(image));
        writeImage(image, bed.conn.xmlDesc(ref, 0), "not a migration stream".getBytes(StandardCharsets.US_ASCII));
        VirtException garbage = assertThrows(VirtException.class, () -> bed.conn.create(ref, 0));
        assertEquals(ErrorCode.INTERNAL_ERROR, garbage.code());
        assertTrue(garbage.getMessage().contains("cannot restore the saved state"), garbage.getMessage());
        assertTrue(Files.exists(image), "libvirt keeps an image QEMU could not load");
        assertEquals(StateReason.SHUTOFF_FAILED, bed.conn.state(ref).namedReason());
        assertTrue(bed.driver.hosts().get(0).byUuid(ref.uuid()).pid() <= 0);

        byte[] partial = new byte[200];
        System.arraycopy("LibvirtQemudPart".getBytes(StandardCharsets.US_ASCII), 0, partial, 0, 16);
        Files.write(image, partial);
        drain();
        bed.conn.create(ref, 0);
        long pid = bed.pid(ref);
        expect(DomainEventType.STARTED, DomainEventType.STARTED_BOOTED);
        assertFalse(Files.exists(image), "an incomplete image is removed and ignored");

        // the save folder cannot be made: the save fails after the pause, and the guest runs on
        Path saveDir = image.getParent();
        Files.delete(saveDir);
        Files.write(saveDir, new byte[0]);
        drain();
        VirtException failed = assertThrows(VirtException.class, () -> bed.conn.ownManagedSave().orElseThrow().managedSave(ref, 0));
        assertEquals(ErrorCode.SYSTEM_ERROR, failed.code());
        assertTrue(failed.getMessage().startsWith("Failed to create file '" + image + "'"), failed.getMessage());
        expect(DomainEventType.SUSPENDED, DomainEventType.SUSPENDED_PAUSED);
        expect(DomainEventType.RESUMED, DomainEventType.RESUMED_UNPAUSED);
        assertEquals(StateReason.RUNNING_SAVE_CANCELED, bed.conn.state(ref).namedReason());
        assertEquals(pid, bed.pid(ref));
        assertTrue(QemuProcesses.isAlive(pid));
        Files.delete(saveDir);

        // an image compressed by gzip (libvirt's save_image_format = "gzip") restores through gzip -dc
        bed.conn.ownManagedSave().orElseThrow().managedSave(ref, 0);
        gzipStream(image);
        drain();
        bed.conn.create(ref, 0);
        assertNotEquals(pid, bed.pid(ref));
        expect(DomainEventType.STARTED, STARTED_RESTORED);
        assertEquals(StateReason.RUNNING_RESTORED, bed.conn.state(ref).namedReason());
        assertFalse(Files.exists(image));

        DomainRef transientRef = bed.conn.createXml(xml("saved3"), 0);
        bed.pid(transientRef);
        VirtException tr = assertThrows(VirtException.class, () -> bed.conn.ownManagedSave().orElseThrow().managedSave(transientRef, 0));
        assertEquals(ErrorCode.OPERATION_INVALID, tr.code());
        assertEquals("Requested operation is not valid: cannot do managed save for transient domain",
                tr.getMessage());
    }

    /**
     * QEMU names a migration blocker (an ivshmem device in peer mode): libvirt's
     * qemuMigrationSrcIsAllowed refuses the save before the guest is paused, and no file is made.
     */
    @Test
    void aGuestQemuCannotMigrateIsNotSaved() throws Exception {
        String name = "saved4";
        // an ivshmem device without master=on blocks migration in QEMU ("peer mode")
        DomainRef ref = bed.conn.defineXml("<domain type='qemu' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'>"
                + "<name>" + name + "</name><memory unit='MiB'>64</memory><vcpu>1</vcpu>"
                + "<os><type arch='x86_64' machine='pc'>hvm</type></os><devices><emulator>" + TestBed.QEMU
                + "</emulator></devices><qemu:commandline><qemu:arg value='-object'/>"
                + "<qemu:arg value='memory-backend-ram,id=jvirtshm,size=1M,share=on'/><qemu:arg value='-device'/>"
                + "<qemu:arg value='ivshmem-plain,memdev=jvirtshm,bus=pci.0,addr=0x9'/></qemu:commandline></domain>", 0);
        bed.conn.create(ref, 0);
        long pid = bed.pid(ref);
        drain();
        VirtException e = assertThrows(VirtException.class, () -> bed.conn.ownManagedSave().orElseThrow().managedSave(ref, 0));
        assertEquals(ErrorCode.OPERATION_INVALID, e.code());
        assertEquals("Requested operation is not valid: cannot migrate domain: Migration is disabled when using "
                + "feature 'peer mode' in device 'ivshmem'", e.getMessage());
        assertEquals(List.of(), drainTypes(), "the guest was not paused");
        assertEquals(StateReason.RUNNING_BOOTED, bed.conn.state(ref).namedReason());
        assertTrue(QemuProcesses.isAlive(pid));
        assertEquals("running", bed.host().byUuid(ref.uuid()).qmp().execute("query-status", null)
                .path("status").asText());
        assertFalse(Files.exists(dir.resolve("save/system/" + name + ".save")));
        assertFalse(bed.conn.ownManagedSave().orElseThrow().hasManagedSaveImage(ref, 0));
        bed.conn.destroy(ref, 0);
    }

    /**
     * A daemon that died during a save left the guest paused for it and a part image: the next
     * driver cancels the migration and resumes the guest (libvirt's qemuProcessRecoverJob), and
     * removes the part.
     */
    @Test
    void aSaveTheDaemonDidNotFinishIsUndoneOnReattach() throws Exception {
        DomainRef ref = bed.conn.defineXml(TestBed.xml("saved5", UUID.randomUUID(), 1, ""), 0);
        bed.conn.create(ref, 0);
        long pid = bed.pid(ref);
        QemuDomainObj obj = bed.host().byUuid(ref.uuid());
        // the state a save leaves between its pause and its end, as the status record holds it
        synchronized (obj) {
            obj.qmp().execute("stop", null);
            obj.setState(StateReason.PAUSED_SAVE);
            bed.host().saveStatus(obj);
        }
        Path part = dir.resolve("save/system/saved5.save.part");
        Files.createDirectories(part.getParent());
        Files.write(part, new byte[92]);
        bed.newDriver();
        assertEquals(StateReason.RUNNING_SAVE_CANCELED, bed.conn.state(ref).namedReason());
        assertEquals(pid, bed.pid(ref));
        assertEquals("running", bed.host().byUuid(ref.uuid()).qmp().execute("query-status", null)
                .path("status").asText());
        assertFalse(Files.exists(part));
        bed.conn.destroy(ref, 0);
    }

    /** The image's header: complete magic, version 2, raw, was_running as saved; the XML names the guest. */
    private static void assertImage(Path image, int wasRunning) throws Exception {
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(image)));
        byte[] head = Arrays.copyOf(Files.readAllBytes(image), 4096);
        assertEquals("LibvirtQemudSave", new String(head, 0, 16, StandardCharsets.US_ASCII));
        assertEquals(2, head[16]);
        assertEquals(wasRunning, head[24]);
        assertEquals(0, head[28], "raw format");
        String xml = new String(head, 92, 4096 - 92, StandardCharsets.UTF_8);
        assertTrue(xml.startsWith("<domain type='qemu'>"), xml);
        assertTrue(Files.size(image) > 1_000_000, "QEMU's state follows: " + Files.size(image));
    }

    /** An image as libvirt writes it: header, {@code xml}, then {@code stream} as QEMU's state. */
    private static void writeImage(Path image, String xml, byte[] stream) throws Exception {
        Files.deleteIfExists(image);
        try (var w = org.jvirt.driver.qemu.internal.save.SaveImageFile.create(image, xml, true)) {
            w.stream().write(java.nio.ByteBuffer.wrap(stream));
            w.commit();
        }
    }

    /** Rewrites a raw image as libvirt writes a gzip one: format 1, the stream through gzip. */
    private static void gzipStream(Path image) throws Exception {
        byte[] all = Files.readAllBytes(image);
        int dataLen = java.nio.ByteBuffer.wrap(all, 20, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
        int streamAt = 92 + dataLen;
        var out = new java.io.ByteArrayOutputStream();
        out.write(all, 0, streamAt);
        try (var gz = new java.util.zip.GZIPOutputStream(out)) {
            gz.write(all, streamAt, all.length - streamAt);
        }
        byte[] packed = out.toByteArray();
        packed[28] = 1; // QEMU_SAVE_FORMAT_GZIP
        Files.write(image, packed);
    }

    private List<String> names(int flags) throws VirtException {
        return bed.conn.listAllDomains(flags).stream().map(DomainRef::name).toList();
    }

    private String xml(String name) {
        return "<domain type='qemu'><name>" + name + "</name><uuid>" + UUID.randomUUID() + "</uuid>"
                + "<memory unit='MiB'>256</memory><vcpu>1</vcpu>" + guest.osAndFeaturesXml()
                + "<devices><emulator>" + TestBed.QEMU + "</emulator><serial type='pty'/><console type='pty'/>"
                + "</devices></domain>";
    }

    private void expect(DomainEventType type, int detail) throws InterruptedException {
        DomainEvent e = bed.events.poll(60, TimeUnit.SECONDS);
        assertNotNull(e, "no " + type + " event");
        assertEquals(type + "/" + detail, e.type() + "/" + e.detail(), e.toString());
    }

    private List<DomainEventType> drainTypes() {
        List<DomainEvent> all = new ArrayList<>();
        bed.events.drainTo(all);
        return all.stream().map(DomainEvent::type).toList();
    }

    private void drain() {
        bed.events.drainTo(new ArrayList<>());
    }
}
