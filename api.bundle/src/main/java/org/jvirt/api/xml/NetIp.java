package org.jvirt.api.xml;

/**
 * An {@code <ip>} of an interface or a capabilities net hostdev (libvirt's virNetDevIPAddr): an
 * address given to the guest side (LXC applies it inside the container).
 *
 * @param address the address, never null
 * @param family  {@code ipv4} or {@code ipv6} (the parser derives it from the address, as
 *                libvirt's formatter does)
 * @param prefix  the prefix length, or null when not written (0 is not written either)
 * @param peer    the peer address of a point-to-point link, or null
 */
public record NetIp(String address, String family, Integer prefix, String peer) {
}
