package org.jvirt.api.spi;

import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The call groups a {@link DriverConnection} hands out when its driver has them: snapshots,
 * devices, interface tuning, block statistics, managed save, save to a file. When a driver has
 * not (empty, the default) the core answers libvirt's NO_SUPPORT naming the function (and that no
 * managed save image exists). A concern of its own, kept apart from the connection's own calls.
 *
 * @since 2.3
 */
@ConsumerType
public interface DriverCallGroups {
    /** The snapshot calls. */
    default Optional<DomainSnapshotDriver> ownSnapshots() {
        return Optional.empty();
    }

    /** The device calls: attach, detach, update. @since 2.0 */
    default Optional<DomainDeviceDriver> ownDevices() {
        return Optional.empty();
    }

    /** The interface bandwidth calls ({@code virsh domiftune}). @since 2.0 */
    default Optional<InterfaceTuningDriver> ownInterfaceTuning() {
        return Optional.empty();
    }

    /** The disk I/O counters ({@code virsh domblkstat}). @since 2.1 */
    default Optional<BlockStatsDriver> ownBlockStats() {
        return Optional.empty();
    }

    /** The managed save calls. @since 2.0 */
    default Optional<ManagedSaveDriver> ownManagedSave() {
        return Optional.empty();
    }

    /** The calls that save a domain to a file and restore it. @since 2.0 */
    default Optional<DomainSaveDriver> ownSaves() {
        return Optional.empty();
    }
}
