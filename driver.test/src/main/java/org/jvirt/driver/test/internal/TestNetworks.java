package org.jvirt.driver.test.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArraySet;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.NetworkEvent;
import org.jvirt.api.NetworkEventType;
import org.jvirt.api.NetworkListFlag;
import org.jvirt.api.NetworkUpdateCommand;
import org.jvirt.api.NetworkUpdateFlag;
import org.jvirt.api.NetworkUpdateSection;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.NetworkConf;
import org.jvirt.api.spi.NetworkDefinition;
import org.jvirt.api.spi.NetworkEventSink;
import org.jvirt.api.spi.NetworkRef;

/**
 * The networks of one test host, in memory only: libvirt's test driver network functions
 * ({@code testNetwork*}) over its {@code virNetworkObjList}, with the network bundle's XML
 * ({@link NetworkConf}). Nothing runs on the host. The driver's own checks fail in the TEST error
 * domain, the object list's (duplicates, update) in NETWORK, as in libvirt. One lock: every call is
 * short.
 */
final class TestNetworks {
    /** libvirt's virNetworkObj: {@code def} is the live definition while active, {@code newDef} the next config. */
    private static final class Obj {
        NetworkDefinition def;
        NetworkDefinition newDef;
        boolean active;
        boolean persistent;
        boolean autostart;

        Obj(NetworkDefinition def) {
            this.def = def;
        }

        NetworkRef ref() {
            return new NetworkRef(def.name(), def.uuid());
        }
    }

    private final NetworkConf conf;
    private final Map<UUID, Obj> networks = new LinkedHashMap<>();
    private final CopyOnWriteArraySet<NetworkEventSink> sinks = new CopyOnWriteArraySet<>();

    TestNetworks(NetworkConf conf) {
        this.conf = conf;
    }

    NetworkConf conf() {
        return conf;
    }

    void addSink(NetworkEventSink sink) {
        sinks.add(sink);
    }

    void removeSink(NetworkEventSink sink) {
        sinks.remove(sink);
    }

    /** A network of the host's file or of the default host: persistent and running ({@code testParseNetworks}). */
    synchronized void load(NetworkDefinition def) throws VirtException {
        Obj obj = assign(def, false, false);
        obj.active = true;
    }

    synchronized List<NetworkRef> list(int flags) throws VirtException {
        TestDriverErrors.checkFlags(flags, NetworkListFlag.all(), "testConnectListAllNetworks");
        List<NetworkRef> out = new ArrayList<>();
        for (Obj o : networks.values()) {
            if (pair(flags, NetworkListFlag.ACTIVE, NetworkListFlag.INACTIVE, o.active)
                    && pair(flags, NetworkListFlag.PERSISTENT, NetworkListFlag.TRANSIENT, o.persistent)
                    && pair(flags, NetworkListFlag.AUTOSTART, NetworkListFlag.NO_AUTOSTART, o.autostart)) {
                out.add(o.ref());
            }
        }
        return out;
    }

    private static boolean pair(int flags, NetworkListFlag yes, NetworkListFlag no, boolean value) {
        boolean y = (flags & yes.bit()) != 0;
        boolean n = (flags & no.bit()) != 0;
        return y == n || (y ? value : !value);
    }

    synchronized NetworkRef lookupByName(String name) throws VirtException {
        return byName(name).ref();
    }

    /** The first address of the network named {@code name} (null when it has none), for made-up guest addresses. */
    synchronized NetworkDefinition.IpAddress firstIp(String name) throws VirtException {
        return byName(name).def.firstIp();
    }

    synchronized NetworkRef lookupByUuid(UUID uuid) throws VirtException {
        Obj o = networks.get(uuid);
        if (o == null) {
            throw noNetwork("no network with matching uuid '" + uuid + "'");
        }
        return o.ref();
    }

    synchronized NetworkRef define(String xml, int flags) throws VirtException {
        TestDriverErrors.checkFlags(flags, 1, "testNetworkDefineXMLFlags");
        Obj obj = assign(conf.parse(xml), false, false);
        emit(obj, NetworkEventType.DEFINED);
        return obj.ref();
    }

    synchronized NetworkRef create(String xml, int flags) throws VirtException {
        TestDriverErrors.checkFlags(flags, 1, "testNetworkCreateXMLFlags");
        Obj obj = assign(conf.parse(xml), true, true);
        obj.active = true;
        emit(obj, NetworkEventType.STARTED);
        return obj.ref();
    }

    /** virNetworkObjAssignDef: a new object, or the new definition of the one with this UUID. */
    private Obj assign(NetworkDefinition def, boolean live, boolean checkLive) throws VirtException {
        Obj obj = networks.get(def.uuid());
        if (obj == null) {
            for (Obj o : networks.values()) {
                if (o.def.name().equals(def.name())) {
                    throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.NETWORK, "network '"
                            + def.name() + "' already exists with uuid " + o.def.uuid());
                }
            }
            obj = new Obj(def);
            obj.persistent = !live;
            networks.put(def.uuid(), obj);
            return obj;
        }
        if (!obj.def.name().equals(def.name())) {
            throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.NETWORK, "network '" + obj.def.name()
                    + "' is already defined with uuid " + def.uuid());
        }
        if (checkLive && obj.active) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.NETWORK,
                    "network is already active as '" + obj.def.name() + "'");
        }
        if (live) {
            if (obj.persistent && obj.newDef == null) {
                obj.newDef = obj.def;
            }
            obj.def = def;
        } else {
            if (obj.active) {
                obj.newDef = def;
            } else {
                obj.newDef = null;
                obj.def = def;
            }
            obj.persistent = true;
        }
        return obj;
    }

    synchronized void start(NetworkRef ref) throws VirtException {
        Obj obj = find(ref);
        if (obj.active) {
            throw TestDriverErrors.invalid(ErrorDomain.TEST, "Network '" + ref.name() + "' is already running");
        }
        obj.active = true;
        emit(obj, NetworkEventType.STARTED);
    }

    /** testNetworkDestroy: no check that it runs; a transient network goes away. */
    synchronized void destroy(NetworkRef ref) throws VirtException {
        Obj obj = byName(ref.name());
        obj.active = false;
        emit(obj, NetworkEventType.STOPPED);
        if (!obj.persistent) {
            networks.remove(obj.def.uuid());
        }
    }

    synchronized void undefine(NetworkRef ref) throws VirtException {
        Obj obj = byName(ref.name());
        if (obj.active) {
            throw TestDriverErrors.invalid(ErrorDomain.TEST, "Network '" + ref.name() + "' is still running");
        }
        emit(obj, NetworkEventType.UNDEFINED);
        networks.remove(obj.def.uuid());
    }

    synchronized String xml(NetworkRef ref, int flags) throws VirtException {
        TestDriverErrors.checkFlags(flags, 0, "testNetworkGetXMLDesc");
        return find(ref).def.format(0);
    }

    synchronized String bridgeName(NetworkRef ref) throws VirtException {
        Obj obj = find(ref);
        if (obj.def.bridgeName() == null) {
            throw TestDriverErrors.internal("network '" + obj.def.name() + "' does not have a bridge name.");
        }
        return obj.def.bridgeName();
    }

    synchronized boolean isActive(NetworkRef ref) throws VirtException {
        return find(ref).active;
    }

    synchronized boolean isPersistent(NetworkRef ref) throws VirtException {
        return find(ref).persistent;
    }

    synchronized boolean autostart(NetworkRef ref) throws VirtException {
        return find(ref).autostart;
    }

    synchronized void setAutostart(NetworkRef ref, boolean on) throws VirtException {
        find(ref).autostart = on;
    }

    /** testNetworkUpdate, then virNetworkObjUpdate's checks and changes. */
    synchronized void update(NetworkRef ref, NetworkUpdateCommand command, NetworkUpdateSection section,
                             int parentIndex, String xml, int flags) throws VirtException {
        int live = NetworkUpdateFlag.LIVE.bit();
        int config = NetworkUpdateFlag.CONFIG.bit();
        TestDriverErrors.checkFlags(flags, live | config, "testNetworkUpdate");
        Obj obj = find(ref);
        if ((flags & (live | config)) == 0) {
            flags |= obj.active ? live : config;
        }
        if (!obj.active && (flags & live) != 0) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.NETWORK, "network is not running");
        }
        if ((flags & config) != 0 && !obj.persistent) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.NETWORK,
                    "cannot change persistent config of a transient network");
        }
        // both are checked before either changes, so a refused change leaves the network as it was
        NetworkDefinition newLive = obj.active && (flags & live) != 0
                ? obj.def.update(command, section, parentIndex, xml) : null;
        NetworkDefinition persistentDef = obj.newDef != null ? obj.newDef : obj.def;
        NetworkDefinition newConfig = (flags & config) != 0
                ? persistentDef.update(command, section, parentIndex, xml) : null;
        if (newConfig != null) {
            if (obj.active) {
                obj.newDef = newConfig;
            } else {
                obj.def = newConfig;
            }
        }
        if (newLive != null) {
            obj.def = newLive;
        }
    }

    private Obj find(NetworkRef ref) throws VirtException {
        Obj o = networks.get(ref.uuid());
        if (o == null) {
            throw noNetwork("no network with matching uuid '" + ref.uuid() + "'");
        }
        return o;
    }

    private Obj byName(String name) throws VirtException {
        for (Obj o : networks.values()) {
            if (o.def.name().equals(name)) {
                return o;
            }
        }
        throw noNetwork("no network with matching name '" + name + "'");
    }

    private static VirtException noNetwork(String message) {
        return new VirtException(ErrorCode.NO_NETWORK, ErrorDomain.TEST, message);
    }

    private void emit(Obj obj, NetworkEventType type) {
        NetworkEvent event = new NetworkEvent(obj.def.name(), obj.def.uuid(), type);
        sinks.forEach(s -> s.accept(event));
    }
}
