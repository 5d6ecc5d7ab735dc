package org.jvirt.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.jvirt.api.Connection;
import org.jvirt.api.ConnectionFactory;
import org.jvirt.api.Domain;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Stopping the driver.test bundle takes the test scheme away; starting it brings it back. The
 * core's wait for a replacement driver is configured through Config Admin.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DriverStopStartIT {

    private static final Duration SERVICE_WAIT = Duration.ofSeconds(10);
    private static final String CORE_PID = "org.jvirt.core";
    private static final String DRIVER_WAIT = "driver.wait.seconds";
    private static final long DRIVER_WAIT_SECONDS = 1;

    @Inject
    private BundleContext context;

    @Inject
    private ConnectionFactory factory;

    @Inject
    private ConfigurationAdmin configAdmin;

    @Configuration
    public Option[] config() {
        return options(ItestFramework.base("stopstart"), ItestFramework.driverTest());
    }

    @Test
    public void stopRemovesTheDriverAndStartRestoresIt() throws Exception {
        configureDriverWait(DRIVER_WAIT_SECONDS);
        Bundle driver = Osgi.bundle(context, Osgi.DRIVER_TEST_BSN);
        Connection openedBefore = factory.open("test:///default", 0);
        assertEquals(List.of("test"), domainNames(openedBefore));

        driver.stop();
        assertEquals(Bundle.RESOLVED, driver.getState());
        assertTrue("driver service still registered", Osgi.drivers(context, "test").isEmpty());
        try (Connection conn = factory.open("test:///default", 0)) {
            fail("opened " + conn.uri() + " with driver.test stopped");
        } catch (VirtException e) {
            assertEquals(e.getMessage(), ErrorCode.NO_CONNECT, e.code());
            assertTrue("message names the scheme: " + e.getMessage(), e.getMessage().contains("'test'"));
            assertTrue("message names the installed drivers: " + e.getMessage(),
                    e.getMessage().contains("installed drivers: none"));
        }
        // A call on a connection opened before waits the configured time for a driver, then fails.
        long start = System.nanoTime();
        try {
            fail("listed " + domainNames(openedBefore) + " with driver.test stopped");
        } catch (VirtException e) {
            long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(e.getMessage(), ErrorCode.NO_CONNECT, e.code());
            assertTrue("failed after " + waitedMillis + " ms, before the configured wait",
                    waitedMillis >= DRIVER_WAIT_SECONDS * 1000 - 50);
            assertTrue("failed only after " + waitedMillis + " ms", waitedMillis < DRIVER_WAIT_SECONDS * 1000 + 5000);
        }

        driver.start();
        Await.until("a HypervisorDriver for scheme test", SERVICE_WAIT,
                () -> !Osgi.drivers(context, "test").isEmpty());
        try (Connection conn = factory.open("test:///default", 0)) {
            assertEquals(Osgi.TEST_TYPE, conn.type());
            assertEquals(List.of("test"), domainNames(conn));
        }
        // A connection opened before the stop is served by the restarted driver.
        try (Connection conn = openedBefore) {
            assertEquals(List.of("test"), domainNames(conn));
        }
    }

    /** Sets the core's {@code driver.wait.seconds} through Config Admin and waits until it applies. */
    private void configureDriverWait(long seconds) throws Exception {
        org.osgi.service.cm.Configuration core = configAdmin.getConfiguration(CORE_PID, "?");
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(DRIVER_WAIT, seconds);
        core.update(props);
        // DS publishes the configuration as service properties of the core's service once applied.
        Await.until("core configured with " + DRIVER_WAIT + "=" + seconds, SERVICE_WAIT, () -> {
            ServiceReference<ConnectionFactory> ref = context.getServiceReference(ConnectionFactory.class);
            return ref != null && Long.valueOf(seconds).equals(ref.getProperty(DRIVER_WAIT));
        });
    }

    private static List<String> domainNames(Connection conn) throws VirtException {
        return conn.listAllDomains(0).stream().map(Domain::name).toList();
    }
}
