package org.jvirt.api.spi;

import org.jvirt.api.VirtException;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The host's network driver: the OSGi service of the bundle that runs virtual networks, shared by
 * every local hypervisor driver, as libvirt's bridge network driver is the shared secondary driver
 * of its hypervisor drivers. The core opens one {@link NetworkDriverConnection} for each connection
 * whose driver uses it ({@link DriverConnection#usesSharedNetworks()}).
 */
@ConsumerType
public interface NetworkDriver {

    /**
     * A connection to the networks, for a caller connection opened with {@code flags} (a mask of
     * {@link org.jvirt.api.OpenFlag}).
     */
    NetworkDriverConnection open(int flags) throws VirtException;
}
