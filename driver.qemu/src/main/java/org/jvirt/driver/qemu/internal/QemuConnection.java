package org.jvirt.driver.qemu.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.UUID;

import org.jvirt.api.ConsoleFlag;
import org.jvirt.api.CreateFlag;
import org.jvirt.api.DefineFlag;
import org.jvirt.api.DomainInfo;
import org.jvirt.api.DomainState;
import org.jvirt.api.DomainStateInfo;
import org.jvirt.api.Flag;
import org.jvirt.api.ListFlag;
import org.jvirt.api.MemoryStat;
import org.jvirt.api.NodeInfo;
import org.jvirt.api.SchedulerType;
import org.jvirt.api.SecurityLabel;
import org.jvirt.api.SecurityModel;
import org.jvirt.api.Stream;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.VcpuInfo;
import org.jvirt.api.VirtException;
import org.jvirt.api.XmlFlag;
import org.jvirt.api.spi.DomainEventSink;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.DomainStatsRecord;
import org.jvirt.api.spi.DriverConnection;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.driver.qemu.internal.console.ConsoleDevices;
import org.jvirt.driver.qemu.internal.domain.QemuDomainObj;
import org.jvirt.driver.qemu.internal.process.ProcStat;

/** A connection to {@code qemu:///system} or {@code qemu:///session}: libvirt's QEMU driver table. */
final class QemuConnection implements DriverConnection {
    private final QemuDriver driver;
    private final QemuHost host;
    private final GuestControl guests;
    private final Definitions definitions;
    private final VcpuPinning pinning;
    private final SchedulerTuning scheduler;
    private final MemoryTuning memoryTuning;
    private final BlkioTuning blkioTuning;
    private final EmulatorPinning emulatorPinning;
    private final MemoryResize memory;
    private final VcpuResize vcpus;
    private final DomainStatsCollector stats;
    private volatile DomainEventSink sink;
    private volatile boolean closed;

    QemuConnection(QemuDriver driver, QemuHost host) {
        this.driver = driver;
        this.host = host;
        this.guests = new GuestControl(host);
        this.definitions = new Definitions(host);
        this.pinning = new VcpuPinning(host, guests);
        TuneTarget tuning = new TuneTarget(host);
        this.scheduler = new SchedulerTuning(tuning);
        this.memoryTuning = new MemoryTuning(tuning);
        this.blkioTuning = new BlkioTuning(tuning);
        this.emulatorPinning = new EmulatorPinning(tuning);
        this.memory = new MemoryResize(host);
        this.vcpus = new VcpuResize(host);
        this.stats = new DomainStatsCollector(host);
    }

    @Override
    public String type() {
        return "QEMU";
    }

    @Override
    public long hypervisorVersion() throws VirtException {
        return driver.qemuVersion();
    }

    @Override
    public String hostname() throws VirtException {
        try {
            return InetAddress.getLocalHost().getCanonicalHostName();
        } catch (UnknownHostException e) {
            throw QemuErrors.system("cannot find the host name: " + e.getMessage());
        }
    }

    @Override
    public String capabilities() throws VirtException {
        return driver.hostCapabilities().capabilities(host.context().security().secmodelXml());
    }

    @Override
    public NodeInfo nodeInfo() throws VirtException {
        return driver.hostCapabilities().nodeInfo();
    }

    @Override
    public int maxVcpus(String type) throws VirtException {
        return driver.hostCapabilities().maxVcpus(type);
    }

    @Override
    public String domainXmlToNative(String nativeFormat, String xml, int flags) throws VirtException {
        QemuErrors.checkFlags(flags, 0, "qemuConnectDomainXMLToNative");
        return driver.hostCapabilities().domainXmlToNative(host.context().codec(), nativeFormat, xml,
                host.context().runDir());
    }

    @Override
    public List<DomainRef> listAllDomains(int flags) {
        return host.all().stream().filter(d -> matches(d, flags)).map(QemuDomainObj::ref).toList();
    }

    static boolean matches(QemuDomainObj d, int flags) {
        boolean active = d.isActive();
        DomainState s = d.state().state();
        return pair(flags, ListFlag.ACTIVE, ListFlag.INACTIVE, active)
                && pair(flags, ListFlag.PERSISTENT, ListFlag.TRANSIENT, d.isPersistent())
                && pair(flags, ListFlag.AUTOSTART, ListFlag.NO_AUTOSTART, d.autostart())
                && states(flags, s);
    }

    private static boolean pair(int flags, ListFlag yes, ListFlag no, boolean value) {
        boolean y = Flag.isSet(flags, yes);
        boolean n = Flag.isSet(flags, no);
        return y == n || (y ? value : !value);
    }

    private static boolean states(int flags, DomainState s) {
        int mask = Flag.mask(ListFlag.RUNNING, ListFlag.PAUSED, ListFlag.SHUTOFF, ListFlag.OTHER);
        if ((flags & mask) == 0) {
            return true;
        }
        return switch (s) {
            case RUNNING -> Flag.isSet(flags, ListFlag.RUNNING);
            case PAUSED -> Flag.isSet(flags, ListFlag.PAUSED);
            case SHUTOFF -> Flag.isSet(flags, ListFlag.SHUTOFF);
            default -> Flag.isSet(flags, ListFlag.OTHER);
        };
    }

    @Override
    public DomainRef lookupByName(String name) throws VirtException {
        QemuDomainObj d = host.byName(name);
        if (d == null) {
            throw QemuErrors.noDomain("no domain with matching name '" + name + "'");
        }
        return d.ref();
    }

    @Override
    public DomainRef lookupByUuid(UUID uuid) throws VirtException {
        QemuDomainObj d = host.byUuid(uuid);
        if (d == null) {
            throw QemuErrors.noDomain("no domain with matching uuid '" + uuid + "'");
        }
        return d.ref();
    }

    @Override
    public DomainRef lookupById(int id) throws VirtException {
        QemuDomainObj d = host.byId(id);
        if (d == null) {
            throw QemuErrors.noDomain("no domain with matching id " + id);
        }
        return d.ref();
    }

    @Override
    public DomainRef defineXml(String xml, int flags) throws VirtException {
        QemuErrors.checkFlags(flags, Flag.mask(DefineFlag.VALIDATE), "qemuDomainDefineXMLFlags");
        return definitions.define(xml).ref();
    }

    @Override
    public DomainRef createXml(String xml, int flags) throws VirtException {
        QemuErrors.checkFlags(flags, Flag.mask(CreateFlag.START_PAUSED, CreateFlag.START_VALIDATE),
                "qemuDomainCreateXML");
        return definitions.createTransient(xml, Flag.isSet(flags, CreateFlag.START_PAUSED)).ref();
    }

    @Override
    public void setEventSink(DomainEventSink newSink) {
        DomainEventSink old = this.sink;
        if (old != null) {
            host.events().remove(old);
        }
        this.sink = newSink;
        if (newSink != null && !closed) {
            host.events().add(newSink);
        }
    }

    QemuDomainObj find(DomainRef ref) throws VirtException {
        QemuDomainObj d = host.byUuid(ref.uuid());
        if (d == null) {
            throw QemuErrors.noDomain(ref.uuid(), ref.name());
        }
        return d;
    }

    /**
     * The definition in effect of a domain found a moment ago. A transient domain that stopped
     * since has none left: for the caller it is gone (libvirt's lookup would not find it). Lock held.
     */
    private static DomainDef definitionOf(QemuDomainObj d) throws VirtException {
        DomainDef def = d.def();
        if (def == null) {
            throw QemuErrors.noDomain(d.uuid(), d.name());
        }
        return def;
    }

    @Override
    public String osType(DomainRef dom) throws VirtException {
        QemuDomainObj d = find(dom);
        DomainDef def;
        synchronized (d) {
            def = definitionOf(d);
        }
        return def.os() == null || def.os().type() == null ? "hvm" : def.os().type();
    }

    @Override
    public DomainStateInfo state(DomainRef dom) throws VirtException {
        return find(dom).state();
    }

    @Override
    public DomainInfo info(DomainRef ref) throws VirtException {
        QemuDomainObj d = find(ref);
        synchronized (d) {
            DomainDef def = definitionOf(d);
            long cpuTime = d.isActive() ? ProcStat.ofProcess(d.pid()).map(ProcStat::cpuTimeNs).orElse(0L) : 0;
            return new DomainInfo(d.state().state(), def.memory().kib(), def.currentMemoryKib(), def.vcpu().current(),
                    cpuTime);
        }
    }

    @Override
    public boolean isPersistent(DomainRef dom) throws VirtException {
        return find(dom).isPersistent();
    }

    @Override
    public void create(DomainRef ref, int flags) throws VirtException {
        QemuErrors.checkFlags(flags, Flag.mask(CreateFlag.START_PAUSED), "qemuDomainCreateWithFlags");
        QemuDomainObj d = find(ref);
        synchronized (d) {
            // an undefine between the lookup and the lock leaves nothing to start
            definitions.checkRegistered(d);
            DomainDef def = d.persistentDef();
            if (def == null) {
                throw QemuErrors.invalid("domain is already running");
            }
            host.lifecycle().start(d, def, Flag.isSet(flags, CreateFlag.START_PAUSED));
        }
    }

    @Override
    public void destroy(DomainRef ref, int flags) throws VirtException {
        QemuErrors.checkFlags(flags, 1, "qemuDomainDestroyFlags");
        host.lifecycle().destroy(find(ref));
    }

    @Override
    public void shutdown(DomainRef ref, int flags) throws VirtException {
        guests.shutdown(find(ref), flags);
    }

    @Override
    public void reboot(DomainRef ref, int flags) throws VirtException {
        guests.reboot(find(ref), flags);
    }

    @Override
    public void suspend(DomainRef ref) throws VirtException {
        guests.suspend(find(ref));
    }

    @Override
    public void resume(DomainRef ref) throws VirtException {
        guests.resume(find(ref));
    }

    @Override
    public void undefine(DomainRef ref, int flags) throws VirtException {
        definitions.undefine(find(ref));
    }

    @Override
    public String xmlDesc(DomainRef ref, int flags) throws VirtException {
        QemuErrors.checkFlags(flags, Flag.mask(XmlFlag.SECURE, XmlFlag.INACTIVE, XmlFlag.UPDATE_CPU, XmlFlag.MIGRATABLE),
                "qemuDomainGetXMLDesc");
        QemuDomainObj d = find(ref);
        synchronized (d) {
            boolean inactive = Flag.isSet(flags, XmlFlag.INACTIVE) || !d.isActive();
            DomainDef def = inactive && d.persistentDef() != null ? d.persistentDef() : definitionOf(d);
            int f = (Flag.isSet(flags, XmlFlag.SECURE) ? DomainXmlCodec.FORMAT_SECURE : 0)
                    | (inactive ? DomainXmlCodec.FORMAT_INACTIVE : 0);
            return host.context().codec().format(def, f);
        }
    }

    @Override
    public boolean autostart(DomainRef ref) throws VirtException {
        return find(ref).autostart();
    }

    @Override
    public void setAutostart(DomainRef ref, boolean autostart) throws VirtException {
        definitions.setAutostart(find(ref), autostart);
    }

    @Override
    public List<VcpuInfo> vcpuInfo(DomainRef ref) throws VirtException {
        return guests.vcpuInfo(find(ref));
    }

    @Override
    public List<BitSet> vcpuPinInfo(DomainRef ref, int flags) throws VirtException {
        return pinning.pinInfo(find(ref), flags);
    }

    @Override
    public void pinVcpu(DomainRef ref, int vcpu, BitSet cpumap, int flags) throws VirtException {
        pinning.pin(find(ref), vcpu, cpumap, flags);
    }

    @Override
    public SchedulerType schedulerType(DomainRef ref) throws VirtException {
        return scheduler.type(find(ref));
    }

    @Override
    public List<TypedParameter> schedulerParameters(DomainRef ref, int flags) throws VirtException {
        return scheduler.get(find(ref), flags);
    }

    @Override
    public void setSchedulerParameters(DomainRef ref, List<TypedParameter> params, int flags) throws VirtException {
        scheduler.set(find(ref), params, flags);
    }

    @Override
    public List<TypedParameter> memoryParameters(DomainRef ref, int flags) throws VirtException {
        return memoryTuning.get(find(ref), flags);
    }

    @Override
    public void setMemoryParameters(DomainRef ref, List<TypedParameter> params, int flags) throws VirtException {
        memoryTuning.set(find(ref), params, flags);
    }

    @Override
    public List<TypedParameter> blkioParameters(DomainRef ref, int flags) throws VirtException {
        return blkioTuning.get(find(ref), flags);
    }

    @Override
    public void setBlkioParameters(DomainRef ref, List<TypedParameter> params, int flags) throws VirtException {
        blkioTuning.set(find(ref), params, flags);
    }

    @Override
    public BitSet emulatorPinInfo(DomainRef ref, int flags) throws VirtException {
        return emulatorPinning.info(find(ref), flags);
    }

    @Override
    public void pinEmulator(DomainRef ref, BitSet cpumap, int flags) throws VirtException {
        emulatorPinning.pin(find(ref), cpumap, flags);
    }

    @Override
    public Stream openConsole(DomainRef ref, String devName, int flags) throws VirtException {
        QemuErrors.checkFlags(flags, ConsoleFlag.FORCE.bit() | ConsoleFlag.SAFE.bit(), "qemuDomainOpenConsole");
        QemuDomainObj dom = find(ref);
        String pty;
        synchronized (dom) {
            if (!dom.isActive()) {
                throw QemuErrors.notRunning();
            }
            pty = ConsoleDevices.ptyPath(dom.liveDef(), devName);
        }
        return host.consoles().open(Path.of(pty), (flags & ConsoleFlag.FORCE.bit()) != 0);
    }

    @Override
    public SecurityModel securityModel() {
        return host.context().security().model();
    }

    /** qemuDomainGetSecurityLabel: the running guest's label, empty for one shut off. */
    @Override
    public SecurityLabel securityLabel(DomainRef ref) throws VirtException {
        QemuDomainObj dom = find(ref);
        synchronized (dom) {
            return dom.isActive() ? host.context().security().processLabel(dom.liveDef(), dom.pid())
                    : new SecurityLabel("", false);
        }
    }

    /** qemuDomainGetSecurityLabelList: one label per security driver while running, none when shut off. */
    @Override
    public List<SecurityLabel> securityLabels(DomainRef ref) throws VirtException {
        QemuDomainObj dom = find(ref);
        synchronized (dom) {
            return dom.isActive() ? List.of(host.context().security().processLabel(dom.liveDef(), dom.pid()))
                    : List.of();
        }
    }

    @Override
    public void setMemory(DomainRef ref, long kib, int flags) throws VirtException {
        memory.setMemory(find(ref), kib, flags);
    }

    @Override
    public void setMemoryStatsPeriod(DomainRef ref, int period, int flags) throws VirtException {
        memory.setStatsPeriod(find(ref), period, flags);
    }

    @Override
    public List<MemoryStat> memoryStats(DomainRef ref, int flags) throws VirtException {
        return BalloonStats.ofDomain(find(ref), flags);
    }

    @Override
    public void setVcpus(DomainRef ref, int count, int flags) throws VirtException {
        vcpus.set(find(ref), count, flags);
    }

    @Override
    public int vcpusCount(DomainRef ref, int flags) throws VirtException {
        return vcpus.count(find(ref), flags);
    }

    @Override
    public List<DomainStatsRecord> domainStats(List<DomainRef> domains, int groups, int flags)
            throws VirtException {
        return stats.collect(stats.domains(domains), groups, flags);
    }

    @Override
    public boolean isAlive() {
        return !closed && driver.isActive();
    }

    @Override
    public void close() {
        closed = true;
        setEventSink(null);
    }
}
