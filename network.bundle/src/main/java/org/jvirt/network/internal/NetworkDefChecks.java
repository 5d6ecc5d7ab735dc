package org.jvirt.network.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.random.RandomGenerator;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.network.internal.conf.Mac;
import org.jvirt.api.xml.XmlElement;
import org.jvirt.network.internal.conf.NetworkDef;
import org.jvirt.network.internal.conf.PortGroups;

/**
 * A new definition against the host's networks, as libvirt's bridge driver checks it: completed
 * (a free bridge name, a MAC), and refused when its name, UUID or bridge is another network's, or
 * when its QoS or port groups are what libvirt's networkValidate refuses.
 * Called under {@link NetworkService}'s lock.
 */
final class NetworkDefChecks {
    private final Map<UUID, NetworkObj> networks;
    private final NetworkRuntime runtime;
    private final RandomGenerator random;

    NetworkDefChecks(Map<UUID, NetworkObj> networks, NetworkRuntime runtime, RandomGenerator random) {
        this.networks = networks;
        this.runtime = runtime;
        this.random = random;
    }

    /** libvirt's post-parse for a bridge network: a free virbrN name and a generated MAC when none is given. */
    NetworkDef completed(NetworkDef def) throws VirtException {
        checkPortGroups(def);
        if (!def.forward().mode().hasOwnBridge()) {
            return def;
        }
        NetworkDef out = def;
        String name = def.bridgeName();
        if (name == null || name.contains("%d")) {
            String template = name == null ? "virbr%d" : name;
            NetworkObj existing = networks.get(def.uuid());
            if (existing != null && existing.def.bridgeName() != null && name == null) {
                name = existing.def.bridgeName();
            } else {
                name = freeBridgeName(template);
            }
            NetworkDef.Bridge b = def.bridge() == null ? new NetworkDef.Bridge(name, null, true, 0, null)
                    : def.bridge().withName(name);
            out = out.withBridge(b);
        }
        if (out.mac() == null) {
            NetworkObj existing = networks.get(def.uuid());
            out = out.withMac(existing != null && existing.def.mac() != null ? existing.def.mac()
                    : Mac.generate(random));
        }
        return out;
    }

    /**
     * networkValidate's checks of the bandwidth and the port groups: QoS only where jvirt (as libvirt)
     * has a bridge to put it on, at most one default group, no two groups of one name.
     */
    private static void checkPortGroups(NetworkDef def) throws VirtException {
        NetworkDef.Mode mode = def.forward().mode();
        boolean bandwidthAllowed = mode.hasOwnBridge() || mode == NetworkDef.Mode.BRIDGE && def.bridge() != null;
        if (def.bandwidth() != null && !bandwidthAllowed) {
            throw unsupported("Unsupported network-wide <bandwidth> element in network " + def.name()
                    + " with forward mode='" + mode.xmlName() + "'");
        }
        XmlElement defaultGroup = null;
        List<XmlElement> groups = def.portgroups();
        for (int i = 0; i < groups.size(); i++) {
            XmlElement pg = groups.get(i);
            String name = pg.attribute("name");
            if (PortGroups.isDefault(pg)) {
                if (defaultGroup != null) {
                    throw unsupported("network '" + def.name() + "' has multiple default <portgroup> elements ("
                            + defaultGroup.attribute("name") + " and " + name + "), but only one default is allowed");
                }
                defaultGroup = pg;
            }
            for (int j = i + 1; j < groups.size(); j++) {
                if (name.equals(groups.get(j).attribute("name"))) {
                    throw unsupported("multiple <portgroup> elements with the same name (" + name + ") in network '"
                            + def.name() + "'");
                }
            }
            if (pg.child("bandwidth") != null && !bandwidthAllowed) {
                throw unsupported("Unsupported <bandwidth> element in network '" + def.name() + "' in portgroup '"
                        + name + "' with forward mode='" + mode.xmlName() + "'");
            }
        }
    }

    private static VirtException unsupported(String message) {
        return new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.NETWORK, message);
    }

    private String freeBridgeName(String template) throws VirtException {
        for (int i = 0; i < 256; i++) {
            String candidate = template.replace("%d", Integer.toString(i));
            boolean taken = networks.values().stream().anyMatch(o -> candidate.equals(o.def.bridgeName()));
            if (!taken && !runtime.bridges().exists(candidate)) {
                return candidate;
            }
        }
        throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.NETWORK,
                "Bridge generation exceeded max id 256");
    }

    /** libvirt's virNetworkObjIsDuplicate and its bridge-in-use check; returns the network redefined, if any. */
    NetworkObj checkDuplicate(NetworkDef def, boolean checkActive) throws VirtException {
        NetworkObj same = networks.get(def.uuid());
        if (same != null) {
            if (!same.def.name().equals(def.name())) {
                throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.NETWORK, "network '"
                        + same.def.name() + "' is already defined with uuid " + def.uuid());
            }
            if (checkActive && same.active) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.NETWORK,
                        "network is already active as '" + same.def.name() + "'");
            }
        } else {
            for (NetworkObj o : networks.values()) {
                if (o.def.name().equals(def.name())) {
                    throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.NETWORK, "network '"
                            + def.name() + "' already exists with uuid " + o.def.uuid());
                }
            }
        }
        checkBridgeFree(def, same);
        return same;
    }

    void checkBridgeFree(NetworkDef def, NetworkObj self) throws VirtException {
        String br = def.bridgeName();
        if (br == null || !def.forward().mode().hasOwnBridge()) {
            return;
        }
        for (NetworkObj o : networks.values()) {
            if (o != self && !o.def.uuid().equals(def.uuid()) && br.equals(o.def.bridgeName())) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.NETWORK, "bridge name '" + br
                        + "' already in use.");
            }
        }
    }
}
