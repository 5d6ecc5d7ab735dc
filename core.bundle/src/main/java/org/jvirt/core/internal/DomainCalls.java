package org.jvirt.core.internal;

import java.util.Optional;
import java.util.UUID;

import org.jvirt.api.DomainState;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;

/**
 * How a {@link DomainFacade} calls its driver: it names its domain by UUID and, after a driver
 * swap, re-resolves the driver's {@link DomainRef} on the new driver connection before the first
 * call there; reads check that the connection is open, writes that it is writable.
 */
final class DomainCalls {
    /** For state changes whose outcome a driver swap leaves unknowable (or that are repeatable). */
    static final Done UNKNOWN = b -> false;

    /** The generation of a handle's ref that no driver connection gave: resolved by the first call. */
    static final long UNRESOLVED = -1;
    /** {@link #foundId()} once the ID a domain was found with may be out of date. */
    static final int ID_UNKNOWN = Integer.MIN_VALUE;

    private final ConnectionFacade connection;
    private final UUID uuid;
    private volatile ResolvedRef resolved;
    private volatile int foundId;

    private record ResolvedRef(DomainRef ref, long generation) {
    }

    /**
     * @param generation the generation of the binding that gave {@code ref}, or {@link #UNRESOLVED}
     * @param found      whether {@code ref} is what the driver just answered (a lookup, a listing),
     *                   so that its ID is the domain's: {@link #foundId()}
     */
    DomainCalls(ConnectionFacade connection, DomainRef ref, long generation, boolean found) {
        this.connection = connection;
        this.uuid = ref.uuid();
        this.resolved = new ResolvedRef(ref, generation);
        this.foundId = found ? ref.id() : ID_UNKNOWN;
    }

    /**
     * The ID the driver answered with the ref this domain object was made from, until the first
     * call made with it (which may change the domain); {@link #ID_UNKNOWN} after that, and for handles.
     */
    int foundId() {
        return foundId;
    }

    /**
     * The ref valid on {@code b}'s driver connection: looked up by UUID after a driver swap, and
     * before the first call of a handle the driver did not make ({@link #UNRESOLVED}), so that a
     * domain that does not exist fails the call as the driver's lookup reports it.
     */
    DomainRef ref(Binding b) throws VirtException {
        foundId = ID_UNKNOWN;
        ResolvedRef r = resolved;
        if (r.generation() == b.generation()) {
            return r.ref();
        }
        DomainRef fresh = b.connection().lookupByUuid(uuid);
        resolved = new ResolvedRef(fresh, b.generation());
        return fresh;
    }

    /** The ref last resolved or made, without resolving it: see {@link DomainFacade#namingRef()}. */
    DomainRef lastRef() {
        return resolved.ref();
    }

    <T> T read(String function, DriverCall<T> op) throws VirtException {
        connection.checkOpen(function, ErrorDomain.DOMAIN);
        return connection.call(function, op);
    }

    /**
     * A call that changes the domain. {@code done} tells, on the replacement of a driver that went
     * away during the call, whether the state the call asks for holds now (then the call counts as
     * done); it is only consulted for calls {@link RepeatableCalls} does not list.
     */
    void write(String function, VoidCall op, Done done) throws VirtException {
        connection.checkWritable(function, ErrorDomain.DOMAIN);
        connection.call(function, b -> {
            op.apply(b);
            return Boolean.TRUE;
        }, b -> done.test(b) ? Optional.of(Boolean.TRUE) : Optional.empty());
    }

    /** The domain's state on {@code b}'s driver; a domain that is gone counts as shut off. */
    DomainState stateOn(Binding b) throws VirtException {
        try {
            return b.connection().state(ref(b)).state();
        } catch (VirtException e) {
            if (e.code() == ErrorCode.NO_DOMAIN) {
                return DomainState.SHUTOFF;
            }
            throw e;
        }
    }

    /** Whether the domain has a persistent definition on {@code b}'s driver; a gone domain has none. */
    boolean persistentOn(Binding b) throws VirtException {
        try {
            return b.connection().isPersistent(ref(b));
        } catch (VirtException e) {
            if (e.code() == ErrorCode.NO_DOMAIN) {
                return false;
            }
            throw e;
        }
    }

    @FunctionalInterface
    interface VoidCall {
        void apply(Binding b) throws VirtException;
    }

    /** Whether a state change is done, read without changing anything. */
    @FunctionalInterface
    interface Done {
        boolean test(Binding b) throws VirtException;
    }
}
