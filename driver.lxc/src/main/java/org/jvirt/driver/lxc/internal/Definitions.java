package org.jvirt.driver.lxc.internal;

import java.util.UUID;

import org.jvirt.api.DomainEventType;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.DomainXmlCodec;

/**
 * Persistent and transient definitions: define, undefine, createXML, autostart. A definition is
 * parsed, completed (libvirt's LXC post-parse) and checked before anything is registered, stored
 * or started; a domain is visible only once it is defined or running.
 */
final class Definitions {
    private final LxcHost host;
    private final ContainerLifecycle lifecycle;

    Definitions(LxcHost host, ContainerLifecycle lifecycle) {
        this.host = host;
        this.lifecycle = lifecycle;
    }

    private DomainDef parse(String xml, int flags) throws VirtException {
        if (xml == null || xml.isBlank()) {
            throw LxcErrors.invalidArg("xml in virDomainDefineXML must not be empty");
        }
        DomainDef def = LxcDefinitionCheck.postParse(host.codec().parse(xml, flags, LxcDefinitionCheck.DEFAULTS));
        LxcDefinitionCheck.check(def);
        return def.uuid() == null ? def.withUuid(UUID.randomUUID()) : def;
    }

    /** {@code lxcDomainDefineXMLFlags}. */
    LxcDomain define(String xml) throws VirtException {
        DomainDef def = parse(xml, DomainXmlCodec.PARSE_INACTIVE);
        byte[] record = host.configRecord(def);
        while (true) {
            LxcDomain dom = host.reserve(def).dom();
            synchronized (dom) {
                if (!host.isRegistered(dom)) {
                    continue;   // undefined or dropped while we waited for its lock
                }
                boolean updated = dom.isPersistent();
                boolean stored = false;
                try {
                    host.saveConfig(dom, record);
                    dom.setPersistentDef(def);
                    host.publish(dom);
                    stored = true;
                } finally {
                    if (!stored) {
                        host.removeIfTransient(dom);
                    }
                }
                host.emitDefined(dom, updated);
                return dom;
            }
        }
    }

    /** {@code lxcDomainCreateXMLWithFiles}: the domain exists once its container runs. */
    LxcDomain createTransient(String xml) throws VirtException {
        DomainDef def = parse(xml, 0);
        while (true) {
            LxcHost.Claim claim = host.reserve(def);
            LxcDomain dom = claim.dom();
            synchronized (dom) {
                if (!host.isRegistered(dom)) {
                    continue;
                }
                if (dom.isActive()) {
                    throw LxcErrors.invalid("domain '" + dom.name() + "' is already active");
                }
                if (!claim.fresh() && !dom.isPersistent()) {
                    throw LxcErrors.invalid("domain '" + dom.name() + "' is already being started");
                }
                boolean started = false;
                try {
                    lifecycle.start(dom, def);
                    host.publish(dom);
                    started = true;
                } finally {
                    if (!started) {
                        host.removeIfTransient(dom);
                    }
                }
                return dom;
            }
        }
    }

    /** {@code lxcDomainUndefineFlags}: a running domain goes on as a transient one. */
    void undefine(LxcDomain dom) throws VirtException {
        synchronized (dom) {
            checkRegistered(dom);
            if (!dom.isPersistent()) {
                throw LxcErrors.invalid("Cannot undefine transient domain");
            }
            host.deleteConfig(dom);
            dom.setPersistentDef(null);
            dom.setAutostart(false);
            if (!dom.isActive()) {
                host.remove(dom);
            }
            host.events().emit(dom, dom.id(), DomainEventType.UNDEFINED, DomainEventType.UNDEFINED_REMOVED);
        }
    }

    void setAutostart(LxcDomain dom, boolean on) throws VirtException {
        synchronized (dom) {
            checkRegistered(dom);
            if (!dom.isPersistent()) {
                throw LxcErrors.invalid("Cannot set autostart for transient domain");
            }
            host.saveAutostart(dom, on);
            dom.setAutostart(on);
        }
    }

    void checkRegistered(LxcDomain dom) throws VirtException {
        if (!host.isRegistered(dom)) {
            throw LxcErrors.noDomain(dom.uuid(), dom.name());
        }
    }
}
