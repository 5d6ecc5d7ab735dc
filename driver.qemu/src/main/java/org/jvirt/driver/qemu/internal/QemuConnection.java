package org.jvirt.driver.qemu.internal;

import java.util.BitSet;
import java.util.List;
import java.util.UUID;

import org.jvirt.api.ConsoleFlag;
import org.jvirt.api.CreateFlag;
import org.jvirt.api.DefineFlag;
import org.jvirt.api.DomainInfo;
import org.jvirt.api.DomainInterface;
import org.jvirt.api.DomainStateInfo;
import org.jvirt.api.Flag;
import org.jvirt.api.MemoryStat;
import org.jvirt.api.ModificationFlag;
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
import org.jvirt.driver.qemu.internal.domain.QemuDomainObj;

/** A connection to {@code qemu:///system} or {@code qemu:///session}: libvirt's QEMU driver table. */
final class QemuConnection extends QemuCallGroups {
    private final QemuDriver driver;
    private final QemuHost host;
    private final GuestControl guests;
    private final Definitions definitions;
    private final DomainQueries queries;
    private final DomainLookup lookup;
    private final DomainTuning tuning;
    private final MemoryResize memory;
    private final VcpuResize vcpus;
    private final DomainStatsCollector stats;
    private final EventSubscription subscription;

    QemuConnection(QemuDriver driver, QemuHost host) {
        this(driver, host, new Definitions(host), new DomainLookup(host));
    }

    private QemuConnection(QemuDriver driver, QemuHost host, Definitions definitions, DomainLookup lookup) {
        super(host, definitions, lookup);
        this.driver = driver;
        this.host = host;
        this.guests = new GuestControl(host);
        this.definitions = definitions;
        this.queries = new DomainQueries(host);
        this.lookup = lookup;
        this.subscription = new EventSubscription(host.events());
        this.tuning = DomainTuning.of(host, guests);
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
        return driver.hostCapabilities().hostname();
    }

    @Override
    public String domainCapabilities(String emulatorBin, String arch, String machine, String virtType, int flags)
            throws VirtException {
        QemuErrors.checkFlags(flags, 0, "qemuConnectGetDomainCapabilities");
        return driver.domainCapabilities().domainCapabilities(emulatorBin, arch, machine, virtType);
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
        return host.all().stream().filter(d -> DomainListFilter.matches(d, flags, host.context()))
                .map(QemuDomainObj::ref).toList();
    }

    @Override
    public DomainRef lookupByName(String name) throws VirtException {
        return lookup.byName(name);
    }

    @Override
    public DomainRef lookupByUuid(UUID uuid) throws VirtException {
        return lookup.byUuid(uuid);
    }

    @Override
    public DomainRef lookupById(int id) throws VirtException {
        return lookup.byId(id);
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
        subscription.setSink(newSink);
    }

    @Override
    public String osType(DomainRef dom) throws VirtException {
        return queries.osType(lookup.find(dom));
    }

    @Override
    public DomainStateInfo state(DomainRef dom) throws VirtException {
        return lookup.find(dom).state();
    }

    @Override
    public DomainInfo info(DomainRef ref) throws VirtException {
        return queries.info(lookup.find(ref));
    }

    @Override
    public boolean isPersistent(DomainRef dom) throws VirtException {
        return lookup.find(dom).isPersistent();
    }

    @Override
    public void create(DomainRef ref, int flags) throws VirtException {
        QemuErrors.checkFlags(flags, Flag.mask(CreateFlag.START_PAUSED, CreateFlag.START_BYPASS_CACHE,
                CreateFlag.START_FORCE_BOOT), "qemuDomainCreateWithFlags");
        definitions.start(lookup.find(ref), Flag.isSet(flags, CreateFlag.START_PAUSED),
                Flag.isSet(flags, CreateFlag.START_FORCE_BOOT));
    }

    @Override
    public void destroy(DomainRef ref, int flags) throws VirtException {
        QemuErrors.checkFlags(flags, 1, "qemuDomainDestroyFlags");
        host.lifecycle().destroy(lookup.find(ref));
    }

    @Override
    public void shutdown(DomainRef ref, int flags) throws VirtException {
        guests.shutdown(lookup.find(ref), flags);
    }

    @Override
    public void reboot(DomainRef ref, int flags) throws VirtException {
        guests.reboot(lookup.find(ref), flags);
    }

    @Override
    public void reset(DomainRef ref, int flags) throws VirtException {
        guests.reset(lookup.find(ref), flags);
    }

    @Override
    public void sendKey(DomainRef ref, int codeset, int holdtime, int[] keycodes, int flags) throws VirtException {
        guests.sendKey(lookup.find(ref), codeset, holdtime, keycodes, flags);
    }

    @Override
    public void suspend(DomainRef ref) throws VirtException {
        guests.suspend(lookup.find(ref));
    }

    @Override
    public void resume(DomainRef ref) throws VirtException {
        guests.resume(lookup.find(ref));
    }

    @Override
    public void undefine(DomainRef ref, int flags) throws VirtException {
        definitions.undefine(lookup.find(ref), flags);
    }

    @Override
    public String xmlDesc(DomainRef ref, int flags) throws VirtException {
        QemuErrors.checkFlags(flags, Flag.mask(XmlFlag.SECURE, XmlFlag.INACTIVE, XmlFlag.UPDATE_CPU, XmlFlag.MIGRATABLE),
                "qemuDomainGetXMLDesc");
        return queries.xmlDesc(lookup.find(ref), flags);
    }

    @Override
    public boolean autostart(DomainRef ref) throws VirtException {
        return lookup.find(ref).autostart();
    }

    @Override
    public void setAutostart(DomainRef ref, boolean autostart) throws VirtException {
        definitions.setAutostart(lookup.find(ref), autostart);
    }

    @Override
    public List<VcpuInfo> vcpuInfo(DomainRef ref) throws VirtException {
        return guests.vcpuInfo(lookup.find(ref));
    }

    @Override
    public List<BitSet> vcpuPinInfo(DomainRef ref, int flags) throws VirtException {
        return tuning.vcpuPins().pinInfo(lookup.find(ref), flags);
    }

    @Override
    public void pinVcpu(DomainRef ref, int vcpu, BitSet cpumap, int flags) throws VirtException {
        tuning.vcpuPins().pin(lookup.find(ref), vcpu, cpumap, flags);
    }

    /** libvirt's qemuDomainPinVcpu: qemuDomainPinVcpuFlags with VIR_DOMAIN_AFFECT_LIVE. */
    @Override
    public void pinVcpu(DomainRef ref, int vcpu, BitSet cpumap) throws VirtException {
        tuning.vcpuPins().pin(lookup.find(ref), vcpu, cpumap, ModificationFlag.LIVE.bit());
    }

    @Override
    public SchedulerType schedulerType(DomainRef ref) throws VirtException {
        return tuning.scheduler().type(lookup.find(ref));
    }

    @Override
    public List<TypedParameter> schedulerParameters(DomainRef ref, int flags) throws VirtException {
        return tuning.scheduler().get(lookup.find(ref), flags);
    }

    @Override
    public void setSchedulerParameters(DomainRef ref, List<TypedParameter> params, int flags) throws VirtException {
        tuning.scheduler().set(lookup.find(ref), params, flags);
    }

    @Override
    public List<TypedParameter> memoryParameters(DomainRef ref, int flags) throws VirtException {
        return tuning.memory().get(lookup.find(ref), flags);
    }

    @Override
    public void setMemoryParameters(DomainRef ref, List<TypedParameter> params, int flags) throws VirtException {
        tuning.memory().set(lookup.find(ref), params, flags);
    }

    @Override
    public List<TypedParameter> blkioParameters(DomainRef ref, int flags) throws VirtException {
        return tuning.blkio().get(lookup.find(ref), flags);
    }

    @Override
    public void setBlkioParameters(DomainRef ref, List<TypedParameter> params, int flags) throws VirtException {
        tuning.blkio().set(lookup.find(ref), params, flags);
    }

    @Override
    public BitSet emulatorPinInfo(DomainRef ref, int flags) throws VirtException {
        return tuning.emulatorPins().info(lookup.find(ref), flags);
    }

    @Override
    public void pinEmulator(DomainRef ref, BitSet cpumap, int flags) throws VirtException {
        tuning.emulatorPins().pin(lookup.find(ref), cpumap, flags);
    }

    @Override
    public Stream openConsole(DomainRef ref, String devName, int flags) throws VirtException {
        QemuErrors.checkFlags(flags, ConsoleFlag.FORCE.bit() | ConsoleFlag.SAFE.bit(), "qemuDomainOpenConsole");
        return queries.openConsole(lookup.find(ref), devName, flags);
    }

    @Override
    public SecurityModel securityModel() {
        return host.context().security().model();
    }

    @Override
    public SecurityLabel securityLabel(DomainRef ref) throws VirtException {
        return queries.securityLabel(lookup.find(ref));
    }

    @Override
    public List<SecurityLabel> securityLabels(DomainRef ref) throws VirtException {
        return queries.securityLabels(lookup.find(ref));
    }

    @Override
    public void setMemory(DomainRef ref, long kib, int flags) throws VirtException {
        memory.setMemory(lookup.find(ref), kib, flags);
    }

    @Override
    public void setMemoryStatsPeriod(DomainRef ref, int period, int flags) throws VirtException {
        memory.setStatsPeriod(lookup.find(ref), period, flags);
    }

    @Override
    public List<MemoryStat> memoryStats(DomainRef ref, int flags) throws VirtException {
        return BalloonStats.ofDomain(lookup.find(ref), flags);
    }

    @Override
    public org.jvirt.api.InterfaceStats interfaceStats(DomainRef ref, String device) throws VirtException {
        return InterfaceStats.ofDevice(lookup.find(ref), device);
    }

    @Override
    public List<DomainInterface> interfaceAddresses(DomainRef ref, int source, int flags) throws VirtException {
        return InterfaceAddresses.of(lookup.find(ref), host.context().networks(), source, flags);
    }

    @Override
    public void setVcpus(DomainRef ref, int count, int flags) throws VirtException {
        vcpus.set(lookup.find(ref), count, flags);
    }

    @Override
    public int vcpusCount(DomainRef ref, int flags) throws VirtException {
        return vcpus.count(lookup.find(ref), flags);
    }

    @Override
    public List<DomainStatsRecord> domainStats(List<DomainRef> domains, int groups, int flags)
            throws VirtException {
        return stats.collect(stats.domains(domains), groups, flags);
    }

    @Override
    public boolean isAlive() {
        return !subscription.isClosed() && driver.isActive();
    }

    @Override
    public void close() {
        subscription.close();
    }
}
