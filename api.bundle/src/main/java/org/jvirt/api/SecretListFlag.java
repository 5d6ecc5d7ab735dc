package org.jvirt.api;

/** libvirt's {@code virConnectListAllSecretsFlags}; no flags means all secrets. */
public enum SecretListFlag implements Flag {
    EPHEMERAL(1), NO_EPHEMERAL(2), PRIVATE(4), NO_PRIVATE(8);

    private final int bit;

    SecretListFlag(int bit) {
        this.bit = bit;
    }

    @Override
    public int bit() {
        return bit;
    }

    /** Every bit libvirt knows. */
    public static int all() {
        int m = 0;
        for (SecretListFlag f : values()) {
            m |= f.bit;
        }
        return m;
    }
}
