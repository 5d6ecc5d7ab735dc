package org.jvirt.api;

/** libvirt's {@code virStorageXMLFlags}: the pool's XML as defined rather than as running. */
public enum StorageXmlFlag implements Flag {
    INACTIVE(1);

    private final int bit;

    StorageXmlFlag(int bit) {
        this.bit = bit;
    }

    @Override
    public int bit() {
        return bit;
    }

    /** Every bit libvirt knows. */
    public static int all() {
        int m = 0;
        for (StorageXmlFlag f : values()) {
            m |= f.bit;
        }
        return m;
    }
}
