package org.jvirt.core.internal;

import static org.jvirt.core.internal.DomainCalls.UNKNOWN;

import java.util.List;

import org.jvirt.api.ErrorDomain;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DriverConnection;
import org.jvirt.api.spi.InterfaceTuningDriver;

/**
 * The interface bandwidth entry points of a {@link DomainFacade} ({@code virsh domiftune}) with the
 * checks libvirt-domain.c's {@code virDomainGetInterfaceParameters} and
 * {@code virDomainSetInterfaceParameters} make before they call the driver: an open connection, a
 * device (the C API would pass NULL on to the driver; the wire cannot carry one), for the setter a
 * writable connection and at least one parameter. LIVE and CONFIG together are the driver's to
 * refuse (libvirt checks them there), as is every parameter name and type; a driver without an
 * {@link InterfaceTuningDriver}: NO_SUPPORT naming the function.
 */
final class DomainInterfaceTuning {
    /** VIR_TYPED_PARAM_STRING_OKAY: libvirt-domain.c adds it for drivers that can return strings. */
    private static final int TYPED_PARAM_STRING_OKAY = 1 << 2;
    private static final String GET = "virDomainGetInterfaceParameters";
    private static final String SET = "virDomainSetInterfaceParameters";

    private final ConnectionFacade connection;
    private final DomainCalls calls;

    DomainInterfaceTuning(ConnectionFacade connection, DomainCalls calls) {
        this.connection = connection;
        this.calls = calls;
    }

    List<TypedParameter> parameters(String device, int flags) throws VirtException {
        int f = flags | TYPED_PARAM_STRING_OKAY;
        checkGet(device);
        return connection.call(GET, b -> driver(b, GET).interfaceParameters(calls.ref(b), device, f));
    }

    int count(String device, int flags) throws VirtException {
        int f = flags | TYPED_PARAM_STRING_OKAY;
        checkGet(device);
        return connection.call(GET, b -> driver(b, GET).interfaceParameterCount(calls.ref(b), device, f));
    }

    void set(String device, List<TypedParameter> params, int flags) throws VirtException {
        connection.checkOpen(SET, ErrorDomain.DOMAIN);
        connection.checkWritable(SET, ErrorDomain.DOMAIN);
        Checks.notNull(device, "device", SET, ErrorDomain.DOMAIN);
        Checks.notNull(params, "params", SET, ErrorDomain.DOMAIN);
        if (params.isEmpty()) {
            throw Checks.invalidArg("nparams in " + SET + " must be greater than zero", ErrorDomain.DOMAIN);
        }
        List<TypedParameter> copy = List.copyOf(params);
        calls.write(SET, b -> driver(b, SET).setInterfaceParameters(calls.ref(b), device, copy, flags), UNKNOWN);
    }

    private void checkGet(String device) throws VirtException {
        connection.checkOpen(GET, ErrorDomain.DOMAIN);
        Checks.notNull(device, "device", GET, ErrorDomain.DOMAIN);
    }

    private static InterfaceTuningDriver driver(Binding b, String fn) throws VirtException {
        return b.connection().ownInterfaceTuning().orElseThrow(() -> DriverConnection.unsupported(fn));
    }
}
