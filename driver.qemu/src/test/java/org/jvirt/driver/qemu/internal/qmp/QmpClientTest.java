package org.jvirt.driver.qemu.internal.qmp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jvirt.driver.qemu.internal.net.TunDevice;
import org.jvirt.driver.qemu.internal.process.QemuProcesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/** The QMP client against a real QEMU started with -S. */
class QmpClientTest {
    private static final Path QEMU = Path.of("/usr/bin/qemu-system-x86_64");

    @TempDir
    Path dir;
    private long pid = -1;
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private final BlockingQueue<Boolean> closes = new LinkedBlockingQueue<>();
    /** The listener takes this lock first, as the driver's listener takes a domain's lock. */
    private final Object domainLock = new Object();
    private final QmpListener listener = new QmpListener() {
        @Override
        public void onEvent(String event, JsonNode data) {
            synchronized (domainLock) {
                // only the order matters here
            }
            events.add(event + (data.has("guest") ? " guest=" + data.get("guest") : ""));
        }

        @Override
        public void onClose(boolean requested) {
            closes.add(requested);
        }
    };

    @BeforeEach
    void start() throws Exception {
        assumeTrue(Files.isExecutable(QEMU), "qemu-system-x86_64 not installed");
        Path sock = dir.resolve("m.sock");
        Process p = QemuProcesses.spawn(List.of(QEMU.toString(), "-name", "guest=qmptest,debug-threads=on", "-S",
                "-machine", "pc", "-accel", "tcg", "-m", "64", "-smp", "2", "-display", "none", "-no-user-config",
                "-nodefaults", "-chardev", "socket,id=charmonitor,path=" + sock + ",server=on,wait=off",
                "-mon", "chardev=charmonitor,id=monitor,mode=control", "-no-shutdown"), dir.resolve("q.log"));
        pid = p.pid();
    }

    @AfterEach
    void stop() {
        if (pid > 0) {
            QemuProcesses.terminate(pid, Duration.ofSeconds(5), Duration.ofSeconds(5));
            assertTrue(!QemuProcesses.isAlive(pid));
        }
    }

    private QmpClient connect(int maxBytes) throws QmpException {
        return QmpClient.connect("qmptest", dir.resolve("m.sock"), Duration.ofSeconds(10),
                () -> QemuProcesses.isAlive(pid), maxBytes, Duration.ofSeconds(10), listener);
    }

    @Test
    void commandsEventsAndClose() throws Exception {
        try (QmpClient qmp = connect(1 << 20)) {
            // setsid exec'd in place: the spawned pid is QEMU itself
            assertTrue(QemuProcesses.cmdline(pid).orElseThrow().get(0).endsWith("qemu-system-x86_64"));
            assertEquals(7, qmp.version().path("qemu").path("major").asInt());
            assertEquals("prelaunch", qmp.execute("query-status", null).path("status").asText());
            JsonNode cpus = qmp.execute("query-cpus-fast", null);
            assertEquals(2, cpus.size());
            assertTrue(cpus.get(0).path("thread-id").asLong() > 0);
            qmp.execute("cont", null);
            assertEquals("RESUME", events.poll(5, TimeUnit.SECONDS));
            qmp.execute("stop", null);
            assertEquals("STOP", events.poll(5, TimeUnit.SECONDS));
            QmpException e = assertThrows(QmpException.class, () -> qmp.execute("query-cpus", null));
            assertEquals("CommandNotFound", e.errorClass());
            assertTrue(e.getMessage().contains("'query-cpus'"), e.getMessage());
            qmp.execute("quit", null);
            assertEquals("SHUTDOWN guest=false", events.poll(5, TimeUnit.SECONDS));
            assertEquals(Boolean.FALSE, closes.poll(5, TimeUnit.SECONDS));
            assertTrue(QemuProcesses.waitGone(pid, Duration.ofSeconds(5)));
            assertThrows(QmpException.class, () -> qmp.execute("query-status", null));
        }
    }

    @Test
    void watchedEventsArriveWhileTheListenerWaitsForALockTheWatcherHolds() throws Exception {
        try (QmpClient qmp = connect(1 << 20)) {
            synchronized (domainLock) {
                CompletableFuture<JsonNode> resumed = qmp.watch("RESUME", d -> true);
                CompletableFuture<JsonNode> guestShutdown = qmp.watch("SHUTDOWN", d -> d.path("guest").asBoolean());
                qmp.execute("cont", null);
                resumed.get(5, TimeUnit.SECONDS);
                // the listener has not had it yet: it waits for the lock this thread holds
                assertNull(events.poll(300, TimeUnit.MILLISECONDS));
                qmp.execute("quit", null);
                // a SHUTDOWN by the host does not match; the closing monitor ends the watch
                ExecutionException e = assertThrows(ExecutionException.class, () -> guestShutdown.get(5, TimeUnit.SECONDS));
                assertTrue(e.getCause().getMessage().contains("monitor closed"), e.getCause().getMessage());
                CompletableFuture<JsonNode> late = qmp.watch("RESUME", d -> true);
                assertThrows(ExecutionException.class, () -> late.get(1, TimeUnit.SECONDS));
            }
            assertEquals("RESUME", events.poll(5, TimeUnit.SECONDS));
            assertEquals("SHUTDOWN guest=false", events.poll(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void oversizedReplyClosesTheMonitor() throws Exception {
        QmpClient qmp = connect(4096);
        QmpException e = assertThrows(QmpException.class, () -> qmp.execute("query-qmp-schema", null));
        assertTrue(e.isClosed(), e.getMessage());
        assertTrue(e.getMessage().contains("longer than 4096"), e.getMessage());
        assertEquals(Boolean.FALSE, closes.poll(5, TimeUnit.SECONDS));
        // QEMU itself is unharmed
        assertTrue(QemuProcesses.isAlive(pid));
    }

    @Test
    void requestedCloseIsReported() throws Exception {
        QmpClient qmp = connect(1 << 20);
        qmp.close();
        assertEquals(Boolean.TRUE, closes.poll(5, TimeUnit.SECONDS));
        assertTrue(QemuProcesses.isAlive(pid));
    }

    /**
     * A descriptor sent with {@code getfd} (SCM_RIGHTS over the monitor socket, libvirt's
     * qemuMonitorSendFileHandle) is in QEMU afterwards, under its name until {@code closefd}.
     */
    @Test
    void aDescriptorPassedWithGetfdIsQemusUntilClosefd() throws Exception {
        Path file = Files.writeString(dir.resolve("passed.txt"), "x");
        try (QmpClient qmp = connect(1 << 20)) {
            int fd = TunDevice.openDevice(file.toString());
            try {
                assertEquals(0, openedBy(pid, file));
                qmp.executeWithFd("getfd", QmpClient.args().put("fdname", "probe0"), fd);
            } finally {
                TunDevice.close(fd);
            }
            assertEquals(1, openedBy(pid, file), "QEMU holds the passed descriptor");
            qmp.execute("closefd", QmpClient.args().put("fdname", "probe0"));
            assertEquals(0, openedBy(pid, file));
            QmpException e = assertThrows(QmpException.class,
                    () -> qmp.execute("closefd", QmpClient.args().put("fdname", "probe0")));
            assertTrue(e.getMessage().contains("probe0"), e.getMessage());
            // a command that wants a descriptor and gets none fails, and the monitor goes on
            QmpException none = assertThrows(QmpException.class,
                    () -> qmp.execute("getfd", QmpClient.args().put("fdname", "probe1")));
            assertEquals("GenericError", none.errorClass());
            assertEquals("prelaunch", qmp.execute("query-status", null).path("status").asText());
        }
    }

    private static long openedBy(long pid, Path file) throws java.io.IOException {
        try (var fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return fds.filter(l -> {
                try {
                    return Files.readSymbolicLink(l).equals(file);
                } catch (java.io.IOException e) {
                    return false; // closed meanwhile
                }
            }).count();
        }
    }
}
