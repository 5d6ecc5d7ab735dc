package org.jvirt.driver.qemu.internal;

import java.util.UUID;

import org.jvirt.api.DomainEventType;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.driver.qemu.internal.domain.QemuDomainObj;

/**
 * Persistent and transient definitions: define, undefine, createXML, autostart. Definitions are
 * validated (parsed, domain type, emulator) before anything is stored or started.
 */
final class Definitions {
    private final QemuHost host;

    Definitions(QemuHost host) {
        this.host = host;
    }

    private DomainDef parse(String xml, int flags) throws VirtException {
        if (xml == null || xml.isBlank()) {
            throw QemuErrors.invalidArg("xml in virDomainDefineXML must not be empty");
        }
        DomainDef def = host.context().codec().parse(xml, flags);
        DomainNames.check(def.name());
        if (!"qemu".equals(def.type()) && !"kvm".equals(def.type())) {
            throw QemuErrors.unsupported("Emulator '" + def.devices().emulator() + "' does not support virt type '"
                    + def.type() + "'");
        }
        host.context().emulators().find(def);
        if (def.memory() == null || def.memory().kib() <= 0) {
            throw QemuErrors.unsupported("Memory size must be specified via <memory> or in the <numa> configuration");
        }
        return def.uuid() == null ? def.withUuid(UUID.randomUUID()) : def;
    }

    QemuDomainObj define(String xml) throws VirtException {
        DomainDef def = parse(xml, DomainXmlCodec.PARSE_INACTIVE);
        DomainNames.checkDefinable(def.name());
        QemuDomainObj dom = host.claim(def, false);
        synchronized (dom) {
            boolean updated = dom.isPersistent();
            try {
                host.saveConfig(dom, def);
            } catch (VirtException e) {
                host.removeIfTransient(dom);
                throw e;
            }
            dom.setPersistentDef(def);
            host.emitDefined(dom, updated);
            return dom;
        }
    }

    QemuDomainObj createTransient(String xml, boolean paused) throws VirtException {
        DomainDef def = parse(xml, 0);
        QemuDomainObj dom = host.claim(def, true);
        try {
            host.lifecycle().start(dom, def, paused);
        } catch (VirtException e) {
            host.removeIfTransient(dom);
            throw e;
        }
        return dom;
    }

    void undefine(QemuDomainObj dom) throws VirtException {
        synchronized (dom) {
            if (!dom.isPersistent()) {
                throw QemuErrors.invalid("cannot undefine transient domain");
            }
            host.deleteConfig(dom);
            dom.setPersistentDef(null);
            dom.setAutostart(false);
            host.removeIfTransient(dom);
            host.events().emit(dom, DomainEventType.UNDEFINED, DomainEventType.UNDEFINED_REMOVED);
        }
    }

    void setAutostart(QemuDomainObj dom, boolean on) throws VirtException {
        synchronized (dom) {
            if (!dom.isPersistent()) {
                throw QemuErrors.invalid("cannot set autostart for transient domain");
            }
            host.saveAutostart(dom, on);
            dom.setAutostart(on);
        }
    }
}
