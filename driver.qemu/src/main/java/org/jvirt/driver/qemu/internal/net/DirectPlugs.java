package org.jvirt.driver.qemu.internal.net;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.NetworkDriver;
import org.jvirt.api.spi.NetworkDriverConnection;
import org.jvirt.api.xml.NetBandwidth;
import org.jvirt.api.xml.NetInterface;
import org.jvirt.api.xml.XmlElement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The start of a guest's {@code <interface type='direct'>}, as libvirt's qemuInterfaceDirectConnect: the
 * checks of virDomainActualNetDefValidate and of the macvtap's creation, a macvtap on the interface's
 * {@code <source dev>} with its mode ({@link MacvtapDevices}), whose descriptor QEMU inherits, then the
 * interface's {@code <bandwidth>} on the macvtap, not swapped (the macvtap is the guest's own end:
 * virDomainNetTypeSharesHostView). An {@code <interface type='network'>} whose port the network plugs
 * directly into a device of its macvtap pool becomes such an interface first
 * ({@link org.jvirt.api.spi.NetworkPortRequest#directInterface}), as libvirt's actual definition does.
 */
final class DirectPlugs {
    private static final Logger LOG = LoggerFactory.getLogger(DirectPlugs.class);
    /** libvirt's virNetDevMacVLanMode names, in its order: the first is the default. */
    static final List<String> MODES = List.of("vepa", "private", "bridge", "passthrough");
    /** What a port decides for a direct interface beside its plug. */

    private final Supplier<NetworkDriver> networks;
    private final HostCommands commands;
    private final MacvtapDevices macvtaps;

    DirectPlugs(Supplier<NetworkDriver> networks, HostCommands commands) {
        this.networks = networks;
        this.commands = commands;
        this.macvtaps = new MacvtapDevices(commands);
    }

    static boolean isDirect(NetInterface n) {
        return "direct".equals(n.type());
    }

    /** The macvtap mode of the interface: its {@code <source mode>}, else libvirt's default. */
    static String mode(NetInterface n) {
        return n.source() != null && n.source().mode() != null ? n.source().mode() : MODES.get(0);
    }

    /**
     * The direct interface plugged: its macvtap made and up, its descriptor in {@code taps}, its
     * bandwidth set; the returned interface names the macvtap. On failure nothing is left.
     */
    NetInterface plug(NetInterface n, Set<String> taken, TapFds taps) throws VirtException {
        checkStart(n);
        String name = macvtaps.create(n.targetDev(), n.source().dev(), mode(n), n.mac(),
                "virtio".equals(n.modelType()), taken, taps);
        try {
            setBandwidth(name, n.bandwidth());
        } catch (VirtException | RuntimeException e) {
            macvtaps.delete(name);
            throw e;
        }
        // libvirt's live XML always names the mode, the default too
        return n.toBuilder().source(n.source().toBuilder().mode(mode(n)).build()).targetDev(name).build();
    }

    /** The macvtap name of a reattached guest's direct interface is not given again. */
    void reserve(NetInterface n) {
        if (isDirect(n)) {
            macvtaps.reserve(n.targetDev());
        }
    }

    /** Deletes the macvtap of a direct interface whose guest stopped. */
    void unplug(NetInterface n) {
        if (isDirect(n) && n.targetDev() != null) {
            macvtaps.delete(n.targetDev());
        }
    }

    /**
     * libvirt's start checks, in its order: virDomainActualNetDefValidate (a VLAN tag only on a passthrough
     * device, no port isolation), then virNetDevMacVLanCreateWithVPortProfile (a passthrough link takes a
     * VLAN tag only as an SR-IOV VF, which jvirt does not manage). The 802.1Qbg/802.1Qbh associations of a
     * virtual port need a switch daemon jvirt does not talk to: refused rather than run unassociated.
     */
    static void checkStart(NetInterface n) throws VirtException {
        if (n.source() == null || n.source().dev() == null) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN,
                    "No <source> 'dev' attribute specified with <interface type='direct'/>");
        }
        XmlElement vlan = child(n, "vlan");
        if (vlan != null && !"passthrough".equals(mode(n))) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.DOMAIN, "interface " + n.mac()
                    + " - vlan tag not supported for this connection type");
        }
        XmlElement port = child(n, "port");
        if (port != null && "yes".equals(port.attribute("isolated"))) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.DOMAIN, "interface " + n.mac()
                    + " - <port isolated='yes'/> is not supported for network interfaces with type='direct'");
        }
        XmlElement vport = child(n, "virtualport");
        if (vport != null && vport.attribute("type") != null) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.DOMAIN, "interface " + n.mac()
                    + " - virtualport type '" + vport.attribute("type") + "' is not supported by the QEMU driver");
        }
        if (vlan != null) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.DOMAIN, "vlan can only be set for "
                    + "SR-IOV VFs, but " + n.source().dev() + " is not a VF");
        }
    }

    /**
     * qemuBuildInterfaceConnect's virNetDevBandwidthSet, unswapped; without bandwidth, or with nothing
     * shaped on what the macvtap sends towards the guest, the root qdisc becomes {@code noqueue}
     * (qemuDomainInterfaceSetDefaultQDisc), a failure there only logged.
     */
    private void setBandwidth(String dev, NetBandwidth bandwidth) throws VirtException {
        if (bandwidth != null) {
            NetworkDriver driver = networks.get();
            if (driver == null) {
                throw new VirtException(ErrorCode.NO_SUPPORT, ErrorDomain.NETWORK,
                        "no network driver on this host to set the bandwidth of '" + dev + "'");
            }
            NetworkDriverConnection conn = driver.open(0);
            try {
                conn.setInterfaceBandwidth(dev, bandwidth, false);
            } finally {
                conn.close();
            }
        }
        if (bandwidth == null || bandwidth.outbound() == null || bandwidth.outbound().average() == 0) {
            try {
                commands.run("tc", "qdisc", "add", "dev", dev, "root", "handle", "0:", "noqueue");
            } catch (VirtException e) {
                LOG.debug("cannot set qdisc noqueue on {}: {}", dev, e.getMessage());
            }
        }
    }

    private static XmlElement child(NetInterface n, String name) {
        for (XmlElement e : n.other().children()) {
            if (name.equals(e.name())) {
                return e;
            }
        }
        return null;
    }
}
