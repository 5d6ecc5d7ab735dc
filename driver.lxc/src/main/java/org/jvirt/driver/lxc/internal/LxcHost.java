package org.jvirt.driver.lxc.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.jvirt.api.DomainEventType;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.RecordKind;
import org.jvirt.api.spi.StateStore;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.DomainXmlCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The containers of {@code lxc:///system}: the registry (libvirt's name and UUID rules), their
 * persistence in the state store (config records hold the inactive XML, status records the
 * {@link StatusRecord} of running containers) and the event bus.
 */
final class LxcHost {
    private static final Logger LOG = LoggerFactory.getLogger(LxcHost.class);
    static final String STORE = "lxc";
    private static final String AUTOSTART_SUFFIX = ".autostart";

    private final DomainXmlCodec codec;
    private final StateStore store;
    private final Map<UUID, LxcDomain> domains = new ConcurrentHashMap<>();
    /** Entries that only reserve a name and UUID for a define or create in progress; lookups skip them. */
    private final Set<LxcDomain> pending = ConcurrentHashMap.newKeySet();
    private final Object registryLock = new Object();
    private final EventBus events = new EventBus();

    LxcHost(DomainXmlCodec codec, StateStore store) {
        this.codec = codec;
        this.store = store;
    }

    DomainXmlCodec codec() {
        return codec;
    }

    EventBus events() {
        return events;
    }

    /** Reads the persistent definitions back; the status records are for {@link Reattach}. */
    void loadDefinitions() throws VirtException {
        Map<String, byte[]> configs = store.readAll(STORE, RecordKind.CONFIG);
        for (Map.Entry<String, byte[]> e : configs.entrySet()) {
            if (e.getKey().endsWith(AUTOSTART_SUFFIX)) {
                continue;
            }
            try {
                DomainDef def = codec.parse(new String(e.getValue(), StandardCharsets.UTF_8),
                        DomainXmlCodec.PARSE_INACTIVE);
                LxcDomain dom = new LxcDomain(def.uuid(), def.name());
                dom.setPersistentDef(def);
                dom.setAutostart(configs.containsKey(e.getKey() + AUTOSTART_SUFFIX));
                domains.put(def.uuid(), dom);
            } catch (VirtException | RuntimeException ex) {
                LOG.error("ignoring unreadable container definition {}: {}", e.getKey(), ex.getMessage());
            }
        }
    }

    Map<String, byte[]> statusRecords() throws VirtException {
        return store.readAll(STORE, RecordKind.STATUS);
    }

    // --- registry ---------------------------------------------------------------------------

    List<LxcDomain> all() {
        List<LxcDomain> list = new ArrayList<>(domains.values().stream().filter(d -> !pending.contains(d)).toList());
        list.sort(Comparator.comparing(LxcDomain::name));
        return list;
    }

    LxcDomain byUuid(UUID uuid) {
        LxcDomain d = domains.get(uuid);
        return d != null && !pending.contains(d) ? d : null;
    }

    LxcDomain byName(String name) {
        return all().stream().filter(d -> d.name().equals(name)).findFirst().orElse(null);
    }

    LxcDomain byId(int id) {
        return all().stream().filter(d -> d.isActive() && d.id() == id).findFirst().orElse(null);
    }

    boolean isRegistered(LxcDomain dom) {
        return domains.get(dom.uuid()) == dom;
    }

    /** Registers a reattached domain (its id is its monitor's pid, unique while it runs). */
    void put(LxcDomain dom) {
        domains.put(dom.uuid(), dom);
    }

    /** A registry entry and whether this call made it (a reservation of the caller's own). */
    record Claim(LxcDomain dom, boolean fresh) {
    }

    /** libvirt's {@code virDomainObjListAddLocked}: a name belongs to one UUID, a UUID to one name. */
    Claim reserve(DomainDef def) throws VirtException {
        synchronized (registryLock) {
            LxcDomain byUuid = domains.get(def.uuid());
            LxcDomain byName = domains.values().stream().filter(d -> d.name().equals(def.name())).findFirst()
                    .orElse(null);
            if (byUuid != null && !byUuid.name().equals(def.name())) {
                throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.DOMAIN,
                        "domain '" + byUuid.name() + "' is already defined with uuid " + def.uuid());
            }
            if (byName != null && byUuid == null) {
                throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.DOMAIN,
                        "domain '" + def.name() + "' already exists with uuid " + byName.uuid());
            }
            if (byUuid != null) {
                return new Claim(byUuid, false);
            }
            LxcDomain dom = new LxcDomain(def.uuid(), def.name());
            pending.add(dom);
            domains.put(def.uuid(), dom);
            return new Claim(dom, true);
        }
    }

    void publish(LxcDomain dom) {
        pending.remove(dom);
    }

    /** A transient domain disappears when it stops; an unused reservation too. Caller holds the domain's lock. */
    void removeIfTransient(LxcDomain dom) {
        if (!dom.isPersistent() && !dom.isActive()) {
            remove(dom);
        }
    }

    void remove(LxcDomain dom) {
        synchronized (registryLock) {
            domains.remove(dom.uuid(), dom);
            pending.remove(dom);
        }
    }

    // --- persistence ------------------------------------------------------------------------

    byte[] configRecord(DomainDef def) {
        return codec.format(def, DomainXmlCodec.FORMAT_INACTIVE | DomainXmlCodec.FORMAT_SECURE)
                .getBytes(StandardCharsets.UTF_8);
    }

    void saveConfig(LxcDomain dom, byte[] record) throws VirtException {
        store.write(STORE, RecordKind.CONFIG, dom.uuid().toString(), record);
    }

    void deleteConfig(LxcDomain dom) throws VirtException {
        saveAutostart(dom, false);
        store.delete(STORE, RecordKind.CONFIG, dom.uuid().toString());
    }

    void saveAutostart(LxcDomain dom, boolean on) throws VirtException {
        String key = dom.uuid() + AUTOSTART_SUFFIX;
        if (on) {
            store.write(STORE, RecordKind.CONFIG, key, new byte[] {'1'});
        } else {
            store.delete(STORE, RecordKind.CONFIG, key);
        }
    }

    /** Writes the runtime status of an active domain (caller holds its lock). */
    void saveStatus(LxcDomain dom) throws VirtException {
        String liveXml = codec.format(dom.liveDef(), DomainXmlCodec.FORMAT_SECURE);
        StatusRecord st = new StatusRecord(dom.name(), dom.id(), dom.process(), dom.state().state().number(),
                dom.state().reason(), liveXml);
        store.write(STORE, RecordKind.STATUS, dom.uuid().toString(), st.toBytes());
    }

    void deleteStatus(UUID uuid) {
        try {
            store.delete(STORE, RecordKind.STATUS, uuid.toString());
        } catch (VirtException e) {
            LOG.warn("container {}: cannot delete its runtime status: {}", uuid, e.getMessage());
        }
    }

    void emitDefined(LxcDomain dom, boolean updated) {
        events.emit(dom, dom.id(), DomainEventType.DEFINED, updated ? DomainEventType.DEFINED_UPDATED
                : DomainEventType.DEFINED_ADDED);
    }
}
