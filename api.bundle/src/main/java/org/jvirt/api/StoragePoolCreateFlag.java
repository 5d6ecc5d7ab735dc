package org.jvirt.api;

/** libvirt's {@code virStoragePoolCreateFlags}: build the pool as it starts. */
public enum StoragePoolCreateFlag implements Flag {
    WITH_BUILD(1), WITH_BUILD_OVERWRITE(2), WITH_BUILD_NO_OVERWRITE(4);

    private final int bit;

    StoragePoolCreateFlag(int bit) {
        this.bit = bit;
    }

    @Override
    public int bit() {
        return bit;
    }

    /** Every bit libvirt knows. */
    public static int all() {
        int m = 0;
        for (StoragePoolCreateFlag f : values()) {
            m |= f.bit;
        }
        return m;
    }
}
