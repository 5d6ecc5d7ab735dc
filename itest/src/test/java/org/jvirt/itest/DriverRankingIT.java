package org.jvirt.itest;

import static org.junit.Assert.assertEquals;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.jvirt.api.Connection;
import org.jvirt.api.ConnectionFactory;
import org.jvirt.api.Domain;
import org.jvirt.api.DriverInfo;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.HypervisorDriver;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;

/**
 * Two drivers for one scheme: the one with the higher service ranking serves new connections;
 * when it goes away, the other takes over, also for connections it had served.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DriverRankingIT {

    @Inject
    private BundleContext context;

    @Inject
    private ConnectionFactory factory;

    @Configuration
    public Option[] config() {
        return options(ItestFramework.base("ranking"), ItestFramework.driverTest());
    }

    @Test
    public void theHigherRankingWinsAndRemovingItFallsBack() throws VirtException {
        assertEquals(Osgi.TEST_TYPE, typeOfNewConnection());

        ServiceRegistration<HypervisorDriver> high = register(new ProbeDriver("Rival"), 100);
        ServiceRegistration<HypervisorDriver> low = register(new ProbeDriver("Underdog"), -100);
        try {
            assertEquals(List.of("Rival", Osgi.TEST_DRIVER_NAME, "Underdog"),
                    factory.drivers().stream().filter(d -> d.schemes().contains("test")).map(DriverInfo::name).toList());
            Connection onRival = factory.open("test:///default", 0);
            assertEquals("Rival", onRival.type());
            assertEquals(List.of("rival"), onRival.listAllDomains(0).stream().map(Domain::name).toList());

            high.unregister();
            high = null;
            assertEquals(Osgi.TEST_TYPE, typeOfNewConnection());
            // The connection the rival served moves to the next best driver.
            assertEquals(Osgi.TEST_TYPE, onRival.type());
            assertEquals(List.of("test"), onRival.listAllDomains(0).stream().map(Domain::name).toList());
            onRival.close();
        } finally {
            if (high != null) {
                high.unregister();
            }
            low.unregister();
        }
        assertEquals(List.of(Osgi.TEST_DRIVER_NAME),
                factory.drivers().stream().filter(d -> d.schemes().contains("test")).map(DriverInfo::name).toList());
    }

    @Test
    public void aRankingChangeDecidesForNewConnections() throws VirtException {
        ServiceRegistration<HypervisorDriver> rival = register(new ProbeDriver("Rival"), -1);
        try {
            assertEquals(Osgi.TEST_TYPE, typeOfNewConnection());
            rival.setProperties(properties(50));
            assertEquals("Rival", typeOfNewConnection());
        } finally {
            rival.unregister();
        }
        assertEquals(Osgi.TEST_TYPE, typeOfNewConnection());
    }

    private String typeOfNewConnection() throws VirtException {
        try (Connection conn = factory.open("test:///default", 0)) {
            return conn.type();
        }
    }

    private ServiceRegistration<HypervisorDriver> register(HypervisorDriver driver, int ranking) {
        return context.registerService(HypervisorDriver.class, driver, properties(ranking));
    }

    private static Dictionary<String, Object> properties(int ranking) {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(HypervisorDriver.SCHEMES, new String[] {"test"});
        props.put(Constants.SERVICE_RANKING, ranking);
        return props;
    }
}
