package org.jvirt.driver.qemu.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.jvirt.api.DomainEventType;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.driver.qemu.internal.domain.QemuDomainObj;

/**
 * Persistent and transient definitions: define, undefine, createXML, autostart. Definitions are
 * validated (parsed, domain type, emulator, the QEMU driver's checks against the emulator's
 * capabilities) and formatted before anything is registered, stored or started; each change is all or nothing, and a domain is visible only once it is complete.
 */
final class Definitions {
    /** virDomainUndefineFlagsValues: MANAGED_SAVE, SNAPSHOTS_METADATA, NVRAM, KEEP_NVRAM, CHECKPOINTS_METADATA, TPM, KEEP_TPM. */
    private static final int UNDEFINE_MANAGED_SAVE = 1;
    private static final int UNDEFINE_NVRAM = 4;
    private static final int UNDEFINE_KEEP_NVRAM = 8;
    private static final int UNDEFINE_FLAGS = 0x7f;

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
        Path emulator = host.context().emulators().find(def);
        if (def.memory() == null || def.memory().kib() <= 0) {
            throw QemuErrors.unsupported("Memory size must be specified via <memory> or in the <numa> configuration");
        }
        // libvirt's post-parse and validation against the emulator's capabilities (virDomainDefParseString
        // without VIR_DOMAIN_DEF_PARSE_SKIP_VALIDATE); the definitions read back at load skip them
        host.context().argv().validate(def, emulator);
        return def.uuid() == null ? def.withUuid(UUID.randomUUID()) : def;
    }

    /**
     * {@code qemuDomainDefineXMLFlags}: validated and formatted first; the domain is published
     * (becomes persistent) only once its definition is stored. A new domain whose definition
     * cannot be stored is dropped before anyone could see it; a redefined one keeps its old
     * definition (libvirt's restore of {@code oldDef}).
     */
    QemuDomainObj define(String xml) throws VirtException {
        DomainDef def = parse(xml, DomainXmlCodec.PARSE_INACTIVE);
        DomainNames.checkDefinable(def.name());
        byte[] config = host.configRecord(def);
        while (true) {
            QemuDomainObj dom = host.claim(def);
            synchronized (dom) {
                if (!host.isRegistered(dom)) {
                    continue; // undefined or dropped while we waited for it: claim anew
                }
                boolean updated = dom.isPersistent();
                boolean stored = false;
                try {
                    host.saveConfig(dom, config);
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

    /**
     * {@code qemuDomainCreateXML}: the domain is published once its emulator runs; if the start
     * fails, the name and UUID it reserved are free again.
     */
    QemuDomainObj createTransient(String xml, boolean paused) throws VirtException {
        DomainDef def = parse(xml, 0);
        return startNew(def, dom -> host.lifecycle().start(dom, def, paused));
    }

    /** How a new guest is brought up once its name and UUID are claimed: a start, a restore. */
    interface Starter {
        void start(QemuDomainObj dom) throws VirtException;
    }

    /**
     * A new guest of {@code def} claimed (virDomainObjListAdd with CHECK_LIVE), brought up by
     * {@code starter} under its lock and published; if that fails, the name and UUID it reserved are
     * free again.
     */
    QemuDomainObj startNew(DomainDef def, Starter starter) throws VirtException {
        while (true) {
            QemuHost.Claim claim = host.reserve(def);
            QemuDomainObj dom = claim.dom();
            synchronized (dom) {
                if (!host.isRegistered(dom)) {
                    continue; // a failed define or create dropped it while we waited: claim anew
                }
                checkStartable(dom, claim.fresh());
                boolean started = false;
                try {
                    starter.start(dom);
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

    /**
     * {@code virDomainObjListAdd} with {@code CHECK_LIVE}: an active domain cannot be created
     * again, and an entry someone else reserved and nobody has completed yet belongs to a start
     * in progress (libvirt's "is already being started"). Lock held.
     */
    private static void checkStartable(QemuDomainObj dom, boolean claimedFresh) throws VirtException {
        if (dom.isActive()) {
            throw QemuErrors.invalid("domain '" + dom.name() + "' is already active");
        }
        if (!claimedFresh && !dom.isPersistent()) {
            throw QemuErrors.invalid("domain '" + dom.name() + "' is already being started");
        }
    }

    /**
     * {@code qemuDomainUndefineFlags}: a running domain goes on as a transient one. A managed save
     * image is removed with {@code VIR_DOMAIN_UNDEFINE_MANAGED_SAVE}, else it keeps the domain.
     */
    void undefine(QemuDomainObj dom, int flags) throws VirtException {
        QemuErrors.checkFlags(flags, UNDEFINE_FLAGS, "qemuDomainUndefineFlags");
        if ((flags & UNDEFINE_NVRAM) != 0 && (flags & UNDEFINE_KEEP_NVRAM) != 0) {
            throw QemuErrors.invalid("cannot both keep and delete nvram");
        }
        synchronized (dom) {
            checkRegistered(dom);
            if (!dom.isPersistent()) {
                throw QemuErrors.invalid("cannot undefine transient domain");
            }
            Path image = ManagedSave.imagePath(host.context(), dom);
            if (Files.exists(image)) {
                if ((flags & UNDEFINE_MANAGED_SAVE) == 0) {
                    throw QemuErrors.invalid("Refusing to undefine while domain managed save image exists");
                }
                try {
                    Files.delete(image);
                } catch (IOException e) {
                    throw QemuErrors.internal("Failed to remove domain managed save image");
                }
            }
            host.deleteConfig(dom);
            if (dom.isActive()) {
                dom.setPersistentDef(null);
                dom.setAutostart(false);
            } else {
                // the object stays whole: a caller that found it a moment ago reads it as it was
                host.remove(dom);
            }
            host.events().emit(dom, DomainEventType.UNDEFINED, DomainEventType.UNDEFINED_REMOVED);
        }
    }

    void setAutostart(QemuDomainObj dom, boolean on) throws VirtException {
        synchronized (dom) {
            checkRegistered(dom);
            if (!dom.isPersistent()) {
                throw QemuErrors.invalid("cannot set autostart for transient domain");
            }
            host.saveAutostart(dom, on);
            dom.setAutostart(on);
        }
    }

    /**
     * virDomainCreateWithFlags: starts a defined domain that is not running, from its managed save
     * image if it has one and {@code forceBoot} is not set.
     */
    void start(QemuDomainObj dom, boolean paused, boolean forceBoot) throws VirtException {
        synchronized (dom) {
            // an undefine between the lookup and the lock leaves nothing to start
            checkRegistered(dom);
            DomainDef def = dom.persistentDef();
            if (def == null) {
                throw QemuErrors.invalid("domain is already running");
            }
            new ManagedSave(host).start(dom, def, paused, forceBoot);
        }
    }

    /** The domain was looked up, then undefined by someone else before its lock was ours. Lock held. */
    void checkRegistered(QemuDomainObj dom) throws VirtException {
        if (!host.isRegistered(dom)) {
            throw QemuErrors.noDomain(dom.uuid(), dom.name());
        }
    }
}
