package org.jvirt.network.internal;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.NetBandwidth;
import org.jvirt.network.internal.conf.NetworkPortDef.Bandwidth;
import org.jvirt.network.internal.conf.NetworkPortDef.Rate;
import org.jvirt.network.internal.host.TcBandwidth;

/**
 * QoS on a guest's own host-side device, for the hypervisor drivers (libvirt's qemuBuildInterfaceConnect
 * and virLXCProcessSetupInterfaces call virNetDevBandwidthSet with no hierarchy): the same {@code tc}
 * commands and runner as the bridges' QoS, so a device in the network's namespace is reached the same way.
 * The device need not be on one of this driver's networks; nothing is kept, the device carries it all.
 */
final class InterfaceQos {
    private final TcBandwidth tc;

    InterfaceQos(TcBandwidth tc) {
        this.tc = tc;
    }

    void set(String ifname, NetBandwidth bandwidth, boolean swapped) throws VirtException {
        if (bandwidth == null) {
            return;
        }
        try {
            tc.set(ifname, new Bandwidth(0, rate(bandwidth.inbound()), rate(bandwidth.outbound())), false, swapped);
        } catch (VirtException e) {
            // as libvirt's caller: a half-built tree is not left on the device
            tc.clear(ifname);
            throw e;
        }
    }

    void clear(String ifname) throws VirtException {
        tc.clear(ifname);
    }

    private static Rate rate(NetBandwidth.Rate r) {
        return r == null ? null : new Rate(r.average(), r.peak(), r.floor(), r.burst());
    }
}
