package org.jvirt.core.internal;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.DomainSnapshotDriver;

/**
 * How the snapshot calls of a domain reach its driver: the checks of libvirt's
 * {@code libvirt-domain-snapshot.c} (open connection, read-only access, arguments, exclusive flags,
 * all in libvirt's snapshot error domain), then the driver's {@link DomainSnapshotDriver}, or
 * NO_SUPPORT naming the function when the driver has none.
 */
final class SnapshotCalls {
    private final ConnectionFacade connection;
    private final DomainCalls domain;

    SnapshotCalls(ConnectionFacade connection, DomainCalls domain) {
        this.connection = connection;
        this.domain = domain;
    }

    /** A call against the driver's snapshots. */
    @FunctionalInterface
    interface SnapshotCall<T> {
        T apply(DomainSnapshotDriver snapshots, DomainRef dom) throws VirtException;
    }

    <T> T read(String function, SnapshotCall<T> op) throws VirtException {
        connection.checkOpen(function, ErrorDomain.DOMAIN_SNAPSHOT);
        return connection.call(function, b -> op.apply(driver(b, function), domain.ref(b)));
    }

    <T> T write(String function, SnapshotCall<T> op) throws VirtException {
        connection.checkWritable(function, ErrorDomain.DOMAIN_SNAPSHOT);
        return connection.call(function, b -> op.apply(driver(b, function), domain.ref(b)));
    }

    static void notNull(Object value, String arg, String function) throws VirtException {
        Checks.notNull(value, arg, function, ErrorDomain.DOMAIN_SNAPSHOT);
    }

    /** {@code VIR_EXCLUSIVE_FLAGS_GOTO}, in the snapshot error domain. */
    static void exclusive(int flags, int a, String aName, int b, String bName) throws VirtException {
        Checks.exclusive(flags, a, aName, b, bName, ErrorDomain.DOMAIN_SNAPSHOT);
    }

    /** {@code VIR_REQUIRE_FLAG_GOTO(flag, required)}, in the snapshot error domain. */
    static void requires(int flags, int flag, String flagName, int required, String requiredName)
            throws VirtException {
        Checks.requires(flags, flag, flagName, required, requiredName, ErrorDomain.DOMAIN_SNAPSHOT);
    }

    private static DomainSnapshotDriver driver(Binding b, String function) throws VirtException {
        return b.connection().ownSnapshots().orElseThrow(
                () -> new VirtException(ErrorCode.NO_SUPPORT, ErrorDomain.DOMAIN_SNAPSHOT, function));
    }
}
