package org.jvirt.api;

import java.util.List;

/**
 * The statistics of one domain: libvirt's {@code virDomainStatsRecord}.
 *
 * @param domain the domain
 * @param params its statistics, named as libvirt names them ({@code state.state}, {@code cpu.time})
 */
public record DomainStats(Domain domain, List<TypedParameter> params) {
    public DomainStats {
        params = List.copyOf(params);
    }
}
