package org.jvirt.core.internal;

import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.Domain;
import org.jvirt.api.DomainStats;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.DomainStatsRecord;

/**
 * libvirt's bulk statistics entry points ({@code virConnectGetAllDomainStats},
 * {@code virDomainListGetStats}) of a {@link ConnectionFacade}: their checks, and the driver's
 * records turned into domains of the connection. Kept apart so that the facade reads as the
 * connection's own calls.
 */
final class DomainStatsCalls {
    private final ConnectionFacade connection;

    DomainStatsCalls(ConnectionFacade connection) {
        this.connection = connection;
    }

    List<DomainStats> all(int stats, int statsFlags) throws VirtException {
        String fn = "virConnectGetAllDomainStats";
        connection.checkOpen(fn, ErrorDomain.NONE);
        return connection.call(fn, b -> facades(b, b.connection().domainStats(null, stats, statsFlags)));
    }

    List<DomainStats> of(List<Domain> domains, int stats, int statsFlags) throws VirtException {
        String fn = "virDomainListGetStats";
        connection.checkOpen(fn, ErrorDomain.DOMAIN);
        Checks.notNull(domains, "doms", fn, ErrorDomain.DOMAIN);
        if (domains.isEmpty()) {
            throw Checks.invalidArg("doms in " + fn + " must not be empty", ErrorDomain.DOMAIN);
        }
        for (Domain d : domains) {
            if (!(d instanceof DomainFacade f) || f.connection() != connection) {
                throw Checks.invalid("domains from different connections", ErrorDomain.DOMAIN);
            }
        }
        return connection.call(fn, b -> {
            // no lookup per domain: the driver finds each by UUID and leaves out those that do not
            // exist, as libvirt's drivers do with the handles virDomainListGetStats passes
            List<DomainRef> refs = new ArrayList<>();
            for (Domain d : domains) {
                refs.add(((DomainFacade) d).namingRef());
            }
            return facades(b, b.connection().domainStats(refs, stats, statsFlags));
        });
    }

    private List<DomainStats> facades(Binding b, List<DomainStatsRecord> records) {
        List<DomainStats> out = new ArrayList<>();
        for (DomainStatsRecord r : records) {
            out.add(new DomainStats(new DomainFacade(connection, r.domain(), b.generation(), true), r.params()));
        }
        return out;
    }
}
