package org.jvirt.driver.lxc.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

import org.jvirt.api.ConnectUri;
import org.jvirt.api.DomainEvent;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.HostDirectories;
import org.jvirt.api.spi.NetworkDriver;
import org.jvirt.api.spi.DriverConnection;
import org.jvirt.core.store.FileStateStore;
import org.jvirt.xml.internal.DomainXmlCodecImpl;

/**
 * An LXC driver outside OSGi over temporary folders, with the real codec and state store, and a
 * busybox-static root filesystem built in the test. Remembers every container process it saw and
 * kills those still running in {@link #close()}, by pid.
 */
final class LxcTestBed implements AutoCloseable {
    static final Path BUSYBOX = Path.of("/bin/busybox");
    /**
     * The start of every container name of this run: liblxc's names (cgroups, monitor sockets)
     * are host-wide, so two runs on one host must not share them.
     */
    static final String RUN = "jv" + Long.toHexString(ThreadLocalRandom.current().nextLong(0x1000000L, 0x10000000L)) + "-";

    final Path dir;
    final FileStateStore store;
    final Set<Long> pids = ConcurrentHashMap.newKeySet();
    final Set<Long> monitors = ConcurrentHashMap.newKeySet();
    final List<LxcDriver> drivers = new ArrayList<>();
    final BlockingQueue<DomainEvent> events = new LinkedBlockingQueue<>();
    LxcDriver driver;
    DriverConnection conn;
    /** The network driver a new driver is bound to (its interfaces' QoS), or null. */
    NetworkDriver networkDriver;

    LxcTestBed(Path dir) throws VirtException {
        this.dir = dir;
        this.store = new FileStateStore(dir.resolve("state"));
        newDriver();
    }

    /** Whether this machine can run the tests: root, liblxc's tools, busybox-static. */
    static boolean canRunContainers() {
        return HostDirectories.isRoot() && Files.isExecutable(Path.of("/usr/bin/lxc-start"))
                && Files.isExecutable(BUSYBOX);
    }

    /** Deactivates the current driver (containers keep running) and activates a fresh one. */
    LxcDriver newDriver() throws VirtException {
        if (driver != null) {
            conn.close();
            driver.deactivate();
        }
        driver = new LxcDriver(new DomainXmlCodecImpl(), store);
        if (networkDriver != null) {
            driver.bindNetworkDriver(networkDriver);
        }
        driver.activate(config(dir), null);
        drivers.add(driver);
        conn = driver.open(ConnectUri.parse("lxc:///system"), 0).orElseThrow();
        conn.setEventSink(events::add);
        return driver;
    }

    static LxcConfig config(Path dir) {
        return new LxcConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return LxcConfig.class;
            }

            @Override
            public String run_dir() {
                return dir.resolve("run").toString();
            }

            @Override
            public String log_dir() {
                return dir.resolve("log").toString();
            }

            @Override
            public String lxc_bin_dir() {
                return "";
            }

            @Override
            public long start_timeout_ms() {
                return 20_000;
            }

            @Override
            public long watch_interval_ms() {
                return 50;
            }

            @Override
            public long init_wait_ms() {
                return 30_000;
            }
        };
    }

    /** A busybox root: {@code bin/busybox}, its applets as relative links, and the usual folders. */
    Path rootfs(String name) throws IOException, InterruptedException {
        Path root = dir.resolve(name);
        Path bin = root.resolve("bin");
        Files.createDirectories(bin);
        for (String d : new String[] {"proc", "sys", "dev", "tmp", "etc", "sbin", "mnt", "root"}) {
            Files.createDirectories(root.resolve(d));
        }
        Files.copy(BUSYBOX, bin.resolve("busybox"));
        Process p = new ProcessBuilder(BUSYBOX.toString(), "--list").start();
        String list = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        for (String applet : list.split("\n")) {
            if (!applet.isBlank() && !applet.equals("busybox")) {
                Files.createSymbolicLink(bin.resolve(applet.strip()), Path.of("busybox"));
            }
        }
        return root;
    }

    /** The running container of {@code ref}; its pids are remembered for cleanup. */
    ContainerProcess process(DomainRef ref) {
        ContainerProcess proc = driver.host().byUuid(ref.uuid()).process();
        if (proc != null) {
            pids.add(proc.initPid());
            monitors.add(proc.monitorPid());
        }
        return proc;
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            Thread.sleep(20);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Kills (SIGKILL, by pid) every container init still running, so that liblxc's monitors clean
     * up their cgroups and exit; a monitor that does not is killed too. Then stops the drivers.
     */
    @Override
    public void close() throws InterruptedException {
        for (long pid : pids) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
        for (long pid : monitors) {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (ProcStat.isAlive(pid) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
        for (long pid : pids) {
            await("pid " + pid + " to exit", Duration.ofSeconds(10), () -> !ProcStat.isAlive(pid));
        }
        for (LxcDriver d : drivers) {
            d.deactivate();
        }
        LxcfsCleanup.stop(dir);
        LeftoverCgroups.removePivot();
    }
}
