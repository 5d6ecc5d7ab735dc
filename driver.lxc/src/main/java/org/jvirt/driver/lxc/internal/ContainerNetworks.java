package org.jvirt.driver.lxc.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ports of a starting container's {@code <interface type='network'>}, as libvirt's
 * virLXCProcessSetupInterfaces gets them (virDomainNetAllocateActualDevice, then
 * virDomainActualNetDefValidate): the network, through the host's network driver, must exist and
 * run; each interface gets a port owned by the container, and the network decides its plug, bridge
 * and bandwidth (the interface's own, else its port group's). The definition returned names the
 * bridge, the port and the granted bandwidth, so liblxc attaches the veth's host end to the bridge
 * ({@link ContainerConfigBuilder}), {@link VethQos} shapes it and the live XML shows them. A port of a
 * macvtap pool plugs directly into one of the pool's devices: the interface's actual type is then
 * {@code direct} ({@link DirectInterfaces}), and the live XML shows it so, as libvirt's.
 * {@link #unplug} releases the ports: at the stop and after a failed start.
 */
final class ContainerNetworks {
    private static final Logger LOG = LoggerFactory.getLogger(ContainerNetworks.class);
    /** What a port decides for a direct interface beside its plug. */

    private final Supplier<NetworkDriver> networks;
    private final DomainXmlCodec codec;

    ContainerNetworks(Supplier<NetworkDriver> networks, DomainXmlCodec codec) {
        this.networks = networks;
        this.codec = codec;
    }

    static boolean isNetwork(NetInterface n) {
        return "network".equals(n.type()) && n.source() != null && n.source().network() != null;
    }

    /** {@code def} with a port for each network interface; on failure the ports made are released. */
    DomainDef plug(DomainDef def) throws VirtException {
        if (def.devices().interfaces().stream().noneMatch(ContainerNetworks::isNetwork)) {
            return def;
        }
        List<Device> all = new ArrayList<>(def.devices().all());
        DomainDef done = def;
        NetworkDriverConnection conn = open(def);
        try {
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i) instanceof NetInterface n && isNetwork(n)) {
                    all.set(i, plug(conn, def, n));
                    done = def.withDevices(def.devices().withAll(all));
                }
            }
            return done;
        } catch (VirtException | RuntimeException e) {
            release(conn, done);
            throw e;
        } finally {
            conn.close();
        }
    }

    private NetInterface plug(NetworkDriverConnection conn, DomainDef def, NetInterface n) throws VirtException {
        String name = n.source().network();
        NetworkRef ref = conn.lookupByName(name);
        if (ref == null) {
            throw noNetwork(name);
        }
        if (!conn.isActive(ref)) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.NETWORK,
                    "network '" + name + "' is not active");
        }
        // the network decides the plug: a bridge of its own or the host's bridge (forward mode 'bridge'), or a
        // device of its macvtap pool; it refuses host device pools, whose ports jvirt's network driver does not
        // allocate
        NetworkPortRequest request = new NetworkPortRequest(def.name(), def.uuid(), n.mac(), n.source().portgroup(),
                n.bandwidth());
        UUID port = conn.createPort(ref, request.xml(UUID.randomUUID()), 0);
        try {
            XmlElement portXml = codec.readXml(conn.portXmlDesc(ref, port, 0), "(networkport_definition)",
                    ErrorDomain.NETWORK);
            NetBandwidth granted = NetworkPortRequest.grantedBandwidth(conn.portParameters(ref, port, 0));
            XmlElement plug = portXml.child("plug");
            if (plug != null && "direct".equals(plug.attribute("type"))) {
                LOG.info("container '{}': port {} of network {} on {} ({})", def.name(), port, name,
                        plug.attribute("dev"), plug.attribute("mode"));
                return NetworkPortRequest.directInterface(n, port, plug, portXml, granted);
            }
            String bridge = pluggedBridge(portXml, n);
            LOG.info("container '{}': port {} of network {} on bridge {}", def.name(), port, name, bridge);
            return n.toBuilder().source(n.source().toBuilder().bridge(bridge).portid(port.toString()).build())
                    .bandwidth(granted).build();
        } catch (VirtException | RuntimeException e) {
            releaseQuietly(conn, ref, port);
            throw e;
        }
    }

    /**
     * The bridge of the port's plug (libvirt's virDomainNetDefActualFromNetworkPort), after
     * virDomainActualNetDefValidate: a VLAN tag (the port's own, its group's or the network's) needs an
     * Open vSwitch port or a host device; a veth on a Linux bridge cannot carry it.
     */
    private static String pluggedBridge(XmlElement xml, NetInterface n) throws VirtException {
        XmlElement vport = xml.child("virtualport");
        boolean ovs = vport != null && "openvswitch".equals(vport.attribute("type"));
        if (xml.child("vlan") != null && !ovs) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.DOMAIN,
                    "interface " + n.mac() + " - vlan tag not supported for this connection type");
        }
        if (xml.child("vlan") != null) {
            // liblxc adds the veth to an Open vSwitch bridge without a tag: refused rather than run untagged
            throw LxcErrors.unsupported("interface " + n.mac() + " - a vlan tag on an Open vSwitch port is not "
                    + "supported by the LXC driver");
        }
        XmlElement plug = xml.child("plug");
        String bridge = plug == null ? null : plug.attribute("bridge");
        if (bridge == null) {
            throw LxcErrors.internal("No bridge name specified");
        }
        return bridge;
    }

    /**
     * libvirt's virNetDevBridgePortSetIsolated once the veths are on their bridges: a host end whose
     * interface asks for {@code <port isolated='yes'/>}, or whose port the network isolates (its own
     * {@code <port isolated='yes'/>}), forwards nothing to the bridge's other isolated ports.
     */
    void isolate(DomainDef live) throws VirtException {
        NetworkDriverConnection conn = null;
        try {
            for (NetInterface n : live.devices().interfaces()) {
                boolean bridged = "bridge".equals(n.type()) || "network".equals(n.type());
                if (!bridged || n.targetDev() == null) {
                    continue;
                }
                String isolated = isolatedAttribute(n.other().children());
                if (isolated == null && hasPort(n)) {
                    conn = conn != null ? conn : open(live);
                    NetworkRef ref = conn.lookupByName(n.source().network());
                    XmlElement port = codec.readXml(conn.portXmlDesc(ref, UUID.fromString(n.source().portid()), 0),
                            "(networkport_definition)", ErrorDomain.NETWORK);
                    isolated = isolatedAttribute(port.children());
                }
                if ("yes".equals(isolated)) {
                    BridgePorts.isolate(n.source().bridge(), n.targetDev());
                }
            }
        } finally {
            if (conn != null) {
                conn.close();
            }
        }
    }

    private static String isolatedAttribute(List<XmlElement> children) {
        for (XmlElement e : children) {
            if ("port".equals(e.name())) {
                return e.attribute("isolated");
            }
        }
        return null;
    }

    /** Releases the ports of a container that stopped, or whose start failed; quiet, as libvirt's. */
    void unplug(DomainDef def) {
        if (def == null || def.devices().interfaces().stream().noneMatch(ContainerNetworks::hasPort)) {
            return;
        }
        NetworkDriver driver = networks.get();
        if (driver == null) {
            LOG.warn("container '{}': no network driver to release its ports", def.name());
            return;
        }
        try {
            NetworkDriverConnection conn = driver.open(0);
            try {
                release(conn, def);
            } finally {
                conn.close();
            }
        } catch (VirtException e) {
            LOG.warn("cannot release the network ports of container '{}': {}", def.name(), e.getMessage());
        }
    }

    private static void release(NetworkDriverConnection conn, DomainDef def) {
        for (NetInterface n : def.devices().interfaces()) {
            if (hasPort(n)) {
                try {
                    releaseQuietly(conn, conn.lookupByName(n.source().network()), UUID.fromString(n.source().portid()));
                } catch (VirtException | IllegalArgumentException e) {
                    // the network is gone (or was redefined), and its ports with it
                    LOG.debug("network {} of container '{}': {}", n.source().network(), def.name(), e.getMessage());
                }
            }
        }
    }

    /** A network's port: on a bridge the interface stays type 'network', on a macvtap pool it became 'direct'. */
    private static boolean hasPort(NetInterface n) {
        return n.source() != null && n.source().network() != null && n.source().portid() != null;
    }

    private static void releaseQuietly(NetworkDriverConnection conn, NetworkRef ref, UUID port) {
        try {
            conn.deletePort(ref, port, 0);
            LOG.info("port {} of network {} released", port, ref.name());
        } catch (VirtException e) {
            LOG.warn("cannot release port {} of network {}: {}", port, ref.name(), e.getMessage());
        }
    }

    private NetworkDriverConnection open(DomainDef def) throws VirtException {
        NetworkDriver driver = networks.get();
        if (driver == null) {
            // no network driver on this host: libvirt's lookup through a missing driver finds nothing
            String name = def.devices().interfaces().stream().filter(ContainerNetworks::isNetwork)
                    .map(n -> n.source().network()).findFirst().orElse("");
            throw noNetwork(name);
        }
        return driver.open(0);
    }

    private static VirtException noNetwork(String name) {
        return new VirtException(ErrorCode.NO_NETWORK, ErrorDomain.NETWORK,
                "no network with matching name '" + name + "'");
    }
}
