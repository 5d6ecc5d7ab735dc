package org.jvirt.api.spi;

import java.util.UUID;

import org.jvirt.api.NetworkUpdateCommand;
import org.jvirt.api.NetworkUpdateSection;
import org.jvirt.api.VirtException;
import org.osgi.annotation.versioning.ProviderType;

/** One parsed network definition from {@link NetworkConf}: immutable, thread-safe. */
@ProviderType
public interface NetworkDefinition {

    String name();

    UUID uuid();

    /** The bridge's name, or null when the network has none (a macvtap or hostdev network). */
    String bridgeName();

    /** libvirt's XML of the definition; {@code flags} a mask of {@link org.jvirt.api.NetworkXmlFlag}. */
    String format(int flags);

    /**
     * The definition after one {@code virNetworkUpdate} change of a section ({@code
     * virNetworkDefUpdateSection}), with libvirt's errors; this one is unchanged. Sections the
     * network bundle cannot change fail with {@link org.jvirt.api.ErrorCode#NO_SUPPORT}.
     */
    /**
     * The network's first {@code <ip>}: its address, prefix length and the start of its first DHCP
     * range; null when the network has no address. libvirt's test driver makes up guest addresses from it.
     */
    default IpAddress firstIp() {
        return null;
    }

    /**
     * An address of a network definition.
     *
     * @param type      0 for IPv4, 1 for IPv6 ({@code virIPAddrType})
     * @param address   the network's own address
     * @param prefix    its prefix length
     * @param dhcpStart the start of the first DHCP range, or null
     */
    record IpAddress(int type, String address, int prefix, String dhcpStart) {
    }

    NetworkDefinition update(NetworkUpdateCommand command, NetworkUpdateSection section, int parentIndex, String xml)
            throws VirtException;
}
