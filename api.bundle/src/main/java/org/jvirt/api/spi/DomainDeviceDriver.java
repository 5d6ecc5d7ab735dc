package org.jvirt.api.spi;

import org.jvirt.api.VirtException;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The device calls of a driver connection ({@code virHypervisorDriver}'s {@code domainAttachDevice*},
 * {@code domainDetachDevice*} and {@code domainUpdateDeviceFlags} entries), for a driver that can
 * change the devices of its domains ({@link DriverConnection#ownDevices()}). The core has checked the
 * connection, that {@code xml} is not null and that the connection is writable; the driver checks its
 * flags ({@code VIR_DOMAIN_AFFECT_*} and the like) and the device. Must be thread-safe.
 *
 * @since 2.0
 */
@ConsumerType
public interface DomainDeviceDriver {

    /** {@code virDomainAttachDevice}: each driver decides what it affects (libvirt's QEMU driver: the live guest). */
    void attachDevice(DomainRef dom, String xml) throws VirtException;

    void attachDeviceFlags(DomainRef dom, String xml, int flags) throws VirtException;

    /** {@code virDomainDetachDevice}: each driver decides what it affects. */
    void detachDevice(DomainRef dom, String xml) throws VirtException;

    void detachDeviceFlags(DomainRef dom, String xml, int flags) throws VirtException;

    void updateDeviceFlags(DomainRef dom, String xml, int flags) throws VirtException;
}
