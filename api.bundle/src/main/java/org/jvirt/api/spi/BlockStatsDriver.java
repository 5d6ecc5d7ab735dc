package org.jvirt.api.spi;

import java.util.List;

import org.jvirt.api.BlockStats;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.VirtException;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The disk I/O counters of a driver connection ({@code virsh domblkstat}: {@code virHypervisorDriver}'s
 * {@code domainBlockStats} and {@code domainBlockStatsFlags}), for a driver that counts them
 * ({@link DriverConnection#ownBlockStats()}). The core has checked the connection and that {@code disk}
 * is not null; the driver checks its flags, that the domain runs and names the disk by target or source
 * path. Must be thread-safe.
 *
 * @since 2.1
 */
@ConsumerType
public interface BlockStatsDriver {

    /** {@code virDomainBlockStats}: a counter the driver cannot read is -1. */
    BlockStats blockStats(DomainRef dom, String disk) throws VirtException;

    /**
     * {@code virDomainBlockStatsFlags}: every counter the driver knows, named as libvirt's
     * {@code VIR_DOMAIN_BLOCK_STATS_*}; an empty {@code disk} means all disks together.
     */
    default List<TypedParameter> blockStatsParameters(DomainRef dom, String disk, int flags) throws VirtException {
        throw DriverConnection.unsupported("virDomainBlockStatsFlags");
    }
}
