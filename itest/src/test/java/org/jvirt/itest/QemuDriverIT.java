package org.jvirt.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
import org.jvirt.api.ErrorCode;
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
 * driver.qemu in a real Felix with real QEMU TCG guests: a resolver bundle installed while a guest
 * runs takes over and leaves again, and an update of driver.qemu to a new version keeps three
 * running guests (same PIDs), which the new version then operates. Skipped without QEMU.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class QemuDriverIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Path QEMU = Path.of("/usr/bin/qemu-system-x86_64");
    private static final String QEMU_BSN = "org.jvirt.driver.qemu";

    @Inject
    private BundleContext context;
    @Inject
    private ConnectionFactory factory;

    @Configuration
    public Option[] config() throws IOException {
        // short: monitor sockets live here and UNIX socket paths are limited to 108 bytes
        Path qemuDir = Files.createTempDirectory("jq");
        return options(ItestFramework.base("qemu"),
                frameworkProperty("jvirt.qemu.dir").value(qemuDir.toString()),
                ItestFramework.runtime("jna", 3),
                ItestFramework.runtime("jackson-core", 3),
                ItestFramework.runtime("jackson-annotations", 3),
                ItestFramework.runtime("jackson-databind", 3),
                ItestFramework.runtime("driver.qemu", 4));
    }

    private static String xml(String name, UUID uuid) {
        return "<domain type='qemu'><name>" + name + "</name><uuid>" + uuid + "</uuid>"
                + "<memory unit='KiB'>65536</memory><vcpu>2</vcpu>"
                + "<os><type arch='x86_64' machine='pc'>hvm</type></os>"
                + "<devices><emulator>" + QEMU + "</emulator></devices></domain>";
    }

    @Test
    public void aResolverBundleTakesOverWhileAGuestRunsAndTheDefaultComesBack() throws Exception {
        assumeTrue("qemu-system-x86_64 not installed", Files.isExecutable(QEMU));
        UUID uuid = UUID.randomUUID();
        try (Connection conn = factory.open("qemu:///system", 0)) {
            Domain dom = conn.createXml(xml("itest-resolver", uuid), 0);
            long pid = pidOf(uuid).orElseThrow();
            assertEquals(2, dom.vcpuInfo().size());

            Bundle resolver = context.installBundle("itest:" + QemuResolverBundle.BSN, QemuResolverBundle.build());
            resolver.start();
            Await.until("the resolver bundle to decide", WAIT, () -> vcpuInfoRejected(dom));
            VirtException e = vcpuInfoError(dom);
            assertEquals(ErrorCode.OPERATION_INVALID, e.code());
            assertEquals("Requested operation is not valid: cpu affinity is not supported", e.getMessage());

            resolver.uninstall();
            Await.until("the default resolver to decide again", WAIT, () -> !vcpuInfoRejected(dom));
            assertEquals(2, dom.vcpuInfo().size());
            assertEquals("the guest was restarted", pid, (long) pidOf(uuid).orElseThrow());
            dom.destroy(0);
            assertFalse(pidOf(uuid).isPresent());
        } finally {
            kill(List.of(uuid));
        }
    }

    @Test
    public void anUpdateOfDriverQemuKeepsThreeRunningGuests() throws Exception {
        assumeTrue("qemu-system-x86_64 not installed", Files.isExecutable(QEMU));
        List<UUID> uuids = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        try (Connection conn = factory.open("qemu:///system", 0)) {
            List<Domain> doms = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Domain d = i < 2 ? conn.defineXml(xml("itest-up" + i, uuids.get(i)), 0)
                        : conn.createXml(xml("itest-up" + i, uuids.get(i)), 0);
                if (i < 2) {
                    d.create(0);
                }
                doms.add(d);
            }
            doms.get(1).suspend();
            List<Long> pids = new ArrayList<>();
            for (UUID u : uuids) {
                pids.add(pidOf(u).orElseThrow());
            }

            Bundle driver = Osgi.bundle(context, QEMU_BSN);
            Version before = driver.getVersion();
            long t0 = System.nanoTime();
            try (InputStream in = Files.newInputStream(upgradeJar().toPath())) {
                driver.update(in);
            }
            refresh(driver);
            Await.until("the new driver.qemu to serve qemu", WAIT, () -> newDriverServes(before));
            Await.until("the guests to be back", WAIT, () -> listed(conn) == 3);
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            System.out.println("driver.qemu update " + before + " -> " + driver.getVersion() + " with 3 running "
                    + "guests: new version serving all 3 after " + ms + " ms");
            assertTrue(driver.getVersion().compareTo(before) > 0);

            for (int i = 0; i < 3; i++) {
                assertEquals("guest " + i + " changed its process", pids.get(i), pidOf(uuids.get(i)).orElseThrow());
            }
            // the Domain objects from before the update work on the new version
            assertEquals(DomainState.RUNNING, doms.get(0).state().state());
            assertEquals(DomainState.PAUSED, doms.get(1).state().state());
            assertEquals(DomainState.RUNNING, doms.get(2).state().state());
            assertFalse(doms.get(2).isPersistent());
            doms.get(1).resume();
            assertEquals(DomainState.RUNNING, doms.get(1).state().state());
            doms.get(0).suspend();
            assertEquals(DomainState.PAUSED, doms.get(0).state().state());
            assertEquals(2, doms.get(0).vcpuInfo().size());
            for (Domain d : doms) {
                d.destroy(0);
            }
            for (UUID u : uuids) {
                assertFalse(pidOf(u).isPresent());
            }
            doms.get(0).undefine(0);
            doms.get(1).undefine(0);
        } finally {
            kill(uuids);
        }
    }

    private static boolean vcpuInfoRejected(Domain dom) {
        return vcpuInfoError(dom) != null;
    }

    private static VirtException vcpuInfoError(Domain dom) {
        try {
            dom.vcpuInfo();
            return null;
        } catch (VirtException e) {
            return e;
        }
    }

    private static int listed(Connection conn) {
        try {
            return (int) conn.listAllDomains(0).stream().filter(d -> d.name().startsWith("itest-up")).count();
        } catch (VirtException e) {
            return -1;
        }
    }

    private boolean newDriverServes(Version before) {
        for (ServiceReference<HypervisorDriver> ref : Osgi.drivers(context, "qemu")) {
            if (ref.getBundle() != null && ref.getBundle().getVersion().compareTo(before) > 0) {
                return true;
            }
        }
        return false;
    }

    private File upgradeJar() {
        File f = new File(context.getProperty(ItestFramework.BUNDLES), "driver.qemu-upgrade.jar");
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

    /** The QEMU process of a guest, found by its -uuid argument. */
    private static Optional<Long> pidOf(UUID uuid) {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .filter(p -> cmdline(p).contains("\0" + uuid + "\0") && !state(p).equals("Z"))
                    .map(p -> Long.valueOf(p.getFileName().toString())).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String cmdline(Path proc) {
        try {
            return new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static String state(Path proc) {
        try {
            String stat = Files.readString(proc.resolve("stat"));
            return stat.substring(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** Stops, by PID, every guest of these UUIDs that is still running. */
    private static void kill(List<UUID> uuids) throws InterruptedException {
        for (UUID u : uuids) {
            Optional<Long> pid = pidOf(u);
            if (pid.isPresent()) {
                ProcessHandle.of(pid.get()).ifPresent(ProcessHandle::destroyForcibly);
                Await.until("pid " + pid.get() + " to exit", WAIT, () -> pidOf(u).isEmpty());
            }
        }
    }
}
