package org.jvirt.api;

import java.util.List;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A virtual network of a {@link Connection}: libvirt's {@code virNetworkPtr}. It names its network
 * by UUID and name; every call reads the current state from the network driver.
 * <p>
 * Thread-safe. Methods throw {@link VirtException}: {@link ErrorCode#NO_NETWORK} once the network
 * is gone, {@link ErrorCode#OPERATION_DENIED} for a change through a read-only connection,
 * {@link ErrorCode#OPERATION_INVALID} for a transition the network's state does not allow.
 */
@ProviderType
public interface Network {

    Connection connection();

    String name();

    UUID uuid();

    /** The network's XML; {@code flags} is a mask of {@link NetworkXmlFlag}. */
    String xmlDesc(int flags) throws VirtException;

    /** The name of the network's bridge device ({@code virNetworkGetBridgeName}). */
    String bridgeName() throws VirtException;

    /** Starts a defined, inactive network ({@code virNetworkCreateWithFlags}); {@code flags} must be 0. */
    void create(int flags) throws VirtException;

    /** Stops the network; a transient network is gone afterwards. */
    void destroy() throws VirtException;

    /** Removes the persistent definition; a running network stays running as transient. */
    void undefine() throws VirtException;

    boolean isActive() throws VirtException;

    boolean isPersistent() throws VirtException;

    boolean autostart() throws VirtException;

    void setAutostart(boolean autostart) throws VirtException;

    /**
     * The DHCP leases dnsmasq handed out on this network ({@code virNetworkGetDHCPLeases}), of the
     * client with MAC address {@code mac} only when it is not null; {@code flags} must be 0.
     */
    List<NetworkDhcpLease> dhcpLeases(String mac, int flags) throws VirtException;

    /**
     * Changes part of the definition ({@code virNetworkUpdate}): {@code command} a
     * {@link NetworkUpdateCommand}, {@code section} a {@link NetworkUpdateSection}, {@code xml}
     * the element to add, change or delete; {@code flags} a mask of {@link NetworkUpdateFlag}.
     */
    void update(NetworkUpdateCommand command, NetworkUpdateSection section, int parentIndex, String xml, int flags)
            throws VirtException;

    /**
     * Creates a port on this running network from its XML ({@code virNetworkPortCreateXML});
     * {@code flags} a mask of {@link NetworkPortCreateFlag}.
     *
     * @throws VirtException {@link ErrorCode#NETWORK_PORT_EXIST} when the network has a port with its UUID
     */
    NetworkPort createPort(String xml, int flags) throws VirtException;

    /** @throws VirtException {@link ErrorCode#NO_NETWORK_PORT} when the network has no port with that UUID */
    NetworkPort lookupPortByUuid(UUID uuid) throws VirtException;

    /** The ports of this running network ({@code virNetworkListAllPorts}); {@code flags} must be 0. */
    List<NetworkPort> listAllPorts(int flags) throws VirtException;
}
