package org.jvirt.driver.qemu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.jvirt.api.DomainState;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.HostDirectories;
import org.jvirt.api.spi.RecordKind;
import org.jvirt.driver.qemu.internal.process.QemuProcesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A listening UNIX socket the definition names ({@code <serial type='unix'><source mode='bind'>})
 * in a folder only root may write: the driver binds it, gives it to the guest's user and QEMU,
 * run as that user, inherits it ({@code fd=3}), as libvirt 9.0 does. A client reads the guest
 * kernel's serial output through it; the guest survives a new driver instance, and the socket
 * file is removed when it stops.
 */
class QemuListenSocketTest {
    private Path dir;
    private TestBed bed;
    private long uid;
    private long gid;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(TestBed.qemuInstalled(), "qemu-system-x86_64 not installed");
        assumeTrue(HostDirectories.isRoot(), "the DAC driver works for a daemon run as root");
        Optional<long[]> ids = QemuDacTest.ids("libvirt-qemu");
        uid = ids.map(i -> i[0]).orElse(64055L);
        Optional<Long> kvm = QemuDacTest.groupId("kvm");
        gid = kvm.orElse(107L);
        dir = Files.createTempDirectory("jsock");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        bed = new TestBed(dir, StartObserver.NONE, ids.isPresent() ? "libvirt-qemu" : "+64055",
                kvm.isPresent() ? "kvm" : "+107");
    }

    @AfterEach
    void tearDown() throws IOException {
        if (bed != null) {
            bed.closeAndAssertNoGuestLeft();
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void aBindSerialSocketInARootOnlyFolderIsBoundByTheDriverAndInheritedByTheGuest() throws Exception {
        Path kernel = kernel();
        assumeTrue(kernel != null, "no kernel in /boot");
        Path root = Files.createDirectory(dir.resolve("private"));
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx------"));
        Path sock = root.resolve("serial.sock");
        UUID u = UUID.randomUUID();
        DomainRef g = bed.conn.createXml("<domain type='qemu'><name>sock1</name><uuid>" + u + "</uuid>"
                + "<memory unit='KiB'>131072</memory><vcpu>1</vcpu>"
                + "<os><type arch='x86_64' machine='pc'>hvm</type><kernel>" + kernel + "</kernel>"
                + "<cmdline>console=ttyS0 earlyprintk=serial,ttyS0,115200 panic=-1</cmdline></os>"
                + "<devices><emulator>" + TestBed.QEMU + "</emulator>"
                + "<serial type='unix'><source mode='bind' path='" + sock + "'/><target port='0'/></serial>"
                + "</devices></domain>", 0);
        long pid = bed.pid(g);
        assertEquals(uid, id(Path.of("/proc", Long.toString(pid)), "unix:uid"), "QEMU's user");

        // QEMU got the socket as descriptor 3 and binds nothing itself; the daemon kept no copy
        String cmdline = new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
                StandardCharsets.UTF_8).replace('\0', ' ');
        assertTrue(cmdline.contains("-chardev socket,id=charserial0,fd=3,server=on,wait=off"), cmdline);
        assertFalse(cmdline.contains(sock.toString()), cmdline);
        String inQemu = Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "fd", "3")).toString();
        assertTrue(inQemu.startsWith("socket:["), inQemu);
        try (Stream<Path> mine = Files.list(Path.of("/proc/self/fd"))) {
            assertTrue(mine.map(QemuListenSocketTest::linkOrEmpty).noneMatch(inQemu::equals),
                    "the driver closed its copy of " + inQemu);
        }
        assertEquals(uid, id(sock, "unix:uid"), "the socket is the guest's");
        assertEquals(gid, id(sock, "unix:gid"));

        // a client reads the kernel's serial console through it
        String seen = readUntil(sock, "Linux version", 180_000);
        assertTrue(seen.contains("Linux version"), seen);

        // a new driver instance takes the guest over; the socket stays until the guest stops
        bed.newDriver();
        DomainRef again = bed.conn.lookupByUuid(u);
        assertEquals(pid, bed.pid(again));
        assertEquals(DomainState.RUNNING, bed.conn.state(again).state());
        assertTrue(Files.exists(sock));
        bed.conn.destroy(again, 0);
        assertFalse(QemuProcesses.isAlive(pid));
        assertFalse(Files.exists(sock), "the socket goes with the guest");
        assertEquals(List.of(), bed.conn.listAllDomains(0));
    }

    @Test
    void aSocketThatCannotBeBoundFailsTheStartWithLibvirtsErrorAndLeavesNothing() throws Exception {
        Path sock = dir.resolve("missing-folder").resolve("serial.sock");
        UUID u = UUID.randomUUID();
        VirtException e = assertThrows(VirtException.class, () -> bed.conn.createXml(
                "<domain type='qemu'><name>sock2</name><uuid>" + u + "</uuid>"
                        + "<memory unit='KiB'>65536</memory><vcpu>1</vcpu>"
                        + "<os><type arch='x86_64' machine='pc'>hvm</type></os>"
                        + "<devices><emulator>" + TestBed.QEMU + "</emulator>"
                        + "<serial type='unix'><source mode='bind' path='" + sock + "'/><target port='0'/></serial>"
                        + "</devices></domain>", 0));
        assertEquals(ErrorCode.SYSTEM_ERROR, e.code());
        assertTrue(e.getMessage().contains("Unable to bind to UNIX socket path '" + sock + "'"), e.getMessage());
        assertTrue(bed.store.readAll("qemu", RecordKind.STATUS).isEmpty());
        assertEquals(List.of(), bed.conn.listAllDomains(0));
    }

    private static long id(Path p, String attribute) throws IOException {
        return ((Number) Files.getAttribute(p, attribute)).longValue();
    }

    private static String linkOrEmpty(Path p) {
        try {
            return Files.readSymbolicLink(p).toString();
        } catch (IOException e) {
            return "";
        }
    }

    /** Reads {@code sock} until {@code marker} shows or the time is up; what was read. */
    private static String readUntil(Path sock, String marker, long timeoutMs) throws IOException, InterruptedException {
        StringBuilder out = new StringBuilder();
        long deadline = System.nanoTime() + timeoutMs * 1_000_000;
        try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(sock))) {
            ch.configureBlocking(false);
            ByteBuffer buf = ByteBuffer.allocate(4096);
            while (System.nanoTime() < deadline && !out.toString().contains(marker)) {
                buf.clear();
                int n = ch.read(buf);
                if (n < 0) {
                    break;
                }
                if (n == 0) {
                    Thread.sleep(100);
                    continue;
                }
                out.append(new String(buf.array(), 0, n, StandardCharsets.ISO_8859_1));
            }
        }
        return out.toString();
    }

    /** A copy of the host's Debian kernel only root may read, or null. */
    private Path kernel() throws IOException {
        Path boot = Path.of("/boot");
        if (!Files.isDirectory(boot)) {
            return null;
        }
        try (Stream<Path> s = Files.list(boot)) {
            Optional<Path> k = s.filter(p -> p.getFileName().toString().startsWith("vmlinuz-")).sorted().findFirst();
            if (k.isEmpty()) {
                return null;
            }
            Path copy = dir.resolve("vmlinuz");
            Files.copy(k.get(), copy);
            Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-------"));
            return copy;
        }
    }
}
