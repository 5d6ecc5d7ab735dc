package org.jvirt.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.jvirt.api.ConnectionFactory;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * The API/core bundle and driver.test resolve in a plain Felix with SCR, their components are
 * satisfied, and the core service is registered.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CoreBundleIT {

    @Inject
    private BundleContext context;

    @Inject
    private ConnectionFactory factory;

    @Inject
    private ServiceComponentRuntime scr;

    @Configuration
    public Option[] config() {
        return options(ItestFramework.base("core"), ItestFramework.driverTest());
    }

    @Test
    public void apiBundleIsActive() {
        Bundle api = bundle("org.jvirt.api");
        assertEquals("state of " + api, Bundle.ACTIVE, api.getState());
    }

    @Test
    public void coreServiceComesFromTheApiBundle() {
        ServiceReference<ConnectionFactory> ref = context.getServiceReference(ConnectionFactory.class);
        assertNotNull("no ConnectionFactory service", ref);
        assertEquals("org.jvirt.api", ref.getBundle().getSymbolicName());
        assertNotNull(factory);
    }

    @Test
    public void everyBundleIsActive() {
        for (Bundle b : context.getBundles()) {
            boolean fragment = b.getHeaders().get("Fragment-Host") != null;
            assertTrue(b.getSymbolicName() + " is in state " + b.getState(),
                    fragment || b.getState() == Bundle.ACTIVE);
        }
    }

    /** Every DS component of the jvirt bundles is satisfied: no missing reference, no failed activation. */
    @Test
    public void everyJvirtComponentIsSatisfied() {
        Bundle[] jvirt = Arrays.stream(context.getBundles())
                .filter(b -> b.getSymbolicName().startsWith("org.jvirt.")).toArray(Bundle[]::new);
        assertEquals("jvirt bundles", 2, jvirt.length);
        List<String> components = new ArrayList<>();
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(jvirt)) {
            assertTrue(description.name + " is disabled", scr.isComponentEnabled(description));
            for (ComponentConfigurationDTO config : scr.getComponentConfigurationDTOs(description)) {
                assertTrue(description.name + " is in state " + config.state + ", unsatisfied: "
                                + Arrays.stream(config.unsatisfiedReferences).map(r -> r.name).toList()
                                + (config.failure == null ? "" : ", failure: " + config.failure),
                        config.state == ComponentConfigurationDTO.ACTIVE
                                || config.state == ComponentConfigurationDTO.SATISFIED);
                components.add(description.name);
            }
        }
        assertTrue("core components " + components,
                components.contains("org.jvirt.core.internal.CoreConnectionFactory"));
        assertTrue("driver.test's components " + components,
                components.stream().anyMatch(c -> c.startsWith("org.jvirt.driver.test.")));
    }

    /** jvirt logs through a real SLF4J provider, not the no-op fallback (start order, SPI Fly). */
    @Test
    public void slf4jHasAProvider() throws Exception {
        Class<?> loggerFactory = bundle("org.jvirt.api").loadClass("org.slf4j.LoggerFactory");
        assertEquals("slf4j.api", FrameworkUtil.getBundle(loggerFactory).getSymbolicName());
        Object factory = loggerFactory.getMethod("getILoggerFactory").invoke(null);
        assertEquals("org.slf4j.simple.SimpleLoggerFactory", factory.getClass().getName());
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("bundle " + symbolicName + " is not installed");
    }
}
