package org.jvirt.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

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

/** The API/core bundle resolves in a plain Felix with SCR and registers the core service. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CoreBundleIT {

    @Inject
    private BundleContext context;

    @Inject
    private ConnectionFactory factory;

    @Configuration
    public Option[] config() {
        return options(ItestFramework.base("core"));
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
