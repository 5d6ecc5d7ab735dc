package org.jvirt.api.spi;

import org.jvirt.api.VirtException;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The host's secret driver: the OSGi service of the bundle that keeps secrets, shared by every
 * local hypervisor driver, as libvirt's secret driver is the shared secondary driver of its
 * hypervisor drivers ({@code virSetSharedSecretDriver}). The core opens one
 * {@link SecretDriverConnection} for each connection whose driver uses it
 * ({@link DriverConnection#usesSharedSecrets()}).
 */
@ConsumerType
public interface SecretDriver {

    /**
     * A connection to the secrets, for a caller connection opened with {@code flags} (a mask of
     * {@link org.jvirt.api.OpenFlag}).
     */
    SecretDriverConnection open(int flags) throws VirtException;
}
