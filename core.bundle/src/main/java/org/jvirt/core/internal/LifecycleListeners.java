package org.jvirt.core.internal;

import org.jvirt.api.DomainEventListener;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registration of domain lifecycle listeners on a {@link ConnectionFacade}
 * ({@code virConnectDomainEventRegisterAny} / {@code DeregisterAny}): the listeners live in the
 * connection's {@link EventFanout}, and the driver gets the fan-out's sink while there is at least one.
 */
final class LifecycleListeners {
    private static final Logger LOG = LoggerFactory.getLogger(LifecycleListeners.class);

    private final ConnectionFacade connection;
    private final DriverSession session;
    private final EventFanout events;

    LifecycleListeners(ConnectionFacade connection, DriverSession session, EventFanout events) {
        this.connection = connection;
        this.session = session;
        this.events = events;
    }

    int add(DomainEventListener listener) throws VirtException {
        String fn = "virConnectDomainEventRegisterAny";
        connection.checkOpen(fn, ErrorDomain.DOMAIN);
        Checks.notNull(listener, "cb", fn, ErrorDomain.DOMAIN);
        int id = events.add(listener);
        try {
            connection.call(fn, b -> {
                b.connection().setEventSink(events.sink());
                return null;
            });
        } catch (VirtException e) {
            events.remove(id);
            throw e;
        }
        return id;
    }

    void remove(int callbackId) throws VirtException {
        String fn = "virConnectDomainEventDeregisterAny";
        connection.checkOpen(fn, ErrorDomain.DOMAIN);
        Checks.nonNegative(callbackId, "callbackID", fn, ErrorDomain.DOMAIN);
        if (!events.remove(callbackId)) {
            throw Checks.invalid("could not find event callback " + callbackId + " for deletion",
                    ErrorDomain.DOMAIN);
        }
        Binding b = session.peek();
        if (b != null && !events.hasListeners()) {
            try {
                b.connection().setEventSink(null);
            } catch (RuntimeException | Error e) {
                // the listener is gone already; the driver's bug is reported, not thrown raw
                LOG.warn("driver {} failed in {}", b.entry().describe(), fn, e);
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.NONE,
                        "driver " + b.entry().name() + " failed in " + fn + ": " + e, e);
            }
        }
    }
}
