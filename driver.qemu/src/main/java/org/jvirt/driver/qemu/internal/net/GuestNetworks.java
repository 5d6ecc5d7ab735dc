package org.jvirt.driver.qemu.internal.net;

import java.util.ArrayList;
import java.util.HashSet;
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
import org.jvirt.api.xml.NetBandwidth;
import org.jvirt.api.xml.NetInterface;
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
 * releases the ports when the guest has stopped.
 */
public final class GuestNetworks {
    private static final Logger LOG = LoggerFactory.getLogger(GuestNetworks.class);
    /** libvirt's VIR_NET_GENERATED_VNET_PREFIX: such target names are always generated. */
    private static final String VNET = "vnet";

    private final Supplier<NetworkDriver> networks;
    private final HostCommands commands;
    private final GuestAddresses addresses;
    private final InterfaceBandwidth bandwidth;

    public GuestNetworks(Supplier<NetworkDriver> networks, HostCommands commands) {
        this.networks = networks;
        this.commands = commands;
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
        if (!anyNetwork && !anyEthernet) {
            return live;
        }
        List<Device> all = new ArrayList<>(live.devices().all());
        List<String> made = new ArrayList<>();
        List<Runnable> releases = new ArrayList<>();
        NetworkDriverConnection conn = anyNetwork ? open(live) : null;
        try {
            Set<String> taken = existingLinks();
            for (int i = 0; i < all.size(); i++) {
                if (anyEthernet && all.get(i) instanceof NetInterface n && "ethernet".equals(n.type())) {
                    String given = n.targetDev();
                    if (given != null && !given.startsWith(VNET) && taken.contains(given)) {
                        // an existing device the guest is given as it is (libvirt's managed='no')
                        taps.add(given, TunDevice.openTap(given, isVirtio(n), commands.netnsFile()));
                        continue;
                    }
                    String tap = tapName(n, taken);
                    createTap(tap, n, null, owner, taps);
                    made.add(tap);
                    taken.add(tap);
                    all.set(i, n.toBuilder().targetDev(tap).build());
                } else if (all.get(i) instanceof NetInterface n && isNetwork(n)) {
                    NetworkRef ref = activeNetwork(conn, n.source().network());
                    String bridge = conn.bridgeName(ref);
                    String port = allocatePort(conn, ref, live, n);
                    if (port != null) {
                        releases.add(() -> releaseQuietly(conn, ref, port));
                    }
                    // the port's bandwidth is the interface's, else its port group's (networkAllocatePort):
                    // the tap gets it, and the live XML shows it, as libvirt's actual definition does
                    NetBandwidth actual = port == null ? n.bandwidth()
                            : NetworkPortRequest.grantedBandwidth(conn.portParameters(ref, UUID.fromString(port), 0));
                    String tap = tapName(n, taken);
                    createTap(tap, n, bridge, owner, taps);
                    made.add(tap);
                    taken.add(tap);
                    setBandwidth(conn, tap, actual);
                    all.set(i, n.toBuilder().source(n.source().toBuilder().bridge(bridge).portid(port).build())
                            .targetDev(tap).bandwidth(actual).build());
                }
            }
        } catch (VirtException | RuntimeException e) {
            taps.close();
            made.forEach(this::deleteQuietly);
            releases.forEach(Runnable::run);
            throw e;
        } finally {
            if (conn != null) {
                conn.close();
            }
        }
        return live.withDevices(live.devices().withAll(all));
    }

    /**
     * One interface plugged into a running guest (libvirt's qemuDomainAttachNetDevice): a network or
     * ethernet interface as {@link #plug} does at a start, a bridge interface a new tap on its bridge
     * (libvirt's qemuInterfaceBridgeConnect; a start leaves those to qemu-bridge-helper), with its
     * QoS. Returns the interface as plugged (tap, bridge, port); the tap's descriptor, if the driver
     * opened it, is in {@code taps}. On failure nothing is left.
     */
    public NetInterface plugOne(DomainDef live, NetInterface n, DacLabel owner, TapFds taps) throws VirtException {
        if (!"bridge".equals(n.type())) {
            return (NetInterface) plug(live.withDevices(live.devices().withAll(List.of(n))), owner, taps)
                    .devices().all().get(0);
        }
        String tap = tapName(n, existingLinks());
        createTap(tap, n, n.source().bridge(), owner, taps);
        NetInterface plugged = n.toBuilder().targetDev(tap).build();
        try {
            if (n.bandwidth() == null) {
                bandwidth.applyAtStart(null, tap, null);
            } else {
                bandwidth.change(plugged, n.bandwidth());
            }
        } catch (VirtException | RuntimeException e) {
            taps.close();
            deleteQuietly(tap);
            throw e;
        }
        return plugged;
    }

    /**
     * Undoes {@link #plugOne} once QEMU let the interface go (libvirt's qemuDomainRemoveNetDevice):
     * the tap of a network or bridge interface deleted (if closing QEMU's descriptor did not take it
     * already), the network's port released.
     */
    public void unplugOne(DomainDef live, NetInterface n) {
        String tap = n.targetDev();
        if (tap != null && ("bridge".equals(n.type()) || isNetwork(n))) {
            try {
                if (existingLinks().contains(tap)) {
                    deleteQuietly(tap);
                }
            } catch (VirtException e) {
                LOG.warn("cannot list links to delete tap {}: {}", tap, e.getMessage());
            }
        }
        if (isNetwork(n)) {
            // the tap is dealt with: what is left is the port
            unplug(live.withDevices(live.devices().withAll(List.of(n.withTargetDev(null)))));
        }
    }

    /** Deletes the taps and releases the ports of the network interfaces of a guest that stopped. */
    public void unplug(DomainDef live) {
        if (live == null) {
            return;
        }
        for (NetInterface n : live.devices().interfaces()) {
            if (isNetwork(n) && n.targetDev() != null) {
                deleteQuietly(n.targetDev());
            }
        }
        NetworkDriver driver = networks.get();
        List<NetInterface> withPorts = live.devices().interfaces().stream()
                .filter(n -> isNetwork(n) && n.source().portid() != null).toList();
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

    /** The {@code <target dev>} given, else the lowest free {@code vnetN} (libvirt's virNetDevGenerateName). */
    private static String tapName(NetInterface n, Set<String> taken) {
        String given = n.targetDev();
        if (given != null && !given.startsWith(VNET)) {
            return given;
        }
        for (int i = 0;; i++) {
            if (!taken.contains(VNET + i)) {
                return VNET + i;
            }
        }
    }

    /** libvirt opens a tap with IFF_VNET_HDR for virtio NICs only (virNetDevTapCreate). */
    private static boolean isVirtio(NetInterface n) {
        return "virtio".equals(n.modelType());
    }

    /** A new tap, attached to {@code bridge} unless null, and up. */
    private void createTap(String tap, NetInterface n, String bridge, DacLabel owner, TapFds taps)
            throws VirtException {
        String mac = n.mac();
        if (commands.opensTaps()) {
            taps.add(tap, TunDevice.openTap(tap, isVirtio(n), commands.netnsFile()));
        } else if (owner == null) {
            commands.run("ip", "tuntap", "add", "dev", tap, "mode", "tap");
        } else {
            commands.run("ip", "tuntap", "add", "dev", tap, "mode", "tap", "user", Long.toString(owner.uid()),
                    "group", Long.toString(owner.gid()));
        }
        try {
            if (mac != null && mac.length() == 17) {
                // libvirt gives the host side the guest's MAC with fe first, so the bridge never takes it
                commands.run("ip", "link", "set", "dev", tap, "address", "fe" + mac.substring(2));
            }
            if (bridge != null) {
                commands.run("ip", "link", "set", "dev", tap, "master", bridge);
            }
            commands.run("ip", "link", "set", "dev", tap, "up");
        } catch (VirtException e) {
            deleteQuietly(tap);
            throw e;
        }
        LOG.info("tap {} up{}", tap, bridge == null ? "" : " on bridge " + bridge);
    }

    private Set<String> existingLinks() throws VirtException {
        Set<String> names = new HashSet<>();
        for (String line : commands.run("ip", "-o", "link", "show").split("\n")) {
            String[] parts = line.split(":\\s+", 3);
            if (parts.length >= 2) {
                String name = parts[1];
                int at = name.indexOf('@');
                names.add(at < 0 ? name : name.substring(0, at));
            }
        }
        return names;
    }

    private void deleteQuietly(String tap) {
        try {
            commands.run("ip", "link", "del", "dev", tap);
        } catch (VirtException e) {
            LOG.warn("cannot delete tap {}: {}", tap, e.getMessage());
        }
    }
}
