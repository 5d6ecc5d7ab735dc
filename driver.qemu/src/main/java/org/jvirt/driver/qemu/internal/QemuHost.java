package org.jvirt.driver.qemu.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.jvirt.api.DomainEventType;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.RecordKind;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.driver.qemu.internal.console.ConsoleSessions;
import org.jvirt.driver.qemu.internal.domain.QemuDomainObj;
import org.jvirt.driver.qemu.internal.domain.RuntimeStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The domains of one QEMU URI ({@code qemu:///system} or {@code qemu:///session}): the registry,
 * their persistence in the state store (config records hold the inactive XML, status records the
 * {@link RuntimeStatus} of running guests) and the lifecycle events. A new host reads both back
 * and reattaches to running guests.
 */
public final class QemuHost {
    private static final Logger LOG = LoggerFactory.getLogger(QemuHost.class);
    private static final String AUTOSTART_SUFFIX = ".autostart";

    private final HostContext ctx;
    private final Map<UUID, QemuDomainObj> domains = new ConcurrentHashMap<>();
    private final AtomicInteger lastId = new AtomicInteger();
    private final EventBus events = new EventBus();
    private final Lifecycle lifecycle;
    private final Object registryLock = new Object();
    /** Reservations for a define or create in progress (see {@link #claim}). */
    private final Set<QemuDomainObj> pending = ConcurrentHashMap.newKeySet();
    private final ConsoleSessions consoles = new ConsoleSessions();

    public QemuHost(HostContext ctx) {
        this.ctx = ctx;
        this.lifecycle = new Lifecycle(this);
    }

    public HostContext context() {
        return ctx;
    }

    public EventBus events() {
        return events;
    }

    public Lifecycle lifecycle() {
        return lifecycle;
    }

    /** The console sessions of every guest of this host. */
    public ConsoleSessions consoles() {
        return consoles;
    }

    int nextId() {
        return lastId.incrementAndGet();
    }

    /** Loads the definitions and reattaches to the guests that still run. */
    public void load() throws VirtException {
        Map<String, byte[]> configs = ctx.store().readAll(ctx.storeDriver(), RecordKind.CONFIG);
        for (Map.Entry<String, byte[]> e : configs.entrySet()) {
            if (e.getKey().endsWith(AUTOSTART_SUFFIX)) {
                continue;
            }
            try {
                // not validated against the emulator (libvirt's VIR_DOMAIN_DEF_PARSE_SKIP_VALIDATE when it
                // loads its configs): a definition stricter checks refuse is kept, and its start says why
                DomainDef def = ctx.codec().parse(new String(e.getValue(), StandardCharsets.UTF_8),
                        DomainXmlCodec.PARSE_INACTIVE);
                QemuDomainObj dom = new QemuDomainObj(def.uuid(), def.name());
                dom.setPersistentDef(def);
                dom.setAutostart(configs.containsKey(e.getKey() + AUTOSTART_SUFFIX));
                domains.put(def.uuid(), dom);
            } catch (VirtException | RuntimeException ex) {
                LOG.error("ignoring unreadable domain definition {} of {}: {}", e.getKey(), ctx.storeDriver(),
                        ex.getMessage());
            }
        }
        Map<String, byte[]> statuses = ctx.store().readAll(ctx.storeDriver(), RecordKind.STATUS);
        new Reattach(this).all(statuses);
        new RunDirSweep(ctx.runDir()).sweep(domains.values());
        autostart();
    }

    /**
     * Starts the inactive autostart domains once per host boot (a marker in the run folder holds
     * the boot id), so a driver update or restart does not start what a user stopped.
     */
    private void autostart() {
        Path marker = ctx.runDir().resolve("autostarted");
        String boot = read(Path.of("/proc/sys/kernel/random/boot_id"));
        if (boot.isEmpty() || boot.equals(read(marker))) {
            return;
        }
        for (QemuDomainObj d : all()) {
            if (d.autostart() && !d.isActive() && d.persistentDef() != null) {
                try {
                    // libvirt's qemuAutostartDomain goes through qemuDomainObjStart: a saved guest resumes
                    new ManagedSave(this).start(d, d.persistentDef(), false, false);
                } catch (VirtException e) {
                    LOG.error("autostart of domain '{}' failed: {}", d.name(), e.getMessage());
                }
            }
        }
        try {
            Files.createDirectories(ctx.runDir());
            Files.writeString(marker, boot);
        } catch (IOException e) {
            LOG.warn("cannot write {}: {}", marker, e.toString());
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p).strip();
        } catch (IOException e) {
            return "";
        }
    }

    // --- registry -------------------------------------------------------------------------

    /*
     * The map also holds entries that only reserve a name and UUID for a define or create in
     * progress (in `pending` until they are defined or running). Lookups and lists skip them, so
     * no caller sees a domain that then disappears because its define or create failed. The
     * registry lock is never held while waiting for a domain's lock (a domain that stops takes
     * the registry lock while holding its own).
     */

    public Collection<QemuDomainObj> all() {
        List<QemuDomainObj> list = new ArrayList<>(domains.values().stream().filter(this::isPublished).toList());
        list.sort(Comparator.comparing(QemuDomainObj::name));
        return list;
    }

    public QemuDomainObj byUuid(UUID uuid) {
        QemuDomainObj d = domains.get(uuid);
        return d != null && isPublished(d) ? d : null;
    }

    public QemuDomainObj byName(String name) {
        return domains.values().stream().filter(d -> isPublished(d) && d.name().equals(name)).findFirst()
                .orElse(null);
    }

    public QemuDomainObj byId(int id) {
        return domains.values().stream().filter(d -> isPublished(d) && d.id() == id && d.isActive()).findFirst()
                .orElse(null);
    }

    private boolean isPublished(QemuDomainObj d) {
        return !pending.contains(d);
    }

    /**
     * True while {@code dom} is this host's entry for its UUID. A caller that waited for the
     * domain's lock checks it: meanwhile the entry may have been removed (undefined, or a failed
     * define dropped it), and changing it would change nothing anyone can see.
     */
    boolean isRegistered(QemuDomainObj dom) {
        return domains.get(dom.uuid()) == dom;
    }

    /** Registers a reattached domain; keeps ids unique. */
    void put(QemuDomainObj dom) {
        domains.put(dom.uuid(), dom);
        lastId.accumulateAndGet(dom.id(), Math::max);
    }

    /**
     * The entry for a new definition, enforcing libvirt's name rules ({@code virDomainObjListAddLocked}):
     * a name belongs to one UUID, a UUID to one name. A new entry is a reservation: invisible until
     * {@link #publish}, removed by {@link #removeIfTransient} if its define or create fails. The
     * caller checks the domain's state once it holds the domain's lock.
     */
    QemuDomainObj claim(DomainDef def) throws VirtException {
        return reserve(def).dom();
    }

    /** A registry entry and whether this call made it (a new reservation of the caller's own). */
    record Claim(QemuDomainObj dom, boolean fresh) {
    }

    /** {@link #claim}, saying whether the entry is new. */
    Claim reserve(DomainDef def) throws VirtException {
        synchronized (registryLock) {
            QemuDomainObj byUuid = def.uuid() == null ? null : domains.get(def.uuid());
            QemuDomainObj byName = domains.values().stream().filter(d -> d.name().equals(def.name())).findFirst()
                    .orElse(null);
            if (byUuid != null && !byUuid.name().equals(def.name())) {
                throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU,
                        "domain '" + byUuid.name() + "' is already defined with uuid " + def.uuid());
            }
            if (byName != null && byUuid == null) {
                throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU,
                        "domain '" + def.name() + "' already exists with uuid " + byName.uuid());
            }
            if (byUuid != null) {
                return new Claim(byUuid, false);
            }
            QemuDomainObj dom = new QemuDomainObj(def.uuid(), def.name());
            pending.add(dom);
            domains.put(def.uuid(), dom);
            return new Claim(dom, true);
        }
    }

    /** The domain is complete (defined, or running): callers may see it from now on. */
    void publish(QemuDomainObj dom) {
        pending.remove(dom);
    }

    /** Forgets an undefined inactive domain. */
    void remove(QemuDomainObj dom) {
        synchronized (registryLock) {
            domains.remove(dom.uuid(), dom);
            pending.remove(dom);
        }
    }

    /** A transient domain disappears when it stops; an unused reservation too. Caller holds the domain's lock. */
    void removeIfTransient(QemuDomainObj dom) {
        boolean gone = !dom.isPersistent() && !dom.isActive();
        if (gone) {
            synchronized (registryLock) {
                domains.remove(dom.uuid(), dom);
                pending.remove(dom);
            }
        }
    }

    // --- persistence ----------------------------------------------------------------------

    /**
     * The definition as its config record holds it. Formatting comes first, before anything is
     * registered or written, so a definition the formatter cannot write changes nothing.
     */
    byte[] configRecord(DomainDef def) throws VirtException {
        try {
            return ctx.codec().format(def, DomainXmlCodec.FORMAT_INACTIVE | DomainXmlCodec.FORMAT_SECURE)
                    .getBytes(StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU,
                    "cannot format the definition of domain '" + def.name() + "': " + e.getMessage(), e);
        }
    }

    void saveConfig(QemuDomainObj dom, byte[] configRecord) throws VirtException {
        ctx.store().write(ctx.storeDriver(), RecordKind.CONFIG, dom.uuid().toString(), configRecord);
    }

    /**
     * Deletes the definition and its autostart mark, all or nothing: the mark goes first, and is
     * written back if the definition cannot be deleted (a mark without a definition is never
     * read, a definition without its mark would lose the autostart).
     */
    void deleteConfig(QemuDomainObj dom) throws VirtException {
        boolean autostart = dom.autostart();
        saveAutostart(dom, false);
        try {
            ctx.store().delete(ctx.storeDriver(), RecordKind.CONFIG, dom.uuid().toString());
        } catch (VirtException | RuntimeException e) {
            if (autostart) {
                try {
                    saveAutostart(dom, true);
                } catch (VirtException | RuntimeException again) {
                    LOG.error("domain '{}': its autostart mark could not be restored: {}", dom.name(),
                            again.getMessage());
                }
            }
            throw e;
        }
    }

    void saveAutostart(QemuDomainObj dom, boolean on) throws VirtException {
        String key = dom.uuid() + AUTOSTART_SUFFIX;
        if (on) {
            ctx.store().write(ctx.storeDriver(), RecordKind.CONFIG, key, new byte[] {'1'});
        } else {
            ctx.store().delete(ctx.storeDriver(), RecordKind.CONFIG, key);
        }
    }

    /** Writes the runtime status of an active domain (caller holds its lock). */
    void saveStatus(QemuDomainObj dom) throws VirtException {
        String liveXml = ctx.codec().format(dom.liveDef(), DomainXmlCodec.FORMAT_SECURE);
        RuntimeStatus st = new RuntimeStatus(dom.name(), dom.id(), dom.pid(), dom.startTime(),
                dom.monitorPath().toString(), dom.logPath().toString(), dom.state().state().number(),
                dom.state().reason(), dom.vcpuThreads(), liveXml, dom.fakeReboot());
        ctx.store().write(ctx.storeDriver(), RecordKind.STATUS, dom.uuid().toString(), st.toBytes());
    }

    void saveStatusQuietly(QemuDomainObj dom) {
        try {
            saveStatus(dom);
        } catch (VirtException | RuntimeException e) {
            LOG.warn("domain '{}': cannot save runtime status: {}", dom.name(), e.getMessage());
        }
    }

    void deleteStatus(QemuDomainObj dom) {
        try {
            ctx.store().delete(ctx.storeDriver(), RecordKind.STATUS, dom.uuid().toString());
        } catch (VirtException e) {
            LOG.warn("domain '{}': cannot delete runtime status: {}", dom.name(), e.getMessage());
        }
    }

    void emitDefined(QemuDomainObj dom, boolean updated) {
        events.emit(dom, DomainEventType.DEFINED, updated ? DomainEventType.DEFINED_UPDATED
                : DomainEventType.DEFINED_ADDED);
    }

    /** Closes every monitor; guests keep running. */
    public void close() {
        for (QemuDomainObj d : domains.values()) {
            synchronized (d) {
                if (d.qmp() != null) {
                    d.qmp().close();
                }
            }
        }
    }
}
