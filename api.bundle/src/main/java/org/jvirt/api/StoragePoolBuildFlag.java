package org.jvirt.api;

/** libvirt's {@code virStoragePoolBuildFlags} (0 is {@code NEW}). */
public enum StoragePoolBuildFlag implements Flag {
    REPAIR(1), RESIZE(2), NO_OVERWRITE(4), OVERWRITE(8);

    private final int bit;

    StoragePoolBuildFlag(int bit) {
        this.bit = bit;
    }

    @Override
    public int bit() {
        return bit;
    }

    /** Every bit libvirt knows. */
    public static int all() {
        int m = 0;
        for (StoragePoolBuildFlag f : values()) {
            m |= f.bit;
        }
        return m;
    }
}
