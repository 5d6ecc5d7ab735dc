package org.jvirt.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.jvirt.api.Connection;
import org.jvirt.api.ConnectionFactory;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainState;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.HypervisorDriver;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * driver.lxc in a real Felix with a real container (busybox root built here, Debian's liblxc): an
 * update of driver.lxc to a new version keeps the container running (same init pid), and the new
 * version then operates it. Skipped without root, lxc-start or busybox-static.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LxcDriverIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Path BUSYBOX = Path.of("/bin/busybox");
    private static final String LXC_BSN = "org.jvirt.driver.lxc";

    @Inject
    private BundleContext context;
    @Inject
    private ConnectionFactory factory;

    @Configuration
    public Option[] config() {
        return options(ItestFramework.base("lxc"), ItestFramework.runtime("driver.lxc", 4));
    }

    private static boolean canRunContainers() {
        return "root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/bin/lxc-start"))
                && Files.isExecutable(BUSYBOX);
    }

    /** A busybox root: bin/busybox and its applets as relative links. */
    private static Path rootfs() throws IOException, InterruptedException {
        Path root = Files.createTempDirectory("jvirt-lxc-itest");
        Path bin = Files.createDirectories(root.resolve("bin"));
        for (String d : new String[] {"proc", "sys", "dev", "tmp"}) {
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

    private static String xml(String name, UUID uuid, Path root) {
        return "<domain type='lxc'><name>" + name + "</name><uuid>" + uuid + "</uuid>"
                + "<memory unit='KiB'>65536</memory><os><type>exe</type><init>/bin/sh</init>"
                + "<initarg>-c</initarg><initarg>while :; do sleep 1; done</initarg></os>"
                + "<devices><filesystem type='mount'><source dir='" + root + "'/><target dir='/'/></filesystem>"
                + "<console type='pty'/></devices></domain>";
    }

    @Test
    public void anUpdateOfDriverLxcKeepsARunningContainer() throws Exception {
        assumeTrue("needs root, lxc-start and busybox-static", canRunContainers());
        UUID uuid = UUID.randomUUID();
        Path root = rootfs();
        try (Connection conn = factory.open("lxc:///system", 0)) {
            Domain dom = conn.defineXml(xml("itest-lxc-up", uuid, root), 0);
            dom.create(0);
            long pid = initOf(uuid).orElseThrow();

            Bundle driver = Osgi.bundle(context, LXC_BSN);
            Version before = driver.getVersion();
            long t0 = System.nanoTime();
            try (InputStream in = Files.newInputStream(upgradeJar().toPath())) {
                driver.update(in);
            }
            refresh(driver);
            Await.until("the new driver.lxc to serve lxc", WAIT, () -> newDriverServes(before));
            Await.until("the container to be back", WAIT, () -> running(dom));
            System.out.println("driver.lxc update " + before + " -> " + driver.getVersion() + " with a running "
                    + "container: new version serving it after " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)
                    + " ms");
            assertTrue(driver.getVersion().compareTo(before) > 0);
            assertEquals("the container changed its init", pid, (long) initOf(uuid).orElseThrow());

            // the Domain object from before the update works on the new version
            dom.suspend();
            assertEquals(DomainState.PAUSED, dom.state().state());
            dom.resume();
            dom.destroy(0);
            assertFalse(initOf(uuid).isPresent());
            assertEquals(DomainState.SHUTOFF, dom.state().state());
            dom.undefine(0);
        } finally {
            initOf(uuid).flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroyForcibly);
            Await.until("the container to end", WAIT, () -> initOf(uuid).isEmpty());
            deleteTree(root);
            stopLxcfs(Path.of(context.getProperty(ItestFramework.RUN_DIR)));
        }
    }

    /**
     * Stops the lxcfs the driver started for the containers' /proc/meminfo (beside its lxc path,
     * {@code <run dir>/lxcfs}), by the pid in its pid file; it would outlive the test otherwise.
     */
    private static void stopLxcfs(Path runDir) throws Exception {
        Path pidFile = runDir.resolve("lxcfs.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        Await.until("lxcfs to exit", WAIT, () -> ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true));
        Path mount = runDir.resolve("lxcfs");
        if (Files.readString(Path.of("/proc/self/mounts")).contains(" " + mount + " fuse.lxcfs ")) {
            new ProcessBuilder("umount", "-l", mount.toString()).inheritIO().start().waitFor();
        }
    }

    /** Deletes a folder and what it holds; links are removed, not followed. */
    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static boolean running(Domain dom) {
        try {
            return dom.state().state() == DomainState.RUNNING;
        } catch (VirtException e) {
            return false;
        }
    }

    private boolean newDriverServes(Version before) {
        for (ServiceReference<HypervisorDriver> ref : Osgi.drivers(context, "lxc")) {
            if (ref.getBundle() != null && ref.getBundle().getVersion().compareTo(before) > 0) {
                return true;
            }
        }
        return false;
    }

    private File upgradeJar() {
        File f = new File(context.getProperty(ItestFramework.BUNDLES), "driver.lxc-upgrade.jar");
        assertTrue("missing " + f, f.isFile());
        return f;
    }

    private void refresh(Bundle bundle) throws InterruptedException {
        FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
        CountDownLatch done = new CountDownLatch(1);
        wiring.refreshBundles(List.of(bundle), event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                done.countDown();
            }
        });
        assertTrue("package refresh did not finish", done.await(WAIT.toSeconds(), TimeUnit.SECONDS));
    }

    /** The container's init: the child of liblxc's monitor whose environment names the domain's UUID. */
    private static Optional<Long> initOf(UUID uuid) {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .filter(p -> read(p.resolve("environ")).contains("LIBVIRT_LXC_UUID=" + uuid + "\0"))
                    .filter(p -> read(Path.of("/proc", parent(p), "comm")).startsWith("lxc-start"))
                    .map(p -> Long.valueOf(p.getFileName().toString())).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String parent(Path proc) {
        String stat = read(proc.resolve("stat"));
        int close = stat.lastIndexOf(')');
        return close < 0 ? "0" : stat.substring(close + 2).split(" ")[1];
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
