package org.jvirt.driver.qemu.internal.net;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jvirt.api.NetworkPort;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.NetworkDriverConnection;
import org.jvirt.api.spi.NetworkRef;
import org.jvirt.api.xml.NetBandwidth;

/**
 * The bandwidth a network gave a guest's port, as libvirt's virDomainNetDefActualFromNetworkPort copies
 * it into the interface's actual definition: the interface's own, or its port group's when it had none
 * (the network decides, in networkAllocatePort). Read back through the port's parameters
 * (virNetworkPortGetParameters), whose inbound values are there only when the port has an inbound rate.
 */
final class PortQos {
    private PortQos() {
    }

    /** The port's bandwidth, or null when it has none. */
    static NetBandwidth bandwidth(NetworkDriverConnection conn, NetworkRef network, String port) throws VirtException {
        return of(conn.portParameters(network, UUID.fromString(port), 0));
    }

    static NetBandwidth of(List<TypedParameter> params) {
        Map<String, Long> v = new HashMap<>();
        for (TypedParameter p : params) {
            if (p.value() instanceof Long l) {
                v.put(p.field(), l);
            }
        }
        NetBandwidth.Rate in = rate(v, NetworkPort.BANDWIDTH_IN_AVERAGE, NetworkPort.BANDWIDTH_IN_PEAK,
                NetworkPort.BANDWIDTH_IN_BURST, NetworkPort.BANDWIDTH_IN_FLOOR);
        NetBandwidth.Rate out = rate(v, NetworkPort.BANDWIDTH_OUT_AVERAGE, NetworkPort.BANDWIDTH_OUT_PEAK,
                NetworkPort.BANDWIDTH_OUT_BURST, null);
        return in == null && out == null ? null : new NetBandwidth(in, out);
    }

    /** A rate of which 0 means "not given" (as libvirt's); null when neither an average nor a floor is set. */
    private static NetBandwidth.Rate rate(Map<String, Long> v, String average, String peak, String burst,
                                          String floor) {
        long a = v.getOrDefault(average, 0L);
        long f = floor == null ? 0 : v.getOrDefault(floor, 0L);
        if (a == 0 && f == 0) {
            return null;
        }
        return new NetBandwidth.Rate(a, v.getOrDefault(peak, 0L), v.getOrDefault(burst, 0L), f);
    }
}
