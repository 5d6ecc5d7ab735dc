package org.jvirt.api;

/** libvirt's {@code virDomainSnapshotDeleteFlags}. */
public enum SnapshotDeleteFlag implements Flag {
    CHILDREN(1),
    METADATA_ONLY(2),
    CHILDREN_ONLY(4);

    private final int bit;

    SnapshotDeleteFlag(int bit) {
        this.bit = bit;
    }

    @Override
    public int bit() {
        return bit;
    }
}
