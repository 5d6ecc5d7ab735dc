package org.jvirt.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.jvirt.api.ConnectionFactory;
import org.jvirt.api.spi.StateStore;
import org.jvirt.api.xml.DomainXmlCodec;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * The API bundle, the core and driver.test resolve in a plain Felix with SCR, their components are
 * satisfied, the core service is registered, and the API bundle holds nothing but the API.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CoreBundleIT {
    private static final String API_BSN = "org.jvirt.api";
    private static final String CORE_BSN = "org.jvirt.core";

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
    public void apiAndCoreBundlesAreActive() {
        for (String bsn : List.of(API_BSN, CORE_BSN)) {
            Bundle b = bundle(bsn);
            assertEquals("state of " + b, Bundle.ACTIVE, b.getState());
        }
    }

    @Test
    public void coreServicesComeFromTheCoreBundle() {
        for (Class<?> service : List.of(ConnectionFactory.class, DomainXmlCodec.class, StateStore.class)) {
            ServiceReference<?> ref = context.getServiceReference(service);
            assertNotNull("no " + service.getSimpleName() + " service", ref);
            assertEquals(service.getSimpleName(), CORE_BSN, ref.getBundle().getSymbolicName());
        }
        assertNotNull(factory);
    }

    /**
     * The API bundle exports every package it has and registers nothing, and the core exports
     * nothing: updating the core then refreshes no other bundle.
     */
    @Test
    public void apiBundleIsOnlyApiAndTheCoreExportsNothing() {
        Bundle api = bundle(API_BSN);
        assertNull("services of " + api, api.getRegisteredServices());
        BundleWiring apiWiring = api.adapt(BundleWiring.class);
        List<String> exported = apiWiring.getCapabilities(PackageNamespace.PACKAGE_NAMESPACE).stream()
                .map(c -> (String) c.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE)).sorted().toList();
        assertEquals(List.of("org.jvirt.api", "org.jvirt.api.spi", "org.jvirt.api.xml"), exported);
        List<String> packages = new ArrayList<>();
        for (URL entry : Collections.list(api.findEntries("/", "*.class", true))) {
            String path = entry.getPath();
            String pkg = path.substring(1, path.lastIndexOf('/')).replace('/', '.');
            if (!packages.contains(pkg)) {
                packages.add(pkg);
            }
        }
        assertTrue("packages of " + api + " that it does not export: " + packages, exported.containsAll(packages));
        Bundle core = bundle(CORE_BSN);
        assertEquals("packages exported by " + core, List.of(),
                core.adapt(BundleWiring.class).getCapabilities(PackageNamespace.PACKAGE_NAMESPACE));
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
        assertEquals("jvirt bundles", 3, jvirt.length);
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
                components.containsAll(List.of("org.jvirt.core.internal.CoreConnectionFactory",
                        "org.jvirt.core.store.FileStateStore", "org.jvirt.xml.internal.DomainXmlCodecImpl")));
        assertTrue("driver.test's components " + components,
                components.stream().anyMatch(c -> c.startsWith("org.jvirt.driver.test.")));
    }

    /** jvirt logs through a real SLF4J provider, not the no-op fallback (start order, SPI Fly). */
    @Test
    public void slf4jHasAProvider() throws Exception {
        Class<?> loggerFactory = bundle(CORE_BSN).loadClass("org.slf4j.LoggerFactory");
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
