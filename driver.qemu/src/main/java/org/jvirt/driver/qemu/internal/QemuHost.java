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
                    lifecycle.start(d, d.persistentDef(), false);
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

    public Collection<QemuDomainObj> all() {
        List<QemuDomainObj> list = new ArrayList<>(domains.values());
        list.sort(Comparator.comparing(QemuDomainObj::name));
        return list;
    }

    public QemuDomainObj byUuid(UUID uuid) {
        return domains.get(uuid);
    }

    public QemuDomainObj byName(String name) {
        return domains.values().stream().filter(d -> d.name().equals(name)).findFirst().orElse(null);
    }

    public QemuDomainObj byId(int id) {
        return domains.values().stream().filter(d -> d.id() == id && d.isActive()).findFirst().orElse(null);
    }

    /** Registers a reattached domain; keeps ids unique. */
    void put(QemuDomainObj dom) {
        domains.put(dom.uuid(), dom);
        lastId.accumulateAndGet(dom.id(), Math::max);
    }

    /**
     * Finds or adds the domain for a new definition, enforcing libvirt's rules: a name belongs to
     * one UUID, a UUID to one name.
     */
    QemuDomainObj claim(DomainDef def, boolean forStart) throws VirtException {
        synchronized (registryLock) {
            QemuDomainObj byUuid = def.uuid() == null ? null : domains.get(def.uuid());
            QemuDomainObj byName = byName(def.name());
            if (byUuid != null && !byUuid.name().equals(def.name())) {
                throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU,
                        "domain '" + byUuid.name() + "' already exists with uuid " + def.uuid());
            }
            if (byName != null && byUuid == null) {
                throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU,
                        "domain '" + def.name() + "' already exists with uuid " + byName.uuid());
            }
            if (byUuid != null) {
                if (forStart && byUuid.isActive()) {
                    throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                            "domain '" + def.name() + "' is already active");
                }
                return byUuid;
            }
            QemuDomainObj dom = new QemuDomainObj(def.uuid(), def.name());
            domains.put(def.uuid(), dom);
            return dom;
        }
    }

    /** A transient domain disappears when it stops; an unused fresh entry too. */
    void removeIfTransient(QemuDomainObj dom) {
        synchronized (registryLock) {
            if (!dom.isPersistent() && !dom.isActive()) {
                domains.remove(dom.uuid(), dom);
            }
        }
    }

    // --- persistence ----------------------------------------------------------------------

    void saveConfig(QemuDomainObj dom, DomainDef def) throws VirtException {
        String xml = ctx.codec().format(def, DomainXmlCodec.FORMAT_INACTIVE | DomainXmlCodec.FORMAT_SECURE);
        ctx.store().write(ctx.storeDriver(), RecordKind.CONFIG, dom.uuid().toString(),
                xml.getBytes(StandardCharsets.UTF_8));
    }

    void deleteConfig(QemuDomainObj dom) throws VirtException {
        ctx.store().delete(ctx.storeDriver(), RecordKind.CONFIG, dom.uuid().toString());
        ctx.store().delete(ctx.storeDriver(), RecordKind.CONFIG, dom.uuid() + AUTOSTART_SUFFIX);
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
                dom.state().reason(), dom.vcpuThreads(), liveXml);
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
