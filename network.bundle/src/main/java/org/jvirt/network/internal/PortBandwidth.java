package org.jvirt.network.internal;

import java.util.BitSet;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.network.internal.conf.NetworkDef;
import org.jvirt.network.internal.conf.NetworkDef.Mode;
import org.jvirt.network.internal.conf.NetworkPortDef;
import org.jvirt.network.internal.conf.NetworkPortDef.Bandwidth;
import org.jvirt.network.internal.host.TcBandwidth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The guaranteed inbound bandwidth ({@code floor}) of ports on their network's bridge: libvirt's
 * networkCheckBandwidth, networkPlugBandwidth, networkUnplugBandwidth and networkUpdatePortBandwidth.
 * The sum of the floors and the used class ids (libvirt keeps both in the network's status) are
 * derived from the ports themselves, whose records keep their class id, so an updated driver has them
 * again. Called under the {@link NetworkService}'s lock.
 */
final class PortBandwidth {
    private static final Logger LOG = LoggerFactory.getLogger(PortBandwidth.class);
    /** Class 1:1 and 1:2 are the network's own (virNetworkObjNew reserves 0 to 2). */
    private static final int FIRST_PORT_CLASS = 3;

    private final TcBandwidth tc;

    PortBandwidth(TcBandwidth tc) {
        this.tc = tc;
    }

    /** networkPlugBandwidth for a new port: returns it with the class id of its floor class (0 when none). */
    NetworkPortDef plug(NetworkObj obj, NetworkPortDef port) throws VirtException {
        long rate = check(obj, port.mac(), port.bandwidth(), null);
        if (rate < 0) {
            return port;
        }
        return port.withBandwidth(plugClass(obj, port.mac(), port.bandwidth(), rate));
    }

    /** networkUnplugBandwidth for a released port. */
    void unplug(NetworkObj obj, NetworkPortDef port) throws VirtException {
        Bandwidth bw = port.bandwidth();
        if (bw == null || bw.classId() == 0) {
            return;
        }
        Bandwidth net = obj.qos();
        if (net == null || net.inbound() == null) {
            LOG.warn("Network {} has no bandwidth but unplug requested", obj.def.name());
            return;
        }
        tc.unplug(obj.def.bridgeName(), bw.classId());
        long rest = net.inboundCeiling() - floorSum(obj, port);
        updateDefaultClass(obj, rest);
    }

    /** networkUpdatePortBandwidth: a port's floor changed; returns the new bandwidth with its class id. */
    Bandwidth update(NetworkObj obj, NetworkPortDef port, Bandwidth next) throws VirtException {
        Bandwidth old = port.bandwidth();
        long oldFloor = floor(old);
        long newFloor = floor(next);
        long classId = old == null ? 0 : old.classId();
        Bandwidth kept = next == null ? null : new Bandwidth(classId, next.inbound(), next.outbound());
        if (oldFloor == newFloor) {
            return kept;
        }
        long rate = check(obj, port.mac(), next, old);
        if (rate < 0) {
            return kept;
        }
        if (oldFloor > 0 && newFloor > 0) {
            tc.updateRate(obj.def.bridgeName(), classId, obj.qos(), newFloor);
            updateDefaultClass(obj, rate - (floorSum(obj, port) + newFloor));
            return kept;
        }
        if (newFloor > 0) {
            return plugClass(obj, port.mac(), kept, rate);
        }
        unplug(obj, port);
        return new Bandwidth(0, next == null ? null : next.inbound(), next == null ? null : next.outbound());
    }

    /**
     * networkCheckBandwidth: -1 when no QoS needs setting up, else the rate the network's classes are
     * based on (its inbound peak, or average); fails when the floors would overcommit it.
     */
    private long check(NetworkObj obj, String mac, Bandwidth port, Bandwidth old) throws VirtException {
        NetworkDef def = obj.def;
        Bandwidth net = obj.qos();
        if (floor(port) > 0 && !supportsFloor(def.forward().mode())) {
            throw new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.NETWORK,
                    "Invalid use of 'floor' on interface with MAC address " + mac + " - 'floor' is only supported for "
                            + "interface type 'network' with forward type 'nat', 'route', 'open' or none");
        }
        if (floor(port) > 0 && (net == null || net.inbound() == null)) {
            throw new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.NETWORK,
                    "Invalid use of 'floor' on interface with MAC address " + mac + " - network '" + def.name()
                            + "' has no inbound QoS set");
        }
        if (net == null || net.inbound() == null || (floor(port) == 0 && floor(old) == 0)) {
            return -1;
        }
        long sum = floorSumAll(obj) - floor(old) + floor(port);
        long ceiling = net.inboundCeiling();
        if (sum > ceiling) {
            throw overcommit(mac, def, sum, net.inbound().peak() != 0 ? "peak" : "average", ceiling);
        }
        return ceiling;
    }

    private Bandwidth plugClass(NetworkObj obj, String mac, Bandwidth port, long rate) throws VirtException {
        long id = nextClassId(obj);
        String bridge = obj.def.bridgeName();
        try {
            tc.plug(bridge, obj.qos(), mac, port, id);
        } catch (VirtException e) {
            tc.unplug(bridge, id);
            throw e;
        }
        updateDefaultClass(obj, rate - floorSumAll(obj) - floor(port));
        return new Bandwidth(id, port.inbound(), port.outbound());
    }

    /** The non-guaranteed class 1:2 gets what the floors leave; as libvirt, a failure is only logged. */
    private void updateDefaultClass(NetworkObj obj, long rate) {
        try {
            tc.updateRate(obj.def.bridgeName(), 2, obj.qos(), rate);
        } catch (VirtException e) {
            LOG.warn("Unable to update rate for 1:2 class on {} bridge: {}", obj.def.bridgeName(), e.getMessage());
        }
    }

    /** The lowest class id no port uses (libvirt's networkNextClassID over its class id bitmap). */
    private static long nextClassId(NetworkObj obj) {
        BitSet used = new BitSet();
        used.set(0, FIRST_PORT_CLASS);
        for (NetworkPortDef p : obj.ports.values()) {
            if (p.bandwidth() != null && p.bandwidth().classId() > 0) {
                used.set((int) p.bandwidth().classId());
            }
        }
        return used.nextClearBit(0);
    }

    private static long floorSumAll(NetworkObj obj) {
        return floorSum(obj, null);
    }

    /** The floors of the ports plugged with a class of their own, but {@code except}. */
    private static long floorSum(NetworkObj obj, NetworkPortDef except) {
        long sum = 0;
        for (NetworkPortDef p : obj.ports.values()) {
            if (except == null || !p.uuid().equals(except.uuid())) {
                sum += p.bandwidth() != null && p.bandwidth().classId() > 0 ? floor(p.bandwidth()) : 0;
            }
        }
        return sum;
    }

    private static long floor(Bandwidth bw) {
        return bw == null || bw.inbound() == null ? 0 : bw.inbound().floor();
    }

    /** virNetDevBandwidthSupportsFloor. */
    private static boolean supportsFloor(Mode mode) {
        return mode == Mode.NAT || mode == Mode.ROUTE || mode == Mode.OPEN || mode == Mode.NONE;
    }

    private static VirtException overcommit(String mac, NetworkDef def, long sum, String what, long limit) {
        return new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.NETWORK, "Cannot plug '" + mac
                + "' interface into '" + def.bridgeName() + "' because new combined inbound floor=" + sum
                + " would overcommit " + what + "=" + limit + " on network '" + def.name() + "'");
    }
}
