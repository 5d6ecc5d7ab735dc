package org.jvirt.api;

/** libvirt's {@code virDomainModificationImpact}; no flag means the current state. */
public enum ModificationFlag implements Flag {
    LIVE(1), CONFIG(2);

    private final int bit;

    ModificationFlag(int bit) {
        this.bit = bit;
    }

    @Override
    public int bit() {
        return bit;
    }
}
