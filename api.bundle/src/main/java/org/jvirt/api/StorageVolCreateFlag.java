package org.jvirt.api;

/** libvirt's {@code virStorageVolCreateFlags}. */
public enum StorageVolCreateFlag implements Flag {
    PREALLOC_METADATA(1), REFLINK(2), VALIDATE(4);

    private final int bit;

    StorageVolCreateFlag(int bit) {
        this.bit = bit;
    }

    @Override
    public int bit() {
        return bit;
    }

    /** Every bit libvirt knows. */
    public static int all() {
        int m = 0;
        for (StorageVolCreateFlag f : values()) {
            m |= f.bit;
        }
        return m;
    }
}
