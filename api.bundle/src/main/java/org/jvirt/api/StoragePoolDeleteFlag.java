package org.jvirt.api;

/** libvirt's {@code virStoragePoolDeleteFlags} (0 is {@code NORMAL}). */
public enum StoragePoolDeleteFlag implements Flag {
    ZEROED(1);

    private final int bit;

    StoragePoolDeleteFlag(int bit) {
        this.bit = bit;
    }

    @Override
    public int bit() {
        return bit;
    }

    /** Every bit libvirt knows. */
    public static int all() {
        int m = 0;
        for (StoragePoolDeleteFlag f : values()) {
            m |= f.bit;
        }
        return m;
    }
}
