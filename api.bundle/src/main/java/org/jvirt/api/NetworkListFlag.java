package org.jvirt.api;

/** libvirt's {@code virConnectListAllNetworksFlags}; no flags means all networks. */
public enum NetworkListFlag implements Flag {
    INACTIVE(1), ACTIVE(2), PERSISTENT(4), TRANSIENT(8), AUTOSTART(16), NO_AUTOSTART(32);

    private final int bit;

    NetworkListFlag(int bit) {
        this.bit = bit;
    }

    @Override
    public int bit() {
        return bit;
    }

    /** Every bit libvirt knows. */
    public static int all() {
        int m = 0;
        for (NetworkListFlag f : values()) {
            m |= f.bit;
        }
        return m;
    }
}
