package org.jvirt.api.spi;

import java.util.List;

import org.jvirt.api.TypedParameter;
import org.jvirt.api.VirtException;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The interface bandwidth calls of a driver connection ({@code virsh domiftune}:
 * {@code virHypervisorDriver}'s {@code domainGetInterfaceParameters} and
 * {@code domainSetInterfaceParameters}), for a driver that tunes interfaces
 * ({@link DriverConnection#ownInterfaceTuning()}). The core has checked the connection, that
 * {@code device} is not null and, for the setter, that the connection is writable and that there is
 * at least one parameter; the driver checks its flags, the device and every parameter name and type.
 * Must be thread-safe.
 *
 * @since 2.0
 */
@ConsumerType
public interface InterfaceTuningDriver {

    List<TypedParameter> interfaceParameters(DomainRef dom, String device, int flags) throws VirtException;

    /** How many parameters {@link #interfaceParameters} gives: libvirt's get with nparams 0. */
    int interfaceParameterCount(DomainRef dom, String device, int flags) throws VirtException;

    void setInterfaceParameters(DomainRef dom, String device, List<TypedParameter> params, int flags)
            throws VirtException;
}
