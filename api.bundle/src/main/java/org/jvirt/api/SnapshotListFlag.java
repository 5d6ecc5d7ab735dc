package org.jvirt.api;

/** libvirt's {@code virDomainSnapshotListFlags}: {@link #ROOTS} (listing a domain's snapshots) and
 * {@link #DESCENDANTS} (listing a snapshot's children) share one bit, as in libvirt. */
public enum SnapshotListFlag implements Flag {
    /** Only snapshots without a parent (for a domain's list). */
    ROOTS(1),
    /** All descendants, not only the children (for a snapshot's list). */
    DESCENDANTS(1),
    METADATA(2),
    LEAVES(4),
    NO_LEAVES(8),
    NO_METADATA(16),
    INACTIVE(32),
    ACTIVE(64),
    DISK_ONLY(128),
    INTERNAL(256),
    EXTERNAL(512),
    TOPOLOGICAL(1024);

    private final int bit;

    SnapshotListFlag(int bit) {
        this.bit = bit;
    }

    @Override
    public int bit() {
        return bit;
    }
}
