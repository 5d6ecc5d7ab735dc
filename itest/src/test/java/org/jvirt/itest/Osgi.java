package org.jvirt.itest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.jvirt.api.spi.HypervisorDriver;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/** Small look-ups in the framework the tests run in. */
final class Osgi {

    static final String DRIVER_TEST_BSN = "org.jvirt.driver.test";
    /** What {@code Connection.type()} answers for driver.test: libvirt's test driver says {@code TEST}. */
    static final String TEST_TYPE = "TEST";
    /** driver.test's {@code HypervisorDriver.name()}, as the core lists it. */
    static final String TEST_DRIVER_NAME = "Test";

    private Osgi() {
    }

    /** The installed bundle with that symbolic name; fails the test when there is none. */
    static Bundle bundle(BundleContext context, String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("bundle " + symbolicName + " is not installed");
    }

    /** The registered {@link HypervisorDriver} services that serve {@code scheme}, in registry order. */
    static List<ServiceReference<HypervisorDriver>> drivers(BundleContext context, String scheme) {
        try {
            Collection<ServiceReference<HypervisorDriver>> refs = context.getServiceReferences(
                    HypervisorDriver.class, "(" + HypervisorDriver.SCHEMES + "=" + scheme + ")");
            List<ServiceReference<HypervisorDriver>> sorted = new ArrayList<>(refs);
            sorted.sort((a, b) -> b.compareTo(a)); // highest ranking first
            return sorted;
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("bad scheme " + scheme, e);
        }
    }

    /** The schemes property of a driver service, as a list. */
    static List<String> schemes(ServiceReference<?> ref) {
        Object value = ref.getProperty(HypervisorDriver.SCHEMES);
        if (value instanceof String[] array) {
            return Arrays.asList(array);
        }
        if (value instanceof String s) {
            return List.of(s);
        }
        if (value instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        throw new AssertionError("service " + ref + " has no " + HypervisorDriver.SCHEMES + " property: " + value);
    }
}
