package org.jvirt.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jvirt.api.Connection;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.junit.jupiter.api.Test;

/** An open during the daemon's start waits for its driver; outside a start a missing driver fails at once. */
class StartupWaitTest {
    private final FakeHost host = new FakeHost();
    private final CoreConnectionFactory core = new CoreConnectionFactory(Duration.ofSeconds(10));
    private final AtomicBoolean starting = new AtomicBoolean(true);

    StartupWaitTest() {
        core.startingWhile(starting::get);
    }

    private void register(String name, String scheme) {
        core.addDriver(new FakeDriver(name, 0, host), FakeDriver.props(0, scheme));
    }

    @Test
    void anOpenDuringTheStartWaitsForItsDriver() throws Exception {
        register("Test", "test");
        CompletableFuture<String> opened = CompletableFuture.supplyAsync(() -> {
            try (Connection c = core.open("qemu:///system", 0)) {
                return c.type();
            } catch (VirtException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(300);
        assertTrue(!opened.isDone(), "the open returned before the QEMU driver was registered");
        register("QEMU", "qemu");
        assertEquals("QEMU", opened.get(5, TimeUnit.SECONDS));
    }

    @Test
    void theEndOfTheStartEndsTheWaitWithLibvirtsError() throws Exception {
        CompletableFuture<VirtException> failed = CompletableFuture.supplyAsync(
                () -> assertThrows(VirtException.class, () -> core.open("qemu:///system", 0)));
        Thread.sleep(300);
        assertTrue(!failed.isDone(), "the open failed while the framework was still starting");
        long t0 = System.nanoTime();
        starting.set(false);
        VirtException e = failed.get(5, TimeUnit.SECONDS);
        assertEquals(ErrorCode.NO_CONNECT, e.code());
        assertTrue(e.getMessage().contains("no driver serves scheme 'qemu'"), e.getMessage());
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(2), "the wait outlasted the start");
    }

    @Test
    void outsideAStartAMissingDriverFailsAtOnce() {
        starting.set(false);
        long t0 = System.nanoTime();
        VirtException e = assertThrows(VirtException.class, () -> core.open("qemu:///system", 0));
        assertEquals(ErrorCode.NO_CONNECT, e.code());
        assertTrue(System.nanoTime() - t0 < TimeUnit.MILLISECONDS.toNanos(500), "an open outside the start waited");
    }

    @Test
    void theWaitEndsAtTheDriverWait() {
        CoreConnectionFactory quick = new CoreConnectionFactory(Duration.ofMillis(400));
        quick.startingWhile(() -> true);
        long t0 = System.nanoTime();
        VirtException e = assertThrows(VirtException.class, () -> quick.open("lxc:///", 0));
        long waited = System.nanoTime() - t0;
        assertEquals(ErrorCode.NO_CONNECT, e.code());
        assertTrue(waited >= TimeUnit.MILLISECONDS.toNanos(400) && waited < TimeUnit.SECONDS.toNanos(3),
                "waited " + waited / 1_000_000 + " ms");
    }

    @Test
    void aSecondaryDriverAskedForDuringTheStartIsWaitedFor() throws Exception {
        StartupWait wait = new StartupWait();
        wait.startingWhile(() -> true);
        AtomicBoolean bound = new AtomicBoolean();
        CompletableFuture<String> got = CompletableFuture.supplyAsync(
                () -> wait.awaitNonNull(() -> bound.get() ? "network driver" : null, Duration.ofSeconds(10)));
        Thread.sleep(300);
        assertTrue(!got.isDone(), "returned before the driver was bound");
        bound.set(true);
        wait.registered();
        assertEquals("network driver", got.get(5, TimeUnit.SECONDS));
    }
}
