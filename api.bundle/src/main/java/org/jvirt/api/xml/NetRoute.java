package org.jvirt.api.xml;

/**
 * A {@code <route>} of an interface or a capabilities net hostdev (libvirt's virNetDevIPRoute).
 *
 * @param family  {@code ipv4}/{@code ipv6}, or null (then ipv4)
 * @param address the network address, never null
 * @param netmask the IPv4 netmask, or null
 * @param prefix  the prefix length, or null when not written
 * @param gateway the gateway, never null
 * @param metric  the metric (positive), or null
 */
public record NetRoute(String family, String address, String netmask, Integer prefix, String gateway,
        Integer metric) {
}
