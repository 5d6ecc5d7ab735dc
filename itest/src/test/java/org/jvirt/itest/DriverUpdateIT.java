package org.jvirt.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.jvirt.api.Connection;
import org.jvirt.api.ConnectionFactory;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainEvent;
import org.jvirt.api.DomainEventType;
import org.jvirt.api.DomainState;
import org.jvirt.api.DriverInfo;
import org.jvirt.api.spi.HypervisorDriver;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;

/**
 * Updates driver.test to a new version (the module's second build, with a higher Bundle-Version)
 * while a client keeps calling on a connection opened before: the new version serves afterwards,
 * domains defined before survive through the state store, and no client call fails.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DriverUpdateIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Client calls to see before the update, and again after the new version is up. */
    private static final long WARM_UP_CALLS = 500;
    private static final String SURVIVOR = "itest-survivor";
    private static final String SURVIVOR_XML = """
            <domain type='test'>
              <name>itest-survivor</name>
              <uuid>1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d</uuid>
              <memory unit='KiB'>524288</memory>
              <vcpu>1</vcpu>
              <os><type arch='i686'>hvm</type></os>
            </domain>
            """;

    @Inject
    private BundleContext context;

    @Inject
    private ConnectionFactory factory;

    @Configuration
    public Option[] config() {
        return options(ItestFramework.base("update"), ItestFramework.driverTest());
    }

    @Test
    public void updateUnderLoadServesTheNewVersionAndLosesNothing() throws Exception {
        Bundle driver = Osgi.bundle(context, Osgi.DRIVER_TEST_BSN);
        Version before = driver.getVersion();
        File upgradeJar = ItestFramework.bundleJar(context, ItestFramework.DRIVER_TEST_UPGRADE);
        Version upgrade = Updates.bundleVersion(upgradeJar);
        assertTrue("upgrade build " + upgrade + " must be newer than " + before, upgrade.compareTo(before) > 0);

        Connection conn = factory.open("test:///default", 0);
        Domain survivor = conn.defineXml(SURVIVOR_XML, 0);
        survivor.create(0);
        assertEquals(DomainState.RUNNING, survivor.info().state());

        BlockingQueue<DomainEvent> events = new LinkedBlockingQueue<>();
        conn.addLifecycleListener((dom, event) -> events.add(event));

        ClientLoop client = new ClientLoop(conn).start();
        try {
            Await.until("client warm-up", WAIT, () -> client.calls() >= WARM_UP_CALLS);
            long callsAtUpdate = client.calls();
            long updateStart = System.nanoTime();
            Updates.updateDriver(context, driver, upgradeJar, upgrade, "test", WAIT);
            long swapMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - updateStart);
            long callsAtSwap = client.calls();
            Await.until("client calls on the new version", WAIT,
                    () -> client.calls() >= callsAtSwap + WARM_UP_CALLS);
            client.stop();
            System.out.println("driver.test update " + before + " -> " + upgrade + " under load: "
                    + client.describe() + "; update + refresh until the new driver was registered: "
                    + swapMillis + " ms, " + (callsAtSwap - callsAtUpdate) + " client calls in that time");
        } finally {
            client.stop();
        }
        assertEquals("failed client calls during the update: " + client.describe(), 0, client.failures());

        // The new version serves: it is the only driver for the scheme, and the core routes to it.
        assertEquals(upgrade, driver.getVersion());
        List<ServiceReference<HypervisorDriver>> refs = Osgi.drivers(context, "test");
        assertEquals("drivers for scheme test: " + refs, 1, refs.size());
        assertEquals(upgrade, refs.get(0).getBundle().getVersion());
        List<DriverInfo> infos = factory.drivers().stream().filter(d -> d.schemes().contains("test")).toList();
        assertEquals("core's drivers: " + infos, 1, infos.size());
        assertEquals(Osgi.DRIVER_TEST_BSN + " " + upgrade, infos.get(0).bundle());

        // What was defined and started before the update is still there, on the old connection and a new one.
        try (conn) {
            assertEquals(Osgi.TEST_TYPE, conn.type());
            Domain after = conn.lookupByName(SURVIVOR);
            assertEquals(survivor.uuid(), after.uuid());
            assertTrue(after.isPersistent());
            assertEquals(DomainState.RUNNING, after.info().state());
            // The Domain object from before the update works on the new version, and the listener
            // registered before the update hears the new version's events.
            assertEquals(DomainState.RUNNING, survivor.info().state());
            events.clear();
            survivor.destroy(0);
            assertEquals(DomainState.SHUTOFF, survivor.info().state());
            DomainEvent stopped = events.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertNotNull("no lifecycle event after destroying " + SURVIVOR + " on the new version", stopped);
            assertEquals(survivor.uuid(), stopped.uuid());
            assertEquals(DomainEventType.STOPPED, stopped.type());
            assertEquals(DomainEventType.STOPPED_DESTROYED, stopped.detail());
        }
        assertTrue("no config record of " + SURVIVOR + " in the state store", storedConfigMentions(SURVIVOR));
        try (Connection fresh = factory.open("test:///default", 0)) {
            List<String> names = fresh.listAllDomains(0).stream().map(Domain::name).sorted().toList();
            assertEquals(List.of(SURVIVOR, "test"), names);
        }
    }

    /** True when a config record of driver.test in the configured state directory names {@code text}. */
    private boolean storedConfigMentions(String text) throws IOException {
        Path configDir = ItestFramework.stateDir(context).resolve("test").resolve("config");
        try (Stream<Path> records = Files.list(configDir)) {
            for (Path record : records.toList()) {
                if (Files.readString(record).contains(text)) {
                    return true;
                }
            }
        }
        return false;
    }
}
