package org.jvirt.api.spi;

import java.util.List;

import org.jvirt.api.TypedParameter;

/**
 * The statistics of one domain as a driver returns them.
 *
 * @param domain the domain
 * @param params its statistics, libvirt's names and types
 */
public record DomainStatsRecord(DomainRef domain, List<TypedParameter> params) {
    public DomainStatsRecord {
        params = List.copyOf(params);
    }
}
