package org.jvirt.api;

/** libvirt's {@code virNetworkUpdateFlags}; 0 is {@code VIR_NETWORK_UPDATE_AFFECT_CURRENT}. */
public enum NetworkUpdateFlag implements Flag {
    LIVE(1), CONFIG(2);

    private final int bit;

    NetworkUpdateFlag(int bit) {
        this.bit = bit;
    }

    @Override
    public int bit() {
        return bit;
    }
}
