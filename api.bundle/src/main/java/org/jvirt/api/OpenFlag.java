package org.jvirt.api;

/** libvirt's {@code virConnectFlags}. */
public enum OpenFlag implements Flag {
    READ_ONLY(1), NO_ALIASES(2);

    private final int bit;

    OpenFlag(int bit) {
        this.bit = bit;
    }

    @Override
    public int bit() {
        return bit;
    }
}
