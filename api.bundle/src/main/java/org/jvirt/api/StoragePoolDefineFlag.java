package org.jvirt.api;

/** libvirt's {@code virStoragePoolDefineFlags}. */
public enum StoragePoolDefineFlag implements Flag {
    VALIDATE(1);

    private final int bit;

    StoragePoolDefineFlag(int bit) {
        this.bit = bit;
    }

    @Override
    public int bit() {
        return bit;
    }

    /** Every bit libvirt knows. */
    public static int all() {
        int m = 0;
        for (StoragePoolDefineFlag f : values()) {
            m |= f.bit;
        }
        return m;
    }
}
