package org.jvirt.driver.qemu.internal;

import static org.jvirt.driver.qemu.internal.TuneTarget.CONFIG;
import static org.jvirt.driver.qemu.internal.TuneTarget.LIVE;
import static org.jvirt.driver.qemu.internal.TuneTarget.STRING_OKAY;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.InterfaceBandwidthParameters;
import org.jvirt.api.xml.Device;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.NetBandwidth;
import org.jvirt.api.xml.NetInterface;
import org.jvirt.api.xml.NetInterfaceLookup;
import org.jvirt.driver.qemu.internal.domain.QemuDomainObj;
import org.jvirt.driver.qemu.internal.net.InterfaceBandwidth;

/**
 * {@code virsh domiftune}: libvirt 9.0's qemuDomainGet/SetInterfaceParameters. The seven values come
 * from the {@code <bandwidth>} of the live or persistent definition; a change of the running guest goes
 * on its host device with tc as at start ({@link InterfaceBandwidth}, for a network interface through its
 * port too, which accounts the floor on the bridge), then into the live definition, and with CONFIG into
 * the persistent one. The parameters and how a set changes the bandwidth are every driver's
 * ({@link InterfaceBandwidthParameters}).
 */
final class InterfaceTuning {
    /** virNetDevSupportsBandwidth: the types whose host device can be shaped. */
    private static final Set<String> QOS_TYPES = Set.of("bridge", "network", "direct", "ethernet");

    private final TuneTarget target;
    private final InterfaceBandwidth bandwidth;

    InterfaceTuning(TuneTarget target, InterfaceBandwidth bandwidth) {
        this.target = target;
        this.bandwidth = bandwidth;
    }

    /** QEMU_NB_BANDWIDTH_PARAM, after the domain's flags are checked as for a get. */
    int count(QemuDomainObj dom, int flags) throws VirtException {
        QemuErrors.checkFlags(flags, LIVE | CONFIG | STRING_OKAY, "qemuDomainGetInterfaceParameters");
        synchronized (dom) {
            AffectedDefs.one(dom, flags & ~STRING_OKAY);
        }
        return InterfaceBandwidthParameters.FIELDS.size();
    }

    List<TypedParameter> get(QemuDomainObj dom, String device, int flags) throws VirtException {
        QemuErrors.checkFlags(flags, LIVE | CONFIG | STRING_OKAY, "qemuDomainGetInterfaceParameters");
        NetBandwidth bw;
        synchronized (dom) {
            bw = NetInterfaceLookup.find(AffectedDefs.one(dom, flags & ~STRING_OKAY), device).bandwidth();
        }
        return InterfaceBandwidthParameters.of(bw);
    }

    void set(QemuDomainObj dom, String device, List<TypedParameter> params, int flags) throws VirtException {
        QemuErrors.checkFlags(flags, LIVE | CONFIG, "qemuDomainSetInterfaceParameters");
        InterfaceBandwidthParameters.validate(params);
        synchronized (dom) {
            AffectedDefs defs = AffectedDefs.of(dom, flags);
            NetInterface net = defs.live() == null ? null : NetInterfaceLookup.find(defs.live(), device);
            NetInterface persistentNet = defs.persistent() == null ? null
                    : NetInterfaceLookup.find(defs.persistent(), device);
            for (NetInterface n : new NetInterface[] {net, persistentNet}) {
                if (n != null && !QOS_TYPES.contains(n.type())) {
                    throw new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.QEMU,
                            "setting bandwidth on interfaces of type '" + n.type() + "' is not implemented yet");
                }
            }
            if (net != null) {
                NetBandwidth wanted = InterfaceBandwidthParameters.merge(net.bandwidth(), params);
                allowFloor(net, wanted);
                bandwidth.change(net, wanted);
                target.saveLive(dom, replace(defs.live(), net, wanted));
            }
            if (persistentNet != null) {
                NetBandwidth wanted = InterfaceBandwidthParameters.merge(persistentNet.bandwidth(), params);
                target.savePersistent(dom, d -> replace(d, persistentNet, wanted));
            }
        }
    }

    /**
     * A floor is a share of a network's bridge: only a network interface can have one (the network
     * driver's networkCheckBandwidth message; the port then checks the network's own limits).
     */
    private static void allowFloor(NetInterface n, NetBandwidth wanted) throws VirtException {
        if (wanted != null && wanted.inbound() != null && wanted.inbound().floor() != 0 && !"network".equals(n.type())) {
            throw new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.NETWORK,
                    "Invalid use of 'floor' on interface with MAC address " + n.mac() + " - 'floor' is only supported "
                            + "for interface type 'network' with forward type 'nat', 'route', 'open' or none");
        }
    }

    private static DomainDef replace(DomainDef def, NetInterface net, NetBandwidth bw) {
        List<Device> all = new ArrayList<>(def.devices().all());
        all.set(all.indexOf(net), net.toBuilder().bandwidth(bw).build());
        return def.withDevices(def.devices().withAll(all));
    }
}
