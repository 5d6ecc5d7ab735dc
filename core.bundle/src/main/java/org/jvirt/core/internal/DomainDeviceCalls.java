package org.jvirt.core.internal;

import static org.jvirt.core.internal.DomainCalls.UNKNOWN;

import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainDeviceDriver;
import org.jvirt.api.spi.DriverConnection;

/**
 * The entry points of a {@link DomainFacade} that attach, detach and update devices, with the checks
 * libvirt 9.0's {@code libvirt-domain.c} makes before it calls the driver ({@code virDomainAttachDevice},
 * {@code virDomainAttachDeviceFlags}, {@code virDomainDetachDevice}, {@code virDomainDetachDeviceFlags},
 * {@code virDomainUpdateDeviceFlags}): the xml first, then the read-only connection. The
 * {@code VIR_DOMAIN_AFFECT_*} flags go to the driver's {@link DomainDeviceDriver} as they are; it
 * checks them. A driver without one: NO_SUPPORT naming the function.
 */
final class DomainDeviceCalls {
    private final ConnectionFacade connection;
    private final DomainCalls calls;

    DomainDeviceCalls(ConnectionFacade connection, DomainCalls calls) {
        this.connection = connection;
        this.calls = calls;
    }

    void attachDevice(String xml) throws VirtException {
        String fn = "virDomainAttachDevice";
        check(fn, xml);
        // a device attached before a driver swap is not attached twice
        calls.write(fn, b -> driver(b, fn).attachDevice(calls.ref(b), xml), UNKNOWN);
    }

    void attachDeviceFlags(String xml, int flags) throws VirtException {
        String fn = "virDomainAttachDeviceFlags";
        check(fn, xml);
        calls.write(fn, b -> driver(b, fn).attachDeviceFlags(calls.ref(b), xml, flags), UNKNOWN);
    }

    void detachDevice(String xml) throws VirtException {
        String fn = "virDomainDetachDevice";
        check(fn, xml);
        calls.write(fn, b -> driver(b, fn).detachDevice(calls.ref(b), xml), UNKNOWN);
    }

    void detachDeviceFlags(String xml, int flags) throws VirtException {
        String fn = "virDomainDetachDeviceFlags";
        check(fn, xml);
        calls.write(fn, b -> driver(b, fn).detachDeviceFlags(calls.ref(b), xml, flags), UNKNOWN);
    }

    void updateDeviceFlags(String xml, int flags) throws VirtException {
        String fn = "virDomainUpdateDeviceFlags";
        check(fn, xml);
        calls.write(fn, b -> driver(b, fn).updateDeviceFlags(calls.ref(b), xml, flags), UNKNOWN);
    }

    /** libvirt's order: virCheckNonNullArgGoto(xml) before virCheckReadOnlyGoto. */
    private void check(String fn, String xml) throws VirtException {
        connection.checkOpen(fn, ErrorDomain.DOMAIN);
        Checks.notNull(xml, "xml", fn, ErrorDomain.DOMAIN);
        connection.checkWritable(fn, ErrorDomain.DOMAIN);
    }

    private static DomainDeviceDriver driver(Binding b, String fn) throws VirtException {
        return b.connection().ownDevices().orElseThrow(() -> DriverConnection.unsupported(fn));
    }
}
