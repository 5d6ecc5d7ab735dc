package org.jvirt.api;

/** libvirt's {@code virStorageVolDeleteFlags} (0 is {@code NORMAL}). */
public enum StorageVolDeleteFlag implements Flag {
    ZEROED(1), WITH_SNAPSHOTS(2);

    private final int bit;

    StorageVolDeleteFlag(int bit) {
        this.bit = bit;
    }

    @Override
    public int bit() {
        return bit;
    }

    /** Every bit libvirt knows. */
    public static int all() {
        int m = 0;
        for (StorageVolDeleteFlag f : values()) {
            m |= f.bit;
        }
        return m;
    }
}
