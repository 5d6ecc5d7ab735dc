package org.jvirt.driver.xen.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
 * The domains of {@code xen:///system}: the registry with libvirt's name and UUID rules, the
 * persistent definitions in the state store (config records: the inactive XML, and
 * {@code UUID.autostart}), the status records of running domains ({@link XenStatus}), the events.
 */
final class XenDomains {
    private static final Logger LOG = LoggerFactory.getLogger(XenDomains.class);
    static final String STORE = "libxl";
    private static final String AUTOSTART_SUFFIX = ".autostart";

    private final DomainXmlCodec codec;
    private final StateStore store;
    private final Map<UUID, XenDomain> domains = new ConcurrentHashMap<>();
    private final XenEvents events = new XenEvents();

    XenDomains(DomainXmlCodec codec, StateStore store) {
        this.codec = codec;
        this.store = store;
    }

    DomainXmlCodec codec() {
        return codec;
    }

    XenEvents events() {
        return events;
    }

    /** Reads the persistent definitions back (status records are for {@link XenReattach}). */
    void loadDefinitions() throws VirtException {
        Map<String, byte[]> configs = store.readAll(STORE, RecordKind.CONFIG);
        for (Map.Entry<String, byte[]> e : configs.entrySet()) {
            if (e.getKey().endsWith(AUTOSTART_SUFFIX)) {
                continue;
            }
            try {
                DomainDef def = codec.parse(new String(e.getValue(), StandardCharsets.UTF_8),
                        DomainXmlCodec.PARSE_INACTIVE);
                XenDomain dom = new XenDomain(def.uuid(), def.name());
                dom.setPersistentDef(def);
                dom.setAutostart(configs.containsKey(e.getKey() + AUTOSTART_SUFFIX));
                domains.putIfAbsent(def.uuid(), dom);
            } catch (VirtException | RuntimeException ex) {
                LOG.error("ignoring unreadable Xen domain definition {}: {}", e.getKey(), ex.getMessage());
            }
        }
    }

    List<XenDomain> all() {
        List<XenDomain> list = new ArrayList<>(domains.values());
        list.sort(Comparator.comparing(XenDomain::name));
        return list;
    }

    XenDomain byUuid(UUID uuid) {
        return domains.get(uuid);
    }

    XenDomain byName(String name) {
        return domains.values().stream().filter(d -> d.name().equals(name)).findFirst().orElse(null);
    }

    XenDomain byId(int id) {
        return domains.values().stream().filter(d -> d.isActive() && d.id() == id).findFirst().orElse(null);
    }

    /**
     * libvirt's {@code virDomainObjListAddLocked}: the registered domain for {@code def}, a new one
     * when there is none; a name belongs to one UUID, a UUID to one name. {@code live}: a domain about
     * to be created from {@code def} (createXML), which must not run already and gets {@code def} as
     * its running definition before anyone can find it (VIR_DOMAIN_OBJ_LIST_ADD_LIVE | CHECK_LIVE).
     */
    synchronized XenDomain claim(DomainDef def, boolean live) throws VirtException {
        XenDomain byUuid = domains.get(def.uuid());
        if (byUuid != null && !byUuid.name().equals(def.name())) {
            throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.DOMAIN,
                    "domain '" + byUuid.name() + "' is already defined with uuid " + def.uuid());
        }
        XenDomain byName = byName(def.name());
        if (byName != null && byUuid == null) {
            throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.DOMAIN,
                    "domain '" + def.name() + "' already exists with uuid " + byName.uuid());
        }
        if (byUuid != null) {
            synchronized (byUuid) {
                if (live && byUuid.isActive()) {
                    throw XenErrors.operationInvalid("domain '" + def.name() + "' is already active");
                }
                if (live && !byUuid.inJob()) {
                    byUuid.setLiveDef(def);
                }
            }
            return byUuid;
        }
        XenDomain dom = new XenDomain(def.uuid(), def.name());
        if (live) {
            dom.setLiveDef(def);
        }
        domains.put(def.uuid(), dom);
        return dom;
    }

    /** Registers a domain found running (reattach); keeps a registered one. */
    synchronized XenDomain adopt(XenDomain dom) {
        return domains.computeIfAbsent(dom.uuid(), u -> dom);
    }

    /** Drops a domain that is neither defined nor running (caller holds its monitor). */
    void removeIfUnused(XenDomain dom) {
        if (!dom.isPersistent() && !dom.isActive()) {
            domains.remove(dom.uuid(), dom);
        }
    }

    void saveConfig(XenDomain dom, DomainDef def) throws VirtException {
        byte[] record = codec.format(def, DomainXmlCodec.FORMAT_INACTIVE | DomainXmlCodec.FORMAT_SECURE)
                .getBytes(StandardCharsets.UTF_8);
        store.write(STORE, RecordKind.CONFIG, dom.uuid().toString(), record);
    }

    void deleteConfig(XenDomain dom) throws VirtException {
        saveAutostart(dom, false);
        store.delete(STORE, RecordKind.CONFIG, dom.uuid().toString());
    }

    void saveAutostart(XenDomain dom, boolean on) throws VirtException {
        String key = dom.uuid() + AUTOSTART_SUFFIX;
        if (on) {
            store.write(STORE, RecordKind.CONFIG, key, new byte[] {'1'});
        } else {
            store.delete(STORE, RecordKind.CONFIG, key);
        }
    }

    Map<String, byte[]> statusRecords() throws VirtException {
        return store.readAll(STORE, RecordKind.STATUS);
    }

    /** Writes the runtime status of an active domain (caller holds its monitor). */
    void saveStatus(XenDomain dom) throws VirtException {
        XenStatus st = new XenStatus(dom.id(), dom.state(), codec.format(dom.currentDef(), DomainXmlCodec.FORMAT_SECURE));
        store.write(STORE, RecordKind.STATUS, dom.uuid().toString(), st.toBytes());
    }

    void deleteStatus(XenDomain dom) {
        try {
            store.delete(STORE, RecordKind.STATUS, dom.uuid().toString());
        } catch (VirtException e) {
            LOG.warn("domain '{}': cannot delete its runtime status: {}", dom.name(), e.getMessage());
        }
    }

    void emit(XenDomain dom, DomainEventType type, int detail) {
        events.emit(dom, type, detail);
    }
}
