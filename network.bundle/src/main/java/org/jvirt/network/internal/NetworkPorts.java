package org.jvirt.network.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.NetworkPort;
import org.jvirt.api.NetworkPortCreateFlag;
import org.jvirt.api.ParameterType;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.NetworkRef;
import org.jvirt.network.internal.conf.NetworkPortDef;
import org.jvirt.network.internal.conf.NetworkPortDef.Bandwidth;
import org.jvirt.network.internal.conf.NetworkPortDef.PlugType;
import org.jvirt.network.internal.conf.NetworkPortDef.Rate;
import org.jvirt.network.internal.conf.NetworkPortXml;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ports of running networks: libvirt's networkPort* entry points (bridge_driver.c). A port lives
 * while its network runs; each is a status record, so an updated driver finds them again, and a
 * destroyed network drops them all (virNetworkObjDeleteAllPorts). Every method holds the
 * {@link NetworkService}'s lock, the one lock of the network objects.
 */
final class NetworkPorts {
    private static final Logger LOG = LoggerFactory.getLogger(NetworkPorts.class);

    private final NetworkService service;
    private final NetworkRecords records;
    private final NetworkPortXml xml;
    private final PortBandwidth bandwidth;

    NetworkPorts(NetworkService service, NetworkRecords records, NetworkPortXml xml, PortBandwidth bandwidth) {
        this.service = service;
        this.records = records;
        this.xml = xml;
        this.bandwidth = bandwidth;
    }

    UUID create(NetworkRef ref, String text, int flags) throws VirtException {
        int known = NetworkPortCreateFlag.RECLAIM.bit() | NetworkPortCreateFlag.VALIDATE.bit();
        NetworkService.checkFlags(flags, known, "networkPortCreateXML");
        NetworkPortDef port = xml.parse(text);
        synchronized (service) {
            NetworkObj obj = active(ref);
            boolean reclaim = (flags & NetworkPortCreateFlag.RECLAIM.bit()) != 0;
            if (port.plug().type() == PlugType.NONE && reclaim) {
                throw invalidArg("Port reclaim requested but plug type is none");
            }
            if (port.plug().type() != PlugType.NONE && !reclaim) {
                throw invalidArg("Port reclaim not requested but plug type is not none");
            }
            NetworkPortDef plugged = reclaim ? PortAllocation.reclaim(obj.def, port, obj.directConnections())
                    : PortAllocation.allocate(obj.def, port, obj.directConnections());
            if (obj.ports.containsKey(plugged.uuid())) {
                throw new VirtException(ErrorCode.NETWORK_PORT_EXIST, ErrorDomain.NETWORK, "Network port with UUID "
                        + plugged.uuid() + " already exists");
            }
            if (!reclaim) {
                plugged = bandwidth.plug(obj, plugged);
            }
            try {
                records.writePort(obj.def.uuid(), plugged.uuid(), NetworkPortXml.format(plugged));
            } catch (VirtException e) {
                if (!reclaim) {
                    bandwidth.unplug(obj, plugged);
                }
                throw e;
            }
            obj.ports.put(plugged.uuid(), plugged);
            LOG.info("network {}: port {} of {} plugged into {} ({} connections)", obj.def.name(), plugged.uuid(),
                    plugged.ownerName(), plugged.plug().type() == PlugType.DIRECT ? plugged.plug().dev()
                            : plugged.plug().bridge(), obj.ports.size());
            return plugged.uuid();
        }
    }

    UUID lookup(NetworkRef ref, UUID port) throws VirtException {
        synchronized (service) {
            return port(active(ref), port).uuid();
        }
    }

    List<UUID> list(NetworkRef ref, int flags) throws VirtException {
        NetworkService.checkFlags(flags, 0, "networkListAllPorts");
        synchronized (service) {
            return new ArrayList<>(active(ref).ports.keySet());
        }
    }

    String xmlDesc(NetworkRef ref, UUID port, int flags) throws VirtException {
        NetworkService.checkFlags(flags, 0, "networkPortGetXMLDesc");
        synchronized (service) {
            return NetworkPortXml.format(port(active(ref), port));
        }
    }

    void delete(NetworkRef ref, UUID port, int flags) throws VirtException {
        NetworkService.checkFlags(flags, 0, "networkPortDelete");
        synchronized (service) {
            NetworkObj obj = active(ref);
            NetworkPortDef def = port(obj, port);
            bandwidth.unplug(obj, def);
            records.deletePort(obj.def.uuid(), def.uuid());
            obj.ports.remove(def.uuid());
            LOG.info("network {}: port {} of {} released", obj.def.name(), def.uuid(), def.ownerName());
        }
    }

    List<TypedParameter> parameters(NetworkRef ref, UUID port, int flags) throws VirtException {
        NetworkService.checkFlags(flags, 0, "networkPortGetParameters");
        Bandwidth bw;
        synchronized (service) {
            bw = port(active(ref), port).bandwidth();
        }
        List<TypedParameter> out = new ArrayList<>();
        if (bw != null && bw.inbound() != null) {
            Rate in = bw.inbound();
            out.add(uint(NetworkPort.BANDWIDTH_IN_AVERAGE, in.average()));
            out.add(uint(NetworkPort.BANDWIDTH_IN_PEAK, in.peak()));
            out.add(uint(NetworkPort.BANDWIDTH_IN_FLOOR, in.floor()));
            out.add(uint(NetworkPort.BANDWIDTH_IN_BURST, in.burst()));
        }
        if (bw != null && bw.outbound() != null) {
            Rate o = bw.outbound();
            out.add(uint(NetworkPort.BANDWIDTH_OUT_AVERAGE, o.average()));
            out.add(uint(NetworkPort.BANDWIDTH_OUT_PEAK, o.peak()));
            out.add(uint(NetworkPort.BANDWIDTH_OUT_BURST, o.burst()));
        }
        return out;
    }

    /** libvirt's networkPortSetParameters: the given values replace the whole bandwidth; unknown names are ignored. */
    void setParameters(NetworkRef ref, UUID port, List<TypedParameter> params, int flags) throws VirtException {
        NetworkService.checkFlags(flags, 0, "networkPortSetParameters");
        Map<String, Long> v = new HashMap<>();
        for (TypedParameter p : params) {
            if (p.field().startsWith("inbound.") || p.field().startsWith("outbound.")) {
                if (p.type() != ParameterType.UINT) {
                    throw invalidArg("invalid type '" + p.type().name().toLowerCase(Locale.ROOT)
                            + "' for parameter '" + p.field() + "', expected 'uint'");
                }
                v.put(p.field(), (Long) p.value());
            }
        }
        Rate in = new Rate(v.getOrDefault(NetworkPort.BANDWIDTH_IN_AVERAGE, 0L),
                v.getOrDefault(NetworkPort.BANDWIDTH_IN_PEAK, 0L), v.getOrDefault(NetworkPort.BANDWIDTH_IN_FLOOR, 0L),
                v.getOrDefault(NetworkPort.BANDWIDTH_IN_BURST, 0L));
        Rate out = new Rate(v.getOrDefault(NetworkPort.BANDWIDTH_OUT_AVERAGE, 0L),
                v.getOrDefault(NetworkPort.BANDWIDTH_OUT_PEAK, 0L), 0, v.getOrDefault(NetworkPort.BANDWIDTH_OUT_BURST, 0L));
        synchronized (service) {
            NetworkObj obj = active(ref);
            NetworkPortDef def = port(obj, port);
            Bandwidth wanted = new Bandwidth(0, in.average() == 0 && in.floor() == 0 ? null : in,
                    out.average() == 0 ? null : out);
            Bandwidth bw = bandwidth.update(obj, def, wanted);
            boolean none = bw.inbound() == null && bw.outbound() == null && bw.classId() == 0;
            NetworkPortDef changed = def.withBandwidth(none ? null : bw);
            records.writePort(obj.def.uuid(), changed.uuid(), NetworkPortXml.format(changed));
            obj.ports.put(changed.uuid(), changed);
        }
    }

    /** Reads the port records of a network found running (under the service's lock). */
    void reattach(NetworkObj obj) throws VirtException {
        for (Map.Entry<String, String> e : records.ports(obj.def.uuid()).entrySet()) {
            try {
                NetworkPortDef port = xml.parse(e.getValue());
                obj.ports.put(port.uuid(), port);
            } catch (VirtException ex) {
                LOG.warn("skipping the network port record {}: {}", e.getKey(), ex.getMessage());
            }
        }
    }

    /** Drops every port of a network that stopped (under the service's lock). */
    void dropAll(NetworkObj obj) {
        for (UUID port : obj.ports.keySet()) {
            try {
                records.deletePort(obj.def.uuid(), port);
            } catch (VirtException e) {
                LOG.warn("cannot remove the record of port {} of network {}: {}", port, obj.def.name(), e.getMessage());
            }
        }
        obj.ports.clear();
    }

    private NetworkObj active(NetworkRef ref) throws VirtException {
        NetworkObj obj = service.find(ref);
        if (!obj.active) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.NETWORK, "network '" + obj.def.name()
                    + "' is not active");
        }
        return obj;
    }

    private static NetworkPortDef port(NetworkObj obj, UUID uuid) throws VirtException {
        NetworkPortDef def = obj.ports.get(uuid);
        if (def == null) {
            throw new VirtException(ErrorCode.NO_NETWORK_PORT, ErrorDomain.NETWORK, "Network port with UUID " + uuid
                    + " does not exist");
        }
        return def;
    }

    private static TypedParameter uint(String field, long value) {
        return new TypedParameter(field, ParameterType.UINT, value);
    }

    private static VirtException invalidArg(String message) {
        return new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.NETWORK, message);
    }
}
