package org.jvirt.api;

/** libvirt's {@code virNetworkUpdateSection}, by its wire number. */
public enum NetworkUpdateSection {
    NONE(0), BRIDGE(1), DOMAIN(2), IP(3), IP_DHCP_HOST(4), IP_DHCP_RANGE(5), FORWARD(6),
    FORWARD_INTERFACE(7), FORWARD_PF(8), PORTGROUP(9), DNS_HOST(10), DNS_TXT(11), DNS_SRV(12);

    private final int number;

    NetworkUpdateSection(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }

    /** The section with libvirt's number, null for a number libvirt does not know. */
    public static NetworkUpdateSection ofNumber(int number) {
        for (NetworkUpdateSection s : values()) {
            if (s.number == number) {
                return s;
            }
        }
        return null;
    }
}
