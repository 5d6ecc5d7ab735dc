package org.jvirt.api;

/** Where {@link Domain#interfaceAddresses} looks: libvirt's {@code virDomainInterfaceAddressesSource}. */
public enum InterfaceAddressSource {
    /** The DHCP leases of the virtual networks the interfaces are plugged into. */
    LEASE(0),
    /** The guest agent inside the domain. */
    AGENT(1),
    /** The host's ARP table. */
    ARP(2);

    private final int value;

    InterfaceAddressSource(int value) {
        this.value = value;
    }

    /** The number on the wire and in libvirt's C API. */
    public int value() {
        return value;
    }
}
