package org.jvirt.core.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jvirt.api.DriverInfo;
import org.jvirt.api.spi.HypervisorDriver;

/**
 * One registered {@link HypervisorDriver} service with the properties the router needs.
 *
 * @param driver    the service object
 * @param serviceId the service id (unique per registration; a re-registered driver gets a new one)
 * @param ranking   the service ranking, highest wins
 * @param schemes   the URI schemes of {@link HypervisorDriver#SCHEMES}, lower case
 * @param name      the driver's name, read once when it was bound
 * @param bundle    the registering bundle as {@code symbolic-name version}, or {@code ""}
 */
record DriverEntry(HypervisorDriver driver, long serviceId, int ranking, List<String> schemes,
                   String name, String bundle) {

    /** Highest ranking first; among equals, the oldest registration (lowest id), as OSGi does. */
    static final Comparator<DriverEntry> BEST_FIRST = Comparator
            .comparingInt(DriverEntry::ranking).reversed()
            .thenComparingLong(DriverEntry::serviceId);

    DriverEntry {
        schemes = List.copyOf(schemes);
    }

    /** Builds an entry from service properties ({@code jvirt.driver.schemes}, {@code service.ranking}, {@code service.id}). */
    static DriverEntry of(HypervisorDriver driver, Map<String, ?> properties, long fallbackId, String bundle) {
        Object id = properties.get("service.id");
        Object ranking = properties.get("service.ranking");
        String name;
        try {
            name = driver.name();
        } catch (RuntimeException | Error e) {
            name = driver.getClass().getName();
        }
        return new DriverEntry(driver,
                id instanceof Number n ? n.longValue() : fallbackId,
                ranking instanceof Integer r ? r : 0,
                schemes(properties.get(HypervisorDriver.SCHEMES)),
                name, bundle == null ? "" : bundle);
    }

    private static List<String> schemes(Object value) {
        Collection<?> raw;
        if (value instanceof String s) {
            raw = List.of(s);
        } else if (value instanceof String[] a) {
            raw = Arrays.asList(a);
        } else if (value instanceof Collection<?> c) {
            raw = c;
        } else {
            raw = List.of();
        }
        List<String> out = new ArrayList<>();
        for (Object o : raw) {
            if (o != null && !o.toString().isBlank()) {
                out.add(o.toString().trim().toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    /** True when this is the same registration as {@code other}, whatever its current ranking. */
    boolean sameService(DriverEntry other) {
        return other != null && driver == other.driver && serviceId == other.serviceId;
    }

    DriverInfo info() {
        return new DriverInfo(name, schemes, ranking, bundle);
    }

    /** How error messages name this driver: {@code Test [test] ranking 0 (org.jvirt.driver.test 0.1.0)}. */
    String describe() {
        return name + " " + schemes + " ranking " + ranking + (bundle.isEmpty() ? "" : " (" + bundle + ")");
    }
}
