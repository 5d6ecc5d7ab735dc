package org.jvirt.network.internal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jvirt.api.spi.NetworkRef;
import org.jvirt.network.internal.conf.NetworkDef;
import org.jvirt.network.internal.conf.NetworkPortDef;
import org.jvirt.network.internal.conf.NetworkPortDef.Bandwidth;
import org.jvirt.network.internal.conf.NetworkPortDef.PlugType;

/**
 * One network the driver knows: libvirt's virNetworkObj. Guarded by the {@link NetworkService}'s
 * lock.
 */
final class NetworkObj {
    /** The definition in effect: the running one while active, else the persistent one. */
    NetworkDef def;
    /** The persistent definition, null for a transient network. */
    NetworkDef persistent;
    /** A definition to take effect at the next start (redefined while running), or null. */
    NetworkDef next;
    boolean active;
    boolean autostart;
    /** The running dnsmasq's pid, 0 when none. */
    long dnsmasqPid;
    /** The ports of the running network, by UUID (libvirt's virNetworkObj ports); empty while inactive. */
    final Map<UUID, NetworkPortDef> ports = new LinkedHashMap<>();

    NetworkObj(NetworkDef def) {
        this.def = def;
    }

    NetworkRef ref() {
        return new NetworkRef(def.name(), def.uuid());
    }

    /** The network-wide QoS of the definition in effect (null when none). */
    Bandwidth qos() {
        return def.bandwidth();
    }

    /**
     * The ports on each interface of a macvtap pool (libvirt's forward interface {@code connections}),
     * counted from the ports themselves, so a restarted driver has them as soon as it reads the ports.
     */
    Map<String, Integer> directConnections() {
        Map<String, Integer> out = new HashMap<>();
        for (NetworkPortDef p : ports.values()) {
            if (p.plug().type() == PlugType.DIRECT && p.plug().dev() != null) {
                out.merge(p.plug().dev(), 1, Integer::sum);
            }
        }
        return out;
    }

    boolean persistentNow() {
        return persistent != null;
    }
}
