package org.jvirt.network.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.random.RandomGenerator;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.NetworkDhcpLease;
import org.jvirt.api.NetworkEventType;
import org.jvirt.api.NetworkListFlag;
import org.jvirt.api.NetworkUpdateCommand;
import org.jvirt.api.NetworkUpdateSection;
import org.jvirt.api.NetworkXmlFlag;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.NetworkRef;
import org.jvirt.network.internal.conf.NetworkDef;
import org.jvirt.network.internal.conf.NetworkPortXml;
import org.jvirt.network.internal.conf.NetworkXmlFormatter;
import org.jvirt.network.internal.conf.NetworkXmlParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's networks: libvirt's bridge_driver.c entry points (define, create, start, destroy,
 * undefine, autostart, XML, leases) over the objects, the records and the runtime. One lock: network
 * changes are rare and each is short, except a start, which must not interleave with another anyway
 * (bridge names, routes).
 */
final class NetworkService {
    private static final Logger LOG = LoggerFactory.getLogger(NetworkService.class);

    private final NetworkXmlParser parser;
    private final NetworkRecords records;
    private final NetworkRuntime runtime;
    private final NetworkEvents events = new NetworkEvents();
    private final Map<UUID, NetworkObj> networks = new LinkedHashMap<>();
    private final NetworkDefChecks checks;
    private final NetworkPorts ports;
    private final InterfaceQos interfaceQos;

    NetworkService(NetworkXmlParser parser, NetworkPortXml portXml, NetworkRecords records, NetworkRuntime runtime,
                   RandomGenerator random) {
        this.parser = parser;
        this.records = records;
        this.runtime = runtime;
        this.checks = new NetworkDefChecks(networks, runtime, random);
        this.ports = new NetworkPorts(this, records, portXml, new PortBandwidth(runtime.tc()));
        this.interfaceQos = new InterfaceQos(runtime.tc());
    }

    InterfaceQos interfaceQos() {
        return interfaceQos;
    }

    NetworkPorts ports() {
        return ports;
    }

    NetworkEvents events() {
        return events;
    }

    /** Reads the persistent definitions and finds the networks that still run. */
    synchronized NetworkService load() throws VirtException {
        for (Map.Entry<String, byte[]> e : records.configs().entrySet()) {
            if (!e.getKey().endsWith(".xml")) {
                continue;
            }
            try {
                NetworkDef def = parser.parse(new String(e.getValue(), StandardCharsets.UTF_8));
                NetworkObj obj = new NetworkObj(def);
                obj.persistent = def;
                obj.autostart = records.autostart(def.uuid());
                networks.put(def.uuid(), obj);
            } catch (VirtException ex) {
                LOG.warn("skipping the network record {}: {}", e.getKey(), ex.getMessage());
            }
        }
        for (Map.Entry<String, byte[]> e : records.statuses().entrySet()) {
            if (e.getKey().endsWith(".xml")) {
                reattach(new String(e.getValue(), StandardCharsets.UTF_8));
            }
        }
        return this;
    }

    private void reattach(String xml) throws VirtException {
        NetworkDef live;
        try {
            live = parser.parse(xml);
        } catch (VirtException ex) {
            LOG.warn("skipping a network status record: {}", ex.getMessage());
            return;
        }
        long pid = records.status(live.uuid(), ".pid").map(b -> Long.parseLong(new String(b, StandardCharsets.UTF_8)
                .strip())).orElse(0L);
        boolean up = !live.forward().mode().hasOwnBridge() || runtime.bridges().exists(live.bridgeName());
        NetworkObj obj = networks.get(live.uuid());
        if (!up) {
            LOG.info("network {} is no longer running; cleaning up", live.name());
            runtime.stop(live, pid);
            records.deleteStatus(live.uuid());
            NetworkObj gone = new NetworkObj(live);
            ports.reattach(gone);
            ports.dropAll(gone);
            return;
        }
        if (obj == null) {
            obj = new NetworkObj(live);
            networks.put(live.uuid(), obj);
        }
        obj.def = live;
        obj.active = true;
        obj.dnsmasqPid = pid;
        ports.reattach(obj);
        LOG.info("network {} is running (bridge {}, dnsmasq {}, {} ports)", live.name(), live.bridgeName(), pid,
                obj.ports.size());
    }

    /** Starts the autostart networks that are not running (libvirt's networkAutostartConfig). */
    synchronized void autostart() {
        for (NetworkObj obj : new ArrayList<>(networks.values())) {
            if (obj.autostart && !obj.active) {
                try {
                    start(obj);
                } catch (VirtException e) {
                    LOG.warn("autostart of network {} failed: {}", obj.def.name(), e.getMessage());
                }
            }
        }
    }

    synchronized List<NetworkRef> list(int flags) throws VirtException {
        checkFlags(flags, NetworkListFlag.all(), "networkConnectListAllNetworks");
        List<NetworkRef> out = new ArrayList<>();
        for (NetworkObj o : networks.values()) {
            if (matches(o, flags)) {
                out.add(o.ref());
            }
        }
        return out;
    }

    private static boolean matches(NetworkObj o, int flags) {
        return pair(flags, NetworkListFlag.ACTIVE, NetworkListFlag.INACTIVE, o.active)
                && pair(flags, NetworkListFlag.PERSISTENT, NetworkListFlag.TRANSIENT, o.persistentNow())
                && pair(flags, NetworkListFlag.AUTOSTART, NetworkListFlag.NO_AUTOSTART, o.autostart);
    }

    private static boolean pair(int flags, NetworkListFlag yes, NetworkListFlag no, boolean value) {
        boolean y = (flags & yes.bit()) != 0;
        boolean n = (flags & no.bit()) != 0;
        return y == n || (y ? value : !value);
    }

    synchronized NetworkRef lookupByName(String name) throws VirtException {
        for (NetworkObj o : networks.values()) {
            if (o.def.name().equals(name)) {
                return o.ref();
            }
        }
        throw new VirtException(ErrorCode.NO_NETWORK, ErrorDomain.NETWORK, "no network with matching name '"
                + name + "'");
    }

    synchronized NetworkRef lookupByUuid(UUID uuid) throws VirtException {
        NetworkObj o = networks.get(uuid);
        if (o == null) {
            throw new VirtException(ErrorCode.NO_NETWORK, ErrorDomain.NETWORK, "no network with matching uuid '"
                    + uuid + "'");
        }
        return o.ref();
    }

    synchronized NetworkRef define(String xml, int flags) throws VirtException {
        checkFlags(flags, 1, "networkDefineXMLFlags");
        NetworkDef def = checks.completed(parser.parse(xml));
        NetworkObj obj = checks.checkDuplicate(def, false);
        boolean isNew = obj == null;
        records.writeConfig(def.uuid(), NetworkXmlFormatter.format(def, NetworkXmlFormatter.INACTIVE));
        if (isNew) {
            obj = new NetworkObj(def);
            networks.put(def.uuid(), obj);
        }
        obj.persistent = def;
        if (obj.active) {
            obj.next = def;
        } else {
            obj.def = def;
        }
        events.raise(def, NetworkEventType.DEFINED);
        LOG.info("network {} defined", def.name());
        return obj.ref();
    }

    synchronized NetworkRef createTransient(String xml, int flags) throws VirtException {
        checkFlags(flags, 1, "networkCreateXMLFlags");
        NetworkDef def = checks.completed(parser.parse(xml));
        checks.checkDuplicate(def, true);
        NetworkObj obj = new NetworkObj(def);
        networks.put(def.uuid(), obj);
        try {
            start(obj);
        } catch (VirtException e) {
            networks.remove(def.uuid());
            throw e;
        }
        return obj.ref();
    }

    synchronized void start(NetworkRef ref, int flags) throws VirtException {
        checkFlags(flags, 0, "networkCreateWithFlags");
        NetworkObj obj = find(ref);
        if (obj.active) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.NETWORK, "network is already active");
        }
        start(obj);
    }

    private void start(NetworkObj obj) throws VirtException {
        NetworkDef def = obj.def;
        checks.checkBridgeFree(def, obj);
        long pid = runtime.start(def);
        try {
            records.writeStatus(def.uuid(), NetworkXmlFormatter.format(def, 0), pid);
        } catch (VirtException e) {
            runtime.stop(def, pid);
            throw e;
        }
        obj.active = true;
        obj.dnsmasqPid = pid;
        events.raise(def, NetworkEventType.STARTED);
        LOG.info("network {} started on bridge {}", def.name(), def.bridgeName());
    }

    synchronized void destroy(NetworkRef ref) throws VirtException {
        NetworkObj obj = find(ref);
        if (!obj.active) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.NETWORK, "network '" + obj.def.name()
                    + "' is not active");
        }
        NetworkDef live = obj.def;
        runtime.stop(live, obj.dnsmasqPid);
        records.deleteStatus(live.uuid());
        ports.dropAll(obj);
        obj.active = false;
        obj.dnsmasqPid = 0;
        events.raise(live, NetworkEventType.STOPPED);
        LOG.info("network {} stopped", live.name());
        if (obj.persistent == null) {
            runtime.forget(live);
            networks.remove(live.uuid());
        } else {
            obj.def = obj.next != null ? obj.next : obj.persistent;
            obj.next = null;
        }
    }

    synchronized void undefine(NetworkRef ref) throws VirtException {
        NetworkObj obj = find(ref);
        if (obj.persistent == null) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.NETWORK, "can't undefine transient network");
        }
        records.deleteConfig(obj.def.uuid());
        NetworkDef def = obj.persistent;
        obj.persistent = null;
        obj.next = null;
        obj.autostart = false;
        events.raise(def, NetworkEventType.UNDEFINED);
        if (!obj.active) {
            runtime.forget(def);
            networks.remove(def.uuid());
        }
        LOG.info("network {} undefined", def.name());
    }

    synchronized String xml(NetworkRef ref, int flags) throws VirtException {
        checkFlags(flags, NetworkXmlFlag.INACTIVE.bit(), "networkGetXMLDesc");
        NetworkObj obj = find(ref);
        boolean inactive = (flags & NetworkXmlFlag.INACTIVE.bit()) != 0;
        NetworkDef def = inactive && obj.active && obj.persistent != null
                ? (obj.next != null ? obj.next : obj.persistent) : obj.def;
        return def == obj.def ? NetworkXmlFormatter.format(def.withConnections(obj.ports.size()), flags,
                obj.directConnections()) : NetworkXmlFormatter.format(def, flags);
    }

    synchronized String bridgeName(NetworkRef ref) throws VirtException {
        NetworkObj obj = find(ref);
        if (obj.def.bridgeName() == null) {
            throw new VirtException(ErrorCode.INVALID_NETWORK, ErrorDomain.NETWORK, "network '" + obj.def.name()
                    + "' does not have a bridge name.");
        }
        return obj.def.bridgeName();
    }

    synchronized boolean isActive(NetworkRef ref) throws VirtException {
        return find(ref).active;
    }

    synchronized boolean isPersistent(NetworkRef ref) throws VirtException {
        return find(ref).persistentNow();
    }

    synchronized boolean autostart(NetworkRef ref) throws VirtException {
        return find(ref).autostart;
    }

    synchronized void setAutostart(NetworkRef ref, boolean on) throws VirtException {
        NetworkObj obj = find(ref);
        if (obj.persistent == null) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.NETWORK,
                    "cannot set autostart for transient network");
        }
        records.setAutostart(obj.def.uuid(), on);
        obj.autostart = on;
    }

    synchronized List<NetworkDhcpLease> leases(NetworkRef ref, String mac, int flags) throws VirtException {
        checkFlags(flags, 0, "networkGetDHCPLeases");
        NetworkObj obj = find(ref);
        return runtime.leases(obj.def, mac);
    }

    synchronized void update(NetworkRef ref, NetworkUpdateCommand command, NetworkUpdateSection section,
                             int parentIndex, String xml, int flags) throws VirtException {
        NetworkObj obj = find(ref);
        new NetworkUpdater(parser, records, runtime).update(obj, command, section, parentIndex, xml, flags);
    }

    /** The network of {@code ref}; callers hold this service's lock. */
    NetworkObj find(NetworkRef ref) throws VirtException {
        NetworkObj o = networks.get(ref.uuid());
        if (o == null) {
            throw new VirtException(ErrorCode.NO_NETWORK, ErrorDomain.NETWORK, "no network with matching uuid '"
                    + ref.uuid() + "' (" + ref.name() + ")");
        }
        return o;
    }

    static void checkFlags(int flags, int known, String function) throws VirtException {
        int unknown = flags & ~known;
        if (unknown != 0) {
            throw new VirtException(ErrorCode.INVALID_ARG.number(), ErrorDomain.NETWORK.number(),
                    "unsupported flags (0x" + Integer.toHexString(unknown) + ") in function " + function);
        }
    }
}
