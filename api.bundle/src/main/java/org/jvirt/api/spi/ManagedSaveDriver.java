package org.jvirt.api.spi;

import org.jvirt.api.VirtException;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The managed save calls of a driver connection ({@code virHypervisorDriver}'s
 * {@code domainManagedSave}, {@code domainHasManagedSaveImage} and {@code domainManagedSaveRemove}),
 * for a driver that keeps managed save images ({@link DriverConnection#ownManagedSave()}). The core
 * has checked the connection, read-only access for the calls that change something, and that
 * {@code VIR_DOMAIN_SAVE_RUNNING} and {@code _PAUSED} are not both set; the driver checks its flags.
 * Must be thread-safe.
 *
 * @since 2.0
 */
@ConsumerType
public interface ManagedSaveDriver {

    void managedSave(DomainRef dom, int flags) throws VirtException;

    boolean hasManagedSaveImage(DomainRef dom, int flags) throws VirtException;

    void managedSaveRemove(DomainRef dom, int flags) throws VirtException;
}
