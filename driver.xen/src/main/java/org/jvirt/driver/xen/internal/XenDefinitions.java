package org.jvirt.driver.xen.internal;

import java.util.UUID;

import org.jvirt.api.DomainEventType;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.DomainXmlCodec;

/**
 * Persistent and transient definitions ({@code libxlDomainDefineXMLFlags},
 * {@code libxlDomainUndefineFlags}, {@code libxlDomainCreateXML}, autostart). A definition is
 * parsed and checked before anything is registered or stored; a domain that is neither defined nor
 * running is dropped again, so a failed define or create leaves nothing behind.
 */
final class XenDefinitions {
    private final XenDomains domains;
    private final XenLifecycle lifecycle;

    XenDefinitions(XenDomains domains, XenLifecycle lifecycle) {
        this.domains = domains;
        this.lifecycle = lifecycle;
    }

    private DomainDef parse(String xml, int flags, String function) throws VirtException {
        if (xml == null || xml.isBlank()) {
            throw XenErrors.invalidArg("xml in " + function + " must not be empty");
        }
        DomainDef def = domains.codec().parse(xml, flags);
        if (!"xen".equals(def.type())) {
            throw XenErrors.invalidArg("unsupported domain type '" + def.type()
                    + "': the libxl driver runs domains of type 'xen'");
        }
        return def.uuid() == null ? def.withUuid(UUID.randomUUID()) : def;
    }

    XenDomain define(String xml) throws VirtException {
        DomainDef def = parse(xml, DomainXmlCodec.PARSE_INACTIVE, "virDomainDefineXML");
        XenDomain dom = domains.claim(def, false);
        synchronized (dom) {
            boolean updated = dom.isPersistent();
            try {
                domains.saveConfig(dom, def);
                dom.setPersistentDef(def);
            } finally {
                domains.removeIfUnused(dom);
            }
            domains.emit(dom, DomainEventType.DEFINED, updated ? DomainEventType.DEFINED_UPDATED
                    : DomainEventType.DEFINED_ADDED);
            return dom;
        }
    }

    /** {@code libxlDomainCreateXML}: the domain exists while Xen runs it. */
    XenDomain createTransient(String xml, boolean paused) throws VirtException {
        DomainDef def = parse(xml, 0, "virDomainCreateXML");
        // registered with its definition at once (libvirt's VIR_DOMAIN_OBJ_LIST_ADD_LIVE): lookups,
        // lists and dominfo see a shut off domain while it is being created, never one without a definition
        XenDomain dom = domains.claim(def, true);
        try {
            dom.job("create", () -> {
                lifecycle.start(dom, def, paused);
                return null;
            });
        } finally {
            dom.clearLiveDefIfInactive();
            synchronized (dom) {
                domains.removeIfUnused(dom);
            }
        }
        return dom;
    }

    /** {@code libxlDomainCreateWithFlags}: starts the persistent definition. */
    void start(XenDomain dom, boolean paused) throws VirtException {
        dom.job("start", () -> {
            DomainDef def = dom.persistentDef();
            if (def == null && !dom.isActive()) {
                throw XenErrors.noDomain(dom);
            }
            lifecycle.start(dom, def, paused);
            return null;
        });
    }

    /** {@code libxlDomainUndefineFlags}: a running domain goes on as a transient one. */
    void undefine(XenDomain dom) throws VirtException {
        dom.job("undefine", () -> undefineInJob(dom));
    }

    private Void undefineInJob(XenDomain dom) throws VirtException {
        synchronized (dom) {
            if (!dom.isPersistent()) {
                throw XenErrors.operationInvalid("Cannot undefine transient domain");
            }
            domains.deleteConfig(dom);
            dom.setPersistentDef(null);
            dom.setAutostart(false);
            domains.emit(dom, DomainEventType.UNDEFINED, DomainEventType.UNDEFINED_REMOVED);
            domains.removeIfUnused(dom);
            return null;
        }
    }

    void setAutostart(XenDomain dom, boolean on) throws VirtException {
        synchronized (dom) {
            if (!dom.isPersistent()) {
                throw XenErrors.operationInvalid("cannot set autostart for transient domain");
            }
            domains.saveAutostart(dom, on);
            dom.setAutostart(on);
        }
    }
}
