package org.jvirt.api;

/** libvirt's {@code virDomainDefineFlags}. */
public enum DefineFlag implements Flag {
    VALIDATE(1);

    private final int bit;

    DefineFlag(int bit) {
        this.bit = bit;
    }

    @Override
    public int bit() {
        return bit;
    }
}
