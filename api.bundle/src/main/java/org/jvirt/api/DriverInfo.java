package org.jvirt.api;

import java.util.List;

/**
 * A hypervisor driver installed in the platform, as {@link ConnectionFactory#drivers()} lists it.
 *
 * @param name    the driver's name ({@code Test}, {@code QEMU})
 * @param schemes the URI schemes it serves
 * @param ranking its service ranking; the highest wins for a scheme
 * @param bundle  the symbolic name and version of the bundle that registered it
 */
public record DriverInfo(String name, List<String> schemes, int ranking, String bundle) {
    public DriverInfo {
        schemes = List.copyOf(schemes);
    }
}
