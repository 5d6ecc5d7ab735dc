package org.jvirt.api.spi;

import java.util.List;
import java.util.UUID;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.NetworkDhcpLease;
import org.jvirt.api.NetworkUpdateCommand;
import org.jvirt.api.NetworkUpdateSection;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.NetBandwidth;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A connection's view of a network driver: libvirt's {@code virNetworkDriver} table. The core checks
 * arguments and read-only access before it calls in. Errors are libvirt's, in its error domain
 * {@link org.jvirt.api.ErrorDomain#NETWORK}: {@link org.jvirt.api.ErrorCode#NO_NETWORK} for a network
 * that is not there, {@link org.jvirt.api.ErrorCode#INVALID_ARG} for flags the driver does not know.
 * Must be thread-safe.
 */
@ConsumerType
public interface NetworkDriverConnection {

    /** Networks matching a mask of {@link org.jvirt.api.NetworkListFlag}; 0 means all. */
    List<NetworkRef> listAllNetworks(int flags) throws VirtException;

    NetworkRef lookupByName(String name) throws VirtException;

    NetworkRef lookupByUuid(UUID uuid) throws VirtException;

    NetworkRef defineXml(String xml, int flags) throws VirtException;

    /** Defines a transient network and starts it. */
    NetworkRef createXml(String xml, int flags) throws VirtException;

    void create(NetworkRef network, int flags) throws VirtException;

    void destroy(NetworkRef network) throws VirtException;

    void undefine(NetworkRef network) throws VirtException;

    String xmlDesc(NetworkRef network, int flags) throws VirtException;

    String bridgeName(NetworkRef network) throws VirtException;

    boolean isActive(NetworkRef network) throws VirtException;

    boolean isPersistent(NetworkRef network) throws VirtException;

    boolean autostart(NetworkRef network) throws VirtException;

    void setAutostart(NetworkRef network, boolean autostart) throws VirtException;

    List<NetworkDhcpLease> dhcpLeases(NetworkRef network, String mac, int flags) throws VirtException;

    void update(NetworkRef network, NetworkUpdateCommand command, NetworkUpdateSection section, int parentIndex,
                String xml, int flags) throws VirtException;

    // ---- network ports (libvirt 5.5's virNetworkPort*): every call answers NO_SUPPORT unless overridden ----

    /**
     * Creates a port on a running network from its XML; {@code flags} a mask of
     * {@link org.jvirt.api.NetworkPortCreateFlag}. Returns the port's UUID.
     */
    default UUID createPort(NetworkRef network, String xml, int flags) throws VirtException {
        throw unsupportedPort("virNetworkPortCreateXML");
    }

    /** The port's UUID when the network has it, else {@link org.jvirt.api.ErrorCode#NO_NETWORK_PORT}. */
    default UUID lookupPort(NetworkRef network, UUID port) throws VirtException {
        throw unsupportedPort("virNetworkPortLookupByUUID");
    }

    default List<UUID> listAllPorts(NetworkRef network, int flags) throws VirtException {
        throw unsupportedPort("virNetworkListAllPorts");
    }

    default String portXmlDesc(NetworkRef network, UUID port, int flags) throws VirtException {
        throw unsupportedPort("virNetworkPortGetXMLDesc");
    }

    default void deletePort(NetworkRef network, UUID port, int flags) throws VirtException {
        throw unsupportedPort("virNetworkPortDelete");
    }

    /** The port's bandwidth as {@link org.jvirt.api.NetworkPort}'s {@code BANDWIDTH_*} parameters. */
    default List<TypedParameter> portParameters(NetworkRef network, UUID port, int flags) throws VirtException {
        throw unsupportedPort("virNetworkPortGetParameters");
    }

    default void setPortParameters(NetworkRef network, UUID port, List<TypedParameter> params, int flags)
            throws VirtException {
        throw unsupportedPort("virNetworkPortSetParameters");
    }

    // ---- QoS on a guest's own host-side device: NO_SUPPORT unless overridden ----

    /**
     * libvirt's virNetDevBandwidthSet for the host side of a guest's interface (a tap or veth the
     * hypervisor driver made): replaces the device's QoS with {@code bandwidth}; null sets nothing.
     * With {@code swapped} (taps and veths, where the guest sits at the far end) the guest's inbound
     * rate shapes what the device transmits and its outbound rate polices what the device receives.
     * The network driver does it because it owns the host's traffic control; the device need not be
     * on one of its networks.
     */
    default void setInterfaceBandwidth(String ifname, NetBandwidth bandwidth, boolean swapped) throws VirtException {
        throw new VirtException(ErrorCode.NO_SUPPORT, ErrorDomain.NETWORK, "virNetDevBandwidthSet");
    }

    /** libvirt's virNetDevBandwidthClear: drops whatever QoS the device has; quiet when it has none. */
    default void clearInterfaceBandwidth(String ifname) throws VirtException {
        throw new VirtException(ErrorCode.NO_SUPPORT, ErrorDomain.NETWORK, "virNetDevBandwidthClear");
    }

    private static VirtException unsupportedPort(String function) {
        return new VirtException(ErrorCode.NO_SUPPORT, ErrorDomain.NETWORK, function);
    }

    /** Sets where this connection delivers network events; null stops delivery. */
    default void setEventSink(NetworkEventSink sink) {
    }

    /** Releases what the connection holds. Never throws; idempotent. */
    default void close() {
    }
}
