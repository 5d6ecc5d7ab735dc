package org.jvirt.driver.qemu.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.jvirt.api.ConnectUri;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.DriverConnection;
import org.jvirt.api.spi.RecordKind;
import org.jvirt.api.spi.StateStore;
import org.jvirt.core.store.FileStateStore;
import org.jvirt.driver.qemu.internal.vcpu.DefaultVcpuThreadResolver;
import org.jvirt.xml.internal.DomainXmlCodecImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Activation returns at once: reading the domains back, reattaching and autostarting run on the
 * driver's own thread, and connections wait for them.
 */
class QemuDriverActivationTest {
    private static final Path BOOT_ID = Path.of("/proc/sys/kernel/random/boot_id");
    private static final Function<Path, Path> AUTOSTART_MARKER = d -> d.resolve("run/system/autostarted");

    @TempDir
    Path dir;
    private final ConnectUri system = parse("qemu:///system");

    @Test
    void activateReturnsBeforeTheDomainsAreLoadedAndOpenWaitsForThem() throws Exception {
        FileStateStore files = new FileStateStore(dir.resolve("state"));
        UUID uuid = UUID.randomUUID();
        files.write("qemu", RecordKind.CONFIG, uuid.toString(),
                TestBed.xml("earlier1", uuid, 1, "").getBytes(UTF_8));
        BlockingStatusReads store = new BlockingStatusReads(files);
        QemuDriver driver = newDriver(store);

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> driver.activate(TestBed.config(dir), null),
                "activate waited for the reattach");
        assertTrue(store.entered.await(10, TimeUnit.SECONDS), "the reattach never started");
        assertNotSame(Thread.currentThread(), store.reader);
        CompletableFuture<DriverConnection> open = CompletableFuture.supplyAsync(() -> open(driver, system));
        // the reattach is held on the latch, so no connection can be served yet
        assertFalse(open.isDone(), "a connection was served before the reattach");
        assertFalse(Files.exists(AUTOSTART_MARKER.apply(dir)), "autostart ran before the reattach");

        store.release.countDown();
        DriverConnection conn = open.get(10, TimeUnit.SECONDS);
        try {
            assertEquals(List.of("earlier1"), conn.listAllDomains(0).stream().map(DomainRef::name).toList());
            // the autostart round marks the host's boot as done, where the kernel tells the boot id
            assertEquals(Files.isReadable(BOOT_ID), Files.exists(AUTOSTART_MARKER.apply(dir)),
                    "the autostart round did not run");
        } finally {
            conn.close();
            driver.deactivate();
        }
    }

    @Test
    void deactivateWaitsForTheLoadAndLaterOpensFail() throws Exception {
        BlockingStatusReads store = new BlockingStatusReads(new FileStateStore(dir.resolve("state")));
        QemuDriver driver = newDriver(store);
        driver.activate(TestBed.config(dir), null);
        assertTrue(store.entered.await(10, TimeUnit.SECONDS), "the reattach never started");
        CompletableFuture<Void> deactivated = CompletableFuture.runAsync(driver::deactivate);
        assertFalse(deactivated.isDone(), "deactivate did not wait for the reattach in progress");
        store.release.countDown();
        deactivated.get(10, TimeUnit.SECONDS);
        assertTrue(store.sessionLoaded, "deactivate returned before the load was done");
    }

    @Test
    void aLoadThatFailsIsReportedToEveryConnection() throws Exception {
        StateStore broken = new BlockingStatusReads(new FileStateStore(dir.resolve("state"))) {
            @Override
            public Map<String, byte[]> readAll(String driver, RecordKind kind) throws VirtException {
                throw new VirtException(ErrorCode.READ_FAILED, ErrorDomain.NONE, "disk gone");
            }
        };
        QemuDriver driver = newDriver(broken);
        driver.activate(TestBed.config(dir), null);
        try {
            VirtException e = assertThrows(VirtException.class, () -> driver.open(system, 0));
            assertEquals(ErrorCode.INTERNAL_ERROR, e.code());
            assertTrue(e.getMessage().contains("cannot load its domains: ") && e.getMessage().endsWith("disk gone"),
                    e.getMessage());
        } finally {
            driver.deactivate();
        }
    }

    private static QemuDriver newDriver(StateStore store) {
        QemuDriver driver = new QemuDriver(new DomainXmlCodecImpl(), store);
        driver.bindResolver(new DefaultVcpuThreadResolver(), Map.of("service.ranking", 0, "service.id", 1L));
        return driver;
    }

    private static ConnectUri parse(String uri) {
        try {
            return ConnectUri.parse(uri);
        } catch (VirtException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static DriverConnection open(QemuDriver driver, ConnectUri uri) {
        try {
            return driver.open(uri, 0).orElseThrow();
        } catch (VirtException e) {
            throw new CompletionException(e);
        }
    }

    /** A state store whose first read of status records waits for {@link #release}. */
    private static class BlockingStatusReads implements StateStore {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        volatile Thread reader;
        /** The last read of a load: the session URI's status records. */
        volatile boolean sessionLoaded;
        private final StateStore files;

        BlockingStatusReads(StateStore files) {
            this.files = files;
        }

        @Override
        public Map<String, byte[]> readAll(String driver, RecordKind kind) throws VirtException {
            if (kind == RecordKind.STATUS && reader == null) {
                reader = Thread.currentThread();
                entered.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.NONE, "interrupted");
                }
            }
            Map<String, byte[]> records = files.readAll(driver, kind);
            sessionLoaded |= kind == RecordKind.STATUS && driver.equals("qemu-session");
            return records;
        }

        @Override
        public void write(String driver, RecordKind kind, String key, byte[] content) throws VirtException {
            files.write(driver, kind, key, content);
        }

        @Override
        public Optional<byte[]> read(String driver, RecordKind kind, String key) throws VirtException {
            return files.read(driver, kind, key);
        }

        @Override
        public void delete(String driver, RecordKind kind, String key) throws VirtException {
            files.delete(driver, kind, key);
        }
    }
}
