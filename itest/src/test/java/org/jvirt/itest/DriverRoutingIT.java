package org.jvirt.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.util.List;
import java.util.UUID;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.jvirt.api.Connection;
import org.jvirt.api.ConnectionFactory;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainState;
import org.jvirt.api.DriverInfo;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.HypervisorDriver;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/** The core routes a URI to the driver registered for its scheme, and names what is missing. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DriverRoutingIT {

    private static final UUID TEST_DOMAIN_UUID = UUID.fromString("6695eb01-f6a4-8304-79aa-97f2502e193f");

    @Inject
    private BundleContext context;

    @Inject
    private ConnectionFactory factory;

    @Configuration
    public Option[] config() {
        return options(ItestFramework.base("routing"), ItestFramework.driverTest());
    }

    @Test
    public void driverTestRegistersTheTestScheme() {
        List<ServiceReference<HypervisorDriver>> refs = Osgi.drivers(context, "test");
        assertEquals("HypervisorDriver services for scheme test: " + refs, 1, refs.size());
        ServiceReference<HypervisorDriver> ref = refs.get(0);
        assertEquals(Osgi.DRIVER_TEST_BSN, ref.getBundle().getSymbolicName());
        assertEquals(List.of("test"), Osgi.schemes(ref));
    }

    @Test
    public void coreListsTheInstalledDriver() {
        List<DriverInfo> drivers = factory.drivers();
        assertTrue("drivers " + drivers, drivers.stream().anyMatch(d ->
                d.schemes().contains("test") && d.bundle().startsWith(Osgi.DRIVER_TEST_BSN)));
    }

    @Test
    public void openingTestDefaultListsDomainTest() throws VirtException {
        try (Connection conn = factory.open("test:///default", 0)) {
            assertEquals(Osgi.TEST_TYPE, conn.type());
            assertEquals("test:///default", conn.uri().toString());
            List<Domain> domains = conn.listAllDomains(0);
            assertEquals("domains " + domains.stream().map(Domain::name).toList(), 1, domains.size());
            Domain test = domains.get(0);
            assertEquals("test", test.name());
            assertEquals(TEST_DOMAIN_UUID, test.uuid());
            assertEquals(DomainState.RUNNING, test.info().state());
            assertEquals(TEST_DOMAIN_UUID, conn.lookupByName("test").uuid());
        }
    }

    @Test
    public void theDefaultUriIsTestDefault() throws VirtException {
        try (Connection conn = factory.open(null, 0)) {
            assertEquals("test:///default", conn.uri().toString());
            assertEquals(Osgi.TEST_TYPE, conn.type());
        }
    }

    @Test
    public void anUnknownSchemeNamesTheSchemeAndTheInstalledDrivers() {
        try (Connection conn = factory.open("nosuchhv:///system", 0)) {
            fail("opened " + conn.uri() + " without a driver for it");
        } catch (VirtException e) {
            assertEquals(e.getMessage(), ErrorCode.NO_CONNECT, e.code());
            assertTrue("message names the scheme: " + e.getMessage(), e.getMessage().contains("nosuchhv"));
            assertTrue("message names the installed drivers: " + e.getMessage(),
                    e.getMessage().contains(Osgi.DRIVER_TEST_BSN));
        }
    }

    @Test
    public void aMalformedUriIsAnInvalidArgument() {
        try (Connection conn = factory.open("test:", 0)) {
            fail("opened malformed URI " + conn.uri());
        } catch (VirtException e) {
            assertEquals(e.getMessage(), ErrorCode.INVALID_ARG, e.code());
            assertFalse(e.getMessage().isEmpty());
        }
    }
}
