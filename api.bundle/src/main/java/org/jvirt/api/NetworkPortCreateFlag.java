package org.jvirt.api;

/** libvirt's {@code virNetworkPortCreateFlags}. */
public enum NetworkPortCreateFlag implements Flag {
    /** The port's plug already exists (a restarted hypervisor driver reclaims it): no allocation. */
    RECLAIM(1),
    /** Validate the XML against the network port schema. */
    VALIDATE(2);

    private final int bit;

    NetworkPortCreateFlag(int bit) {
        this.bit = bit;
    }

    @Override
    public int bit() {
        return bit;
    }
}
