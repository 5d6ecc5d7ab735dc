package org.jvirt.api;

/** libvirt's {@code virDomainXMLFlags} for {@link Domain#xmlDesc(int)}. */
public enum XmlFlag implements Flag {
    SECURE(1), INACTIVE(2), UPDATE_CPU(4), MIGRATABLE(8);

    private final int bit;

    XmlFlag(int bit) {
        this.bit = bit;
    }

    @Override
    public int bit() {
        return bit;
    }
}
