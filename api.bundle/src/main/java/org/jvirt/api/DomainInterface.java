package org.jvirt.api;

import java.util.List;

/**
 * One network interface of a running domain and its IP addresses: libvirt's {@code virDomainInterface}
 * ({@code virDomainInterfaceAddresses}, {@code virsh domifaddr}).
 *
 * @param name   the host side device ({@code <target dev>}), or null when the domain's interface has none
 * @param hwaddr the interface's MAC address, lower case, or null
 * @param addrs  its addresses, never null
 */
public record DomainInterface(String name, String hwaddr, List<Address> addrs) {
    public DomainInterface {
        addrs = List.copyOf(addrs);
    }

    /**
     * One address: libvirt's {@code virDomainIPAddress}.
     *
     * @param type   0 for IPv4, 1 for IPv6 ({@code virIPAddrType})
     * @param addr   the address in its text form
     * @param prefix the prefix length, 0 when the source does not know it
     */
    public record Address(int type, String addr, int prefix) {
    }
}
