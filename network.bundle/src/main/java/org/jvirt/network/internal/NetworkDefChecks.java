package org.jvirt.network.internal;

import java.util.Map;
import java.util.UUID;
import java.util.random.RandomGenerator;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.network.internal.conf.Mac;
import org.jvirt.network.internal.conf.NetworkDef;

/**
 * A new definition against the host's networks, as libvirt's bridge driver checks it: completed
 * (a free bridge name, a MAC), and refused when its name, UUID or bridge is another network's.
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
