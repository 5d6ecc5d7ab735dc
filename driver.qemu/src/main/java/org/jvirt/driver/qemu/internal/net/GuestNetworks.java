package org.jvirt.driver.qemu.internal.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.jvirt.api.DomainInterface;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.NetworkDriver;
import org.jvirt.api.spi.NetworkDriverConnection;
import org.jvirt.api.spi.NetworkPortRequest;
import org.jvirt.api.spi.NetworkRef;
import org.jvirt.api.xml.Device;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.api.xml.NetBandwidth;
import org.jvirt.api.xml.NetInterface;
import org.jvirt.api.xml.XmlElement;
import org.jvirt.driver.qemu.internal.security.DacLabel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plugs the {@code <interface type='network'>} of a starting guest into its virtual network, as
 * libvirt's networkAllocatePort and qemuInterfaceBridgeConnect do: the network is resolved through
 * the host's shared network driver (it must exist and be active), a tap device is made ({@code vnetN},
 * or the {@code <target dev>} given unless it uses libvirt's reserved prefix), given the guest's MAC
 * with {@code fe} first, attached to the network's bridge, set up and given the interface's
 * {@code <bandwidth>} (the port carries it too, for a guaranteed floor on the bridge). Each interface gets a port
 * of the network (libvirt's virNetworkPortCreateXML from qemuProcessPrepareDomainNetwork), so the
 * network lists its guests ({@code virsh net-port-list}). The live definition then names the bridge,
 * the port and the tap. {@code <interface type='ethernet'>} gets its tap the same way, without a
 * bridge (libvirt's qemuInterfaceEthernetConnect), or is attached to the existing device it names.
 * The driver opens each tap itself ({@link TunDevice}) and QEMU inherits the descriptor
 * ({@link TapFds}), as libvirt does, so an unprivileged QEMU needs no {@code CAP_NET_ADMIN}; only
 * where the driver cannot enter the commands' network namespace does it make persistent taps
 * owned by QEMU's user, which QEMU opens by name. {@link #unplug} deletes the taps of networks and
 * releases the ports when the guest has stopped. {@code <interface type='direct'>}, and a network interface
 * whose port the network plugs into a device of its macvtap pool, get a macvtap instead ({@link DirectPlugs}).
 */
public final class GuestNetworks {
    private static final Logger LOG = LoggerFactory.getLogger(GuestNetworks.class);

    private final Supplier<NetworkDriver> networks;
    private final HostCommands commands;
    private final HostTaps hostTaps;
    private final GuestAddresses addresses;
    private final InterfaceBandwidth bandwidth;
    private final DirectPlugs direct;
    private final DomainXmlCodec codec;

    public GuestNetworks(Supplier<NetworkDriver> networks, HostCommands commands, DomainXmlCodec codec) {
        this.networks = networks;
        this.commands = commands;
        this.hostTaps = new HostTaps(commands);
        this.codec = codec;
        this.direct = new DirectPlugs(networks, commands);
        this.addresses = new GuestAddresses(networks, commands);
        this.bandwidth = new InterfaceBandwidth(networks, commands);
    }

    /** The running guest's addresses from its networks' DHCP leases (libvirt's qemuGetDHCPInterfaces). */
    public List<DomainInterface> leaseAddresses(DomainDef live) throws VirtException {
        return addresses.fromLeases(live);
    }

    /** The running guest's addresses from the host's neighbour table (libvirt's qemuARPGetInterfaces). */
    public List<DomainInterface> arpAddresses(DomainDef live) throws VirtException {
        return addresses.fromArp(live);
    }

    /**
     * The live definition with every network and ethernet interface plugged in, their tap
     * descriptors in {@code taps}. On failure the taps already made are deleted again and the
     * error is libvirt's.
     *
     * @param owner who QEMU runs as: a tap QEMU has to open by name must be its user's; null
     *              leaves them root's
     */
    public DomainDef plug(DomainDef live, DacLabel owner, TapFds taps) throws VirtException {
        boolean anyNetwork = live.devices().interfaces().stream().anyMatch(GuestNetworks::isNetwork);
        boolean anyEthernet = commands.opensTaps()
                && live.devices().interfaces().stream().anyMatch(n -> "ethernet".equals(n.type()));
        boolean anyDirect = live.devices().interfaces().stream().anyMatch(DirectPlugs::isDirect);
        if (!anyNetwork && !anyEthernet && !anyDirect) {
            return live;
        }
        List<Device> all = new ArrayList<>(live.devices().all());
        List<String> made = new ArrayList<>();
        List<Runnable> releases = new ArrayList<>();
        NetworkDriverConnection conn = anyNetwork ? open(live) : null;
        try {
            Set<String> taken = hostTaps.existingLinks();
            for (int i = 0; i < all.size(); i++) {
                if (anyEthernet && all.get(i) instanceof NetInterface n && "ethernet".equals(n.type())) {
                    String given = n.targetDev();
                    if (given != null && !given.startsWith(HostTaps.VNET) && taken.contains(given)) {
                        // an existing device the guest is given as it is (libvirt's managed='no')
                        taps.add(given, TunDevice.openTap(given, HostTaps.isVirtio(n), commands.netnsFile()));
                        continue;
                    }
                    String tap = HostTaps.name(n, taken);
                    hostTaps.create(tap, n, null, owner, taps);
                    made.add(tap);
                    taken.add(tap);
                    all.set(i, n.toBuilder().targetDev(tap).build());
                } else if (all.get(i) instanceof NetInterface n && DirectPlugs.isDirect(n)) {
                    NetInterface plugged = direct.plug(n, taken, taps);
                    made.add(plugged.targetDev());
                    all.set(i, plugged);
                } else if (all.get(i) instanceof NetInterface n && isNetwork(n)) {
                    NetworkRef ref = activeNetwork(conn, n.source().network());
                    String port = allocatePort(conn, ref, live, n);
                    if (port != null) {
                        releases.add(() -> releaseQuietly(conn, ref, port));
                    }
                    NetInterface onPool = port == null ? null : directPort(conn, ref, port, n);
                    if (onPool != null) {
                        NetInterface plugged = direct.plug(onPool, taken, taps);
                        made.add(plugged.targetDev());
                        all.set(i, plugged);
                        continue;
                    }
                    String bridge = conn.bridgeName(ref);
                    // the port's bandwidth is the interface's, else its port group's (networkAllocatePort):
                    // the tap gets it, and the live XML shows it, as libvirt's actual definition does
                    NetBandwidth actual = port == null ? n.bandwidth()
                            : NetworkPortRequest.grantedBandwidth(conn.portParameters(ref, UUID.fromString(port), 0));
                    String tap = HostTaps.name(n, taken);
                    hostTaps.create(tap, n, bridge, owner, taps);
                    made.add(tap);
                    taken.add(tap);
                    setBandwidth(conn, tap, actual);
                    all.set(i, n.toBuilder().source(n.source().toBuilder().bridge(bridge).portid(port).build())
                            .targetDev(tap).bandwidth(actual).build());
                }
            }
        } catch (VirtException | RuntimeException e) {
            taps.close();
            made.forEach(hostTaps::deleteQuietly);
            releases.forEach(Runnable::run);
            throw e;
        } finally {
            if (conn != null) {
                conn.close();
            }
        }
        return live.withDevices(live.devices().withAll(all));
    }

    /** The generated device names a reattached guest holds are not given again at once (virNetDevReserveName). */
    public void reserve(DomainDef live) {
        live.devices().interfaces().forEach(direct::reserve);
    }

    /**
     * One interface plugged into a running guest (libvirt's qemuDomainAttachNetDevice): a network, direct
     * (its macvtap, also for a network port on a macvtap pool) or ethernet interface as {@link #plug} does
     * at a start, a bridge interface a new tap on its bridge
     * (libvirt's qemuInterfaceBridgeConnect; a start leaves those to qemu-bridge-helper), with its
     * QoS. Returns the interface as plugged (tap, bridge, port); the tap's descriptor, if the driver
     * opened it, is in {@code taps}. On failure nothing is left.
     */
    public NetInterface plugOne(DomainDef live, NetInterface n, DacLabel owner, TapFds taps) throws VirtException {
        if (!"bridge".equals(n.type())) {
            return (NetInterface) plug(live.withDevices(live.devices().withAll(List.of(n))), owner, taps)
                    .devices().all().get(0);
        }
        String tap = HostTaps.name(n, hostTaps.existingLinks());
        hostTaps.create(tap, n, n.source().bridge(), owner, taps);
        NetInterface plugged = n.toBuilder().targetDev(tap).build();
        try {
            if (n.bandwidth() == null) {
                bandwidth.applyAtStart(null, tap, null);
            } else {
                bandwidth.change(plugged, n.bandwidth());
            }
        } catch (VirtException | RuntimeException e) {
            taps.close();
            hostTaps.deleteQuietly(tap);
            throw e;
        }
        return plugged;
    }

    /**
     * Undoes {@link #plugOne} once QEMU let the interface go (libvirt's qemuDomainRemoveNetDevice):
     * the tap of a network or bridge interface deleted (if closing QEMU's descriptor did not take it
     * already), a direct interface's macvtap deleted, the network's port released.
     */
    public void unplugOne(DomainDef live, NetInterface n) {
        String tap = n.targetDev();
        if (tap != null && ("bridge".equals(n.type()) || isNetwork(n))) {
            try {
                if (hostTaps.existingLinks().contains(tap)) {
                    hostTaps.deleteQuietly(tap);
                }
            } catch (VirtException e) {
                LOG.warn("cannot list links to delete tap {}: {}", tap, e.getMessage());
            }
        }
        if (!"bridge".equals(n.type())) {
            // the tap is dealt with: what is left is the port, or a macvtap pool's port and macvtap
            NetInterface rest = isNetwork(n) ? n.withTargetDev(null) : n;
            unplug(live.withDevices(live.devices().withAll(List.of(rest))));
        }
    }

    /**
     * Deletes the taps and macvtaps and releases the ports of the network and direct interfaces of a guest
     * that stopped.
     */
    public void unplug(DomainDef live) {
        if (live == null) {
            return;
        }
        for (NetInterface n : live.devices().interfaces()) {
            if (isNetwork(n) && n.targetDev() != null) {
                hostTaps.deleteQuietly(n.targetDev());
            }
            direct.unplug(n);
        }
        NetworkDriver driver = networks.get();
        // a port on a macvtap pool made the interface direct, with the network and the port kept
        List<NetInterface> withPorts = live.devices().interfaces().stream()
                .filter(n -> n.source() != null && n.source().network() != null && n.source().portid() != null)
                .toList();
        if (driver == null || withPorts.isEmpty()) {
            return;
        }
        NetworkDriverConnection conn;
        try {
            conn = driver.open(0);
        } catch (VirtException e) {
            LOG.warn("cannot release the network ports of guest {}: {}", live.name(), e.getMessage());
            return;
        }
        try {
            for (NetInterface n : withPorts) {
                try {
                    releaseQuietly(conn, conn.lookupByName(n.source().network()), n.source().portid());
                } catch (VirtException e) {
                    // the network is gone, and its ports with it
                    LOG.debug("network {} of guest {}: {}", n.source().network(), live.name(), e.getMessage());
                }
            }
        } finally {
            conn.close();
        }
    }

    /**
     * A port for the interface (libvirt's virDomainNetCreatePort): owned by the guest, with its MAC,
     * port group and bandwidth (so the network plugs its floor on the bridge); the network decides the
     * plug. Null for an interface without a MAC.
     */
    private static String allocatePort(NetworkDriverConnection conn, NetworkRef ref, DomainDef live, NetInterface n)
            throws VirtException {
        if (n.mac() == null) {
            return null;
        }
        NetworkPortRequest request = new NetworkPortRequest(live.name(), live.uuid(), n.mac(),
                n.source().portgroup(), n.bandwidth());
        return conn.createPort(ref, request.xml(UUID.randomUUID()), 0).toString();
    }

    /**
     * The interface as its port on a macvtap pool makes it ({@link NetworkPortRequest#directInterface}), or null when the
     * network plugs the port otherwise.
     */
    private NetInterface directPort(NetworkDriverConnection conn, NetworkRef ref, String port, NetInterface n)
            throws VirtException {
        UUID id = UUID.fromString(port);
        XmlElement portXml = codec.readXml(conn.portXmlDesc(ref, id, 0), "(networkport_definition)",
                ErrorDomain.NETWORK);
        XmlElement plug = portXml.child("plug");
        if (plug == null || !"direct".equals(plug.attribute("type"))) {
            return null;
        }
        LOG.info("port {} of network {} on {} ({})", port, ref.name(), plug.attribute("dev"), plug.attribute("mode"));
        return NetworkPortRequest.directInterface(n, id, plug, portXml,
                NetworkPortRequest.grantedBandwidth(conn.portParameters(ref, id, 0)));
    }

    /** The interface's QoS on its tap, as libvirt's qemuBuildInterfaceConnect ({@link InterfaceBandwidth}). */
    private void setBandwidth(NetworkDriverConnection conn, String tap, NetBandwidth bandwidth) throws VirtException {
        bandwidth().applyAtStart(conn, tap, bandwidth);
    }

    /** QoS changes of running guests' interfaces ({@code virsh domiftune}). */
    public InterfaceBandwidth bandwidth() {
        return bandwidth;
    }

    private static void releaseQuietly(NetworkDriverConnection conn, NetworkRef ref, String port) {
        try {
            conn.deletePort(ref, UUID.fromString(port), 0);
        } catch (VirtException | IllegalArgumentException e) {
            LOG.warn("cannot release port {} of network {}: {}", port, ref.name(), e.getMessage());
        }
    }

    private static boolean isNetwork(NetInterface n) {
        return "network".equals(n.type()) && n.source() != null && n.source().network() != null;
    }

    private NetworkDriverConnection open(DomainDef live) throws VirtException {
        NetworkDriver driver = networks.get();
        if (driver == null) {
            // no network driver on this host: libvirt's lookup through a missing driver finds nothing
            String name = live.devices().interfaces().stream().filter(GuestNetworks::isNetwork)
                    .map(n -> n.source().network()).findFirst().orElse("");
            throw noNetwork(name);
        }
        return driver.open(0);
    }

    private static NetworkRef activeNetwork(NetworkDriverConnection conn, String name) throws VirtException {
        NetworkRef ref = conn.lookupByName(name);
        if (ref == null) {
            throw noNetwork(name);
        }
        if (!conn.isActive(ref)) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.NETWORK,
                    "network '" + name + "' is not active");
        }
        return ref;
    }

    private static VirtException noNetwork(String name) {
        return new VirtException(ErrorCode.NO_NETWORK, ErrorDomain.NETWORK,
                "no network with matching name '" + name + "'");
    }
}
