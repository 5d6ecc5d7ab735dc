package org.jvirt.api;

/** libvirt's {@code virNetworkXMLFlags}. */
public enum NetworkXmlFlag implements Flag {
    /** The persistent definition rather than the running one. */
    INACTIVE(1);

    private final int bit;

    NetworkXmlFlag(int bit) {
        this.bit = bit;
    }

    @Override
    public int bit() {
        return bit;
    }
}
