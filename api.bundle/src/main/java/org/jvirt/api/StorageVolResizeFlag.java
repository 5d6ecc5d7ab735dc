package org.jvirt.api;

/** libvirt's {@code virStorageVolResizeFlags}. */
public enum StorageVolResizeFlag implements Flag {
    ALLOCATE(1), DELTA(2), SHRINK(4);

    private final int bit;

    StorageVolResizeFlag(int bit) {
        this.bit = bit;
    }

    @Override
    public int bit() {
        return bit;
    }

    /** Every bit libvirt knows. */
    public static int all() {
        int m = 0;
        for (StorageVolResizeFlag f : values()) {
            m |= f.bit;
        }
        return m;
    }
}
