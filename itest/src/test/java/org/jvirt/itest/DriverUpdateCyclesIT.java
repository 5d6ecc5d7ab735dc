package org.jvirt.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.io.File;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.jvirt.api.Connection;
import org.jvirt.api.ConnectionFactory;
import org.jvirt.api.Domain;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;

/**
 * Updates driver.test back and forth between its two builds many times while two clients call on
 * connections opened before the first update: not one call may fail.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DriverUpdateCyclesIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int UPDATES = 10;
    /** Client calls to see on each version before the next update. */
    private static final long CALLS_PER_VERSION = 200;

    @Inject
    private BundleContext context;

    @Inject
    private ConnectionFactory factory;

    @Configuration
    public Option[] config() {
        return options(ItestFramework.base("updatecycles"), ItestFramework.driverTest());
    }

    @Test
    public void repeatedUpdatesUnderLoadLoseNoCalls() throws Exception {
        Bundle driver = Osgi.bundle(context, Osgi.DRIVER_TEST_BSN);
        File original = ItestFramework.bundleJar(context, ItestFramework.DRIVER_TEST);
        File upgrade = ItestFramework.bundleJar(context, ItestFramework.DRIVER_TEST_UPGRADE);
        assertEquals(Updates.bundleVersion(original), driver.getVersion());

        Connection first = factory.open("test:///default", 0);
        Connection second = factory.open("test:///default", 0);
        ClientLoop a = new ClientLoop(first).start();
        ClientLoop b = new ClientLoop(second).start();
        try {
            for (int i = 1; i <= UPDATES; i++) {
                File jar = i % 2 == 1 ? upgrade : original;
                Version version = Updates.bundleVersion(jar);
                long calls = a.calls() + b.calls();
                Await.until("client calls before update " + i, WAIT, () -> a.calls() + b.calls() >= calls + CALLS_PER_VERSION);
                Updates.updateDriver(context, driver, jar, version, "test", WAIT);
                assertEquals(version, driver.getVersion());
            }
            long calls = a.calls() + b.calls();
            Await.until("client calls after the last update", WAIT, () -> a.calls() + b.calls() >= calls + CALLS_PER_VERSION);
        } finally {
            a.stop();
            b.stop();
        }
        System.out.println(UPDATES + " updates of driver.test under load: client 1: " + a.describe()
                + "; client 2: " + b.describe());
        assertEquals("failed calls of client 1: " + a.describe(), 0, a.failures());
        assertEquals("failed calls of client 2: " + b.describe(), 0, b.failures());
        try (first; second) {
            assertEquals(List.of("test"), first.listAllDomains(0).stream().map(Domain::name).toList());
            assertTrue(second.isAlive());
        }
    }
}
