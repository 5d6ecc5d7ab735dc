package org.jvirt.api.xml;

import java.util.Objects;

/**
 * An interface's {@code <source>}. Which attributes are set depends on the interface type:
 * {@code network} (network, portgroup, portid, and the bridge of a running guest), {@code bridge}
 * (bridge), {@code direct} (dev, mode), {@code user}/{@code vdpa} (dev), {@code vhostuser} and
 * passt (type, path, mode), {@code server}/{@code client}/{@code mcast}/{@code udp} (address, port,
 * and the {@code <local>} of udp), {@code internal} (name). Children other than {@code <local>} and a
 * hostdev interface's {@code <address>} (reconnect, ...) stay in {@code other}.
 *
 * <p>Immutable; lists are never null. Build with {@link #builder()}, change with {@link #toBuilder()}.
 */
public final class NetSource {
    private final String network;
    private final String portgroup;
    private final String portid;
    private final String bridge;
    private final String dev;
    private final String mode;
    private final String type;
    private final String path;
    private final String name;
    private final String address;
    private final Integer port;
    private final String localAddress;
    private final Integer localPort;
    private final Address hostAddress;
    private final Preserved other;

    NetSource(NetSourceBuilder b) {
        this.network = b.network;
        this.portgroup = b.portgroup;
        this.portid = b.portid;
        this.bridge = b.bridge;
        this.dev = b.dev;
        this.mode = b.mode;
        this.type = b.type;
        this.path = b.path;
        this.name = b.name;
        this.address = b.address;
        this.port = b.port;
        this.localAddress = b.localAddress;
        this.localPort = b.localPort;
        this.hostAddress = b.hostAddress;
        this.other = b.other == null ? Preserved.NONE : b.other;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static NetSourceBuilder builder() {
        return new NetSourceBuilder();
    }

    /** A builder holding this object's values. */
    public NetSourceBuilder toBuilder() {
        return new NetSourceBuilder(this);
    }

    /** the network name, or null */
    public String network() {
        return network;
    }

    /** the network port group, or null */
    public String portgroup() {
        return portgroup;
    }

    /** the network port UUID, or null */
    public String portid() {
        return portid;
    }

    /** the host bridge, or null */
    public String bridge() {
        return bridge;
    }

    /** the host device, or null */
    public String dev() {
        return dev;
    }

    /** the macvtap mode ({@code vepa}, {@code bridge}, {@code private}, {@code passthrough}) or the vhost-user socket mode ({@code client}/{@code server}), or null */
    public String mode() {
        return mode;
    }

    /** the socket type of vhostuser ({@code unix}), or null */
    public String type() {
        return type;
    }

    /** the socket path, or null */
    public String path() {
        return path;
    }

    /** the internal network name, or null */
    public String name() {
        return name;
    }

    /** the address of a server, client, mcast or udp socket, or null */
    public String address() {
        return address;
    }

    /** the port of a server, client, mcast or udp socket, or null */
    public Integer port() {
        return port;
    }

    /** {@code <local address=>} of a udp socket, or null */
    public String localAddress() {
        return localAddress;
    }

    /** {@code <local port=>} of a udp socket, or null */
    public Integer localPort() {
        return localPort;
    }

    /** {@code <address>} of a {@code hostdev} interface: the host PCI device, or null */
    public Address hostAddress() {
        return hostAddress;
    }

    /** further attributes and child elements the model does not name, kept verbatim and formatted back in libvirt's order; never null */
    public Preserved other() {
        return other;
    }

    /** A copy with {@code type} replaced. */
    public NetSource withType(String newType) {
        return toBuilder().type(newType).build();
    }

    /** A copy with {@code name} replaced. */
    public NetSource withName(String newName) {
        return toBuilder().name(newName).build();
    }

    /** A copy with {@code address} replaced. */
    public NetSource withAddress(String newAddress) {
        return toBuilder().address(newAddress).build();
    }

    /** A copy with {@code port} replaced. */
    public NetSource withPort(Integer newPort) {
        return toBuilder().port(newPort).build();
    }

    /** A copy with {@code other} replaced. */
    public NetSource withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof NetSource x)) {
            return false;
        }
        return Objects.equals(network, x.network) && Objects.equals(portgroup, x.portgroup)
                && Objects.equals(portid, x.portid) && Objects.equals(bridge, x.bridge)
                && Objects.equals(dev, x.dev) && Objects.equals(mode, x.mode) && Objects.equals(type, x.type)
                && Objects.equals(path, x.path) && Objects.equals(name, x.name)
                && Objects.equals(address, x.address) && Objects.equals(port, x.port)
                && Objects.equals(localAddress, x.localAddress) && Objects.equals(localPort, x.localPort)
                && Objects.equals(hostAddress, x.hostAddress) && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(network, portgroup, portid, bridge, dev, mode, type, path, name, address, port,
                localAddress, localPort, hostAddress, other);
    }

    @Override
    public String toString() {
        return "NetSource[network=" + network + ", portgroup=" + portgroup + ", portid=" + portid
                + ", bridge=" + bridge + ", dev=" + dev + ", mode=" + mode + ", type=" + type
                + ", path=" + path + ", name=" + name + ", address=" + address + ", port=" + port
                + ", localAddress=" + localAddress + ", localPort=" + localPort
                + ", hostAddress=" + hostAddress + ", other=" + other + "]";
    }

}
