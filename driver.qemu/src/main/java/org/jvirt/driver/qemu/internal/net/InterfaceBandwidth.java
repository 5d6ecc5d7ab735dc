package org.jvirt.driver.qemu.internal.net;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.NetworkPort;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.NetworkDriver;
import org.jvirt.api.spi.NetworkDriverConnection;
import org.jvirt.api.spi.NetworkRef;
import org.jvirt.api.xml.NetBandwidth;
import org.jvirt.api.xml.NetInterface;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An interface's QoS on its host device, at start and when {@code virsh domiftune} changes it: libvirt's
 * virNetDevBandwidthSet with no hierarchy, swapped unless the device shares the guest's view (ethernet,
 * direct), done by the network driver, which owns the host's traffic control; where the guest's inbound
 * is not shaped the device's root qdisc becomes {@code noqueue} (qemuDomainInterfaceSetDefaultQDisc),
 * a failure there only logged. A change of a {@code type='network'} interface (also one whose port is on a
 * macvtap pool, live {@code type='direct'}) also goes to its network port (libvirt's
 * virDomainNetBandwidthUpdate: virNetworkPortSetParameters), so the network re-plugs the guaranteed floor
 * on its bridge, or refuses it, and its port shows the new bandwidth.
 */
public final class InterfaceBandwidth {
    private static final Logger LOG = LoggerFactory.getLogger(InterfaceBandwidth.class);

    private final Supplier<NetworkDriver> networks;
    private final HostCommands commands;

    public InterfaceBandwidth(Supplier<NetworkDriver> networks, HostCommands commands) {
        this.networks = networks;
        this.commands = commands;
    }

    /** The start's QoS on a new tap of a network interface (swapped: the guest is at the tap's far end). */
    void applyAtStart(NetworkDriverConnection conn, String tap, NetBandwidth bandwidth) throws VirtException {
        if (bandwidth != null) {
            conn.setInterfaceBandwidth(tap, bandwidth, true);
            return;
        }
        defaultQdisc(tap);
    }

    /**
     * The running guest's interface {@code n} gets {@code wanted} (null: none) on its device and, for a
     * network interface with a port, on the port; on a failure the device gets its old QoS back.
     */
    public void change(NetInterface n, NetBandwidth wanted) throws VirtException {
        String dev = n.targetDev();
        if (dev == null) {
            throw new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.NONE,
                    "Unable to set bandwidth for interface because device name is unknown");
        }
        NetworkDriver driver = networks.get();
        if (driver == null) {
            throw new VirtException(ErrorCode.NO_SUPPORT, ErrorDomain.NETWORK,
                    "no network driver on this host to set the bandwidth of '" + dev + "'");
        }
        boolean swapped = !sharesHostView(n);
        NetworkDriverConnection conn = driver.open(0);
        try {
            conn.setInterfaceBandwidth(dev, orEmpty(wanted), swapped);
            try {
                updatePort(conn, n, wanted);
            } catch (VirtException | RuntimeException e) {
                restore(conn, dev, n.bandwidth(), swapped);
                throw e;
            }
        } finally {
            conn.close();
        }
        NetBandwidth.Rate shaped = wanted == null ? null : swapped ? wanted.inbound() : wanted.outbound();
        if (shaped == null || shaped.average() == 0) {
            defaultQdisc(dev);
        }
    }

    /**
     * Whether the interface is one of a network's ports: configured {@code type='network'}, which its live
     * definition may show as {@code type='direct'} when the port is on a macvtap pool, keeping the network
     * and the port (libvirt's check is of the configured type, not of the actual one).
     */
    static boolean hasNetworkPort(NetInterface n) {
        return n.source() != null && n.source().network() != null && n.source().portid() != null
                && ("network".equals(n.type()) || "direct".equals(n.type()));
    }

    /** virDomainNetTypeSharesHostView: the device is the guest's own end (no swap of directions). */
    static boolean sharesHostView(NetInterface n) {
        return "ethernet".equals(n.type()) || "direct".equals(n.type());
    }

    private static void updatePort(NetworkDriverConnection conn, NetInterface n, NetBandwidth wanted)
            throws VirtException {
        if (!hasNetworkPort(n)) {
            return;
        }
        NetworkRef ref = conn.lookupByName(n.source().network());
        if (ref == null) {
            throw new VirtException(ErrorCode.NO_NETWORK, ErrorDomain.NETWORK,
                    "no network with matching name '" + n.source().network() + "'");
        }
        conn.setPortParameters(ref, UUID.fromString(n.source().portid()), portParams(wanted), 0);
    }

    /** virNetDevBandwidthToTypedParams: the values that are set. */
    private static List<TypedParameter> portParams(NetBandwidth bw) {
        List<TypedParameter> out = new ArrayList<>();
        if (bw != null && bw.inbound() != null) {
            add(out, NetworkPort.BANDWIDTH_IN_AVERAGE, bw.inbound().average());
            add(out, NetworkPort.BANDWIDTH_IN_PEAK, bw.inbound().peak());
            add(out, NetworkPort.BANDWIDTH_IN_FLOOR, bw.inbound().floor());
            add(out, NetworkPort.BANDWIDTH_IN_BURST, bw.inbound().burst());
        }
        if (bw != null && bw.outbound() != null) {
            add(out, NetworkPort.BANDWIDTH_OUT_AVERAGE, bw.outbound().average());
            add(out, NetworkPort.BANDWIDTH_OUT_PEAK, bw.outbound().peak());
            add(out, NetworkPort.BANDWIDTH_OUT_BURST, bw.outbound().burst());
        }
        return out;
    }

    private static void add(List<TypedParameter> out, String field, long value) {
        if (value != 0) {
            out.add(TypedParameter.ofUInt(field, (int) value));
        }
    }

    private void restore(NetworkDriverConnection conn, String dev, NetBandwidth old, boolean swapped) {
        try {
            conn.setInterfaceBandwidth(dev, orEmpty(old), swapped);
        } catch (VirtException e) {
            LOG.warn("cannot restore the bandwidth of {}: {}", dev, e.getMessage());
        }
    }

    /** An empty bandwidth: virNetDevBandwidthSet clears the device and sets nothing. */
    private static NetBandwidth orEmpty(NetBandwidth bw) {
        return bw == null ? new NetBandwidth(null, null) : bw;
    }

    private void defaultQdisc(String dev) {
        try {
            commands.run("tc", "qdisc", "add", "dev", dev, "root", "handle", "0:", "noqueue");
        } catch (VirtException e) {
            LOG.debug("cannot set qdisc noqueue on {}: {}", dev, e.getMessage());
        }
    }
}
