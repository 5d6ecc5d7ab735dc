package org.jvirt.api;

/**
 * One DHCP lease of a network: libvirt's {@code virNetworkDHCPLease}, as {@code virsh
 * net-dhcp-leases} prints it.
 *
 * @param iface      the network's bridge
 * @param expiryTime when the lease ends, seconds since the epoch (0: never)
 * @param type       0 for IPv4, 1 for IPv6 ({@code virIPAddrType})
 * @param mac        the client's MAC address, null for an IPv6 lease without one
 * @param iaid       the IPv6 IAID, or null
 * @param ipaddr     the leased address
 * @param prefix     the network's prefix length
 * @param hostname   the host name the client sent, or null
 * @param clientid   the DHCP client ID (IPv4) or DUID (IPv6), or null
 */
public record NetworkDhcpLease(String iface, long expiryTime, int type, String mac, String iaid, String ipaddr,
                               int prefix, String hostname, String clientid) {
}
