package org.jvirt.driver.lxc.internal;

import java.util.List;
import java.util.UUID;

import org.jvirt.api.DefineFlag;
import org.jvirt.api.DomainInfo;
import org.jvirt.api.DomainStateInfo;
import org.jvirt.api.Flag;
import org.jvirt.api.VirtException;
import org.jvirt.api.XmlFlag;
import org.jvirt.api.spi.DomainEventSink;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.driver.lxc.internal.nativeconf.LxcNativeConfig;

/**
 * A connection to {@code lxc:///system}: libvirt's LXC driver table, the connection and the
 * lifecycle calls; the calls on a running container's resources are {@link LxcGuestCalls}'.
 */
final class LxcConnection extends LxcGuestCalls {
    private final LxcDriver driver;
    private final ContainerLifecycle lifecycle;
    private final CgroupStats stats;
    private volatile DomainEventSink sink;
    private volatile boolean closed;

    LxcConnection(LxcDriver driver, LxcHost host, ContainerLifecycle lifecycle, CgroupStats stats,
            ContainerTuning tuning, ConsoleSessions consoles) {
        super(host, new Definitions(host, lifecycle), tuning, consoles);
        this.driver = driver;
        this.lifecycle = lifecycle;
        this.stats = stats;
    }

    @Override
    public String type() {
        return "LXC";
    }

    /** libvirt's LXC driver answers the kernel's version (major * 1,000,000 + minor * 1,000 + micro). */
    @Override
    public long hypervisorVersion() {
        return KernelVersion.current();
    }

    /**
     * lxcConnectDomainXMLFromNative: an {@code lxc-tools} config as domain XML. jvirt runs
     * containers without libvirt's {@code libvirt_lxc} controller, so no {@code <emulator>} is
     * filled in.
     */
    @Override
    public String domainXmlFromNative(String nativeFormat, String nativeConfig, int flags) throws VirtException {
        LxcErrors.checkFlags(flags, 0, "lxcConnectDomainXMLFromNative");
        DomainDef def = new LxcNativeConfig(host.codec(), UUID::randomUUID, null).parse(nativeFormat, nativeConfig);
        return host.codec().format(LxcDefinitionCheck.postParse(def), 0);
    }

    @Override
    public List<DomainRef> listAllDomains(int flags) {
        return host.all().stream().filter(d -> ListFilter.matches(d, flags)).map(LxcDomain::ref).toList();
    }

    @Override
    public DomainRef lookupByName(String name) throws VirtException {
        LxcDomain d = host.byName(name);
        if (d == null) {
            throw LxcErrors.noDomain("no domain with matching name '" + name + "'");
        }
        return d.ref();
    }

    @Override
    public DomainRef lookupByUuid(UUID uuid) throws VirtException {
        LxcDomain d = host.byUuid(uuid);
        if (d == null) {
            throw LxcErrors.noDomain("no domain with matching uuid '" + uuid + "'");
        }
        return d.ref();
    }

    @Override
    public DomainRef lookupById(int id) throws VirtException {
        LxcDomain d = host.byId(id);
        if (d == null) {
            throw LxcErrors.noDomain("no domain with matching id " + id);
        }
        return d.ref();
    }

    @Override
    public DomainRef defineXml(String xml, int flags) throws VirtException {
        LxcErrors.checkFlags(flags, Flag.mask(DefineFlag.VALIDATE), "lxcDomainDefineXMLFlags");
        return definitions.define(xml).ref();
    }

    @Override
    public DomainRef createXml(String xml, int flags) throws VirtException {
        LxcErrors.checkFlags(flags, 0, "lxcDomainCreateXMLWithFiles");
        return definitions.createTransient(xml).ref();
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

    @Override
    public String osType(DomainRef ref) throws VirtException {
        return definitionOf(find(ref)).os().type();
    }

    @Override
    public DomainStateInfo state(DomainRef ref) throws VirtException {
        return find(ref).state();
    }

    /** {@code lxcDomainGetInfo}: CPU time and memory usage from the container's cgroups. */
    @Override
    public DomainInfo info(DomainRef ref) throws VirtException {
        LxcDomain d = find(ref);
        synchronized (d) {
            DomainDef def = definitionOf(d);
            ContainerProcess proc = d.process();
            long maxKib = def.memory() == null ? 0 : def.memory().kib();
            long memKib = proc == null ? def.currentMemoryKib() : stats.memoryKib(proc.initPid());
            long cpu = proc == null ? 0 : stats.cpuTimeNs(proc.initPid());
            int vcpus = def.vcpu() == null ? 1 : def.vcpu().current();
            return new DomainInfo(d.state().state(), maxKib, memKib, vcpus, cpu);
        }
    }

    @Override
    public boolean isPersistent(DomainRef ref) throws VirtException {
        return find(ref).isPersistent();
    }

    @Override
    public void create(DomainRef ref, int flags) throws VirtException {
        LxcErrors.checkFlags(flags, 0, "lxcDomainCreateWithFiles");
        LxcDomain d = find(ref);
        synchronized (d) {
            definitions.checkRegistered(d);
            if (d.isActive()) {
                throw LxcErrors.invalid("Domain is already running");
            }
            lifecycle.start(d, d.persistentDef());
        }
    }

    @Override
    public void destroy(DomainRef ref, int flags) throws VirtException {
        LxcErrors.checkFlags(flags, 0, "lxcDomainDestroyFlags");
        LxcDomain d = find(ref);
        synchronized (d) {
            lifecycle.destroy(d);
        }
    }

    @Override
    public void shutdown(DomainRef ref, int flags) throws VirtException {
        LxcErrors.checkFlags(flags, ContainerPower.INITCTL | ContainerPower.SIGNAL, "lxcDomainShutdownFlags");
        LxcDomain d = find(ref);
        synchronized (d) {
            lifecycle.shutdown(d, flags);
        }
    }

    @Override
    public void reboot(DomainRef ref, int flags) throws VirtException {
        LxcErrors.checkFlags(flags, ContainerPower.INITCTL | ContainerPower.SIGNAL, "lxcDomainReboot");
        LxcDomain d = find(ref);
        synchronized (d) {
            lifecycle.reboot(d, flags);
        }
    }

    @Override
    public void suspend(DomainRef ref) throws VirtException {
        LxcDomain d = find(ref);
        synchronized (d) {
            lifecycle.suspend(d);
        }
    }

    @Override
    public void resume(DomainRef ref) throws VirtException {
        LxcDomain d = find(ref);
        synchronized (d) {
            lifecycle.resume(d);
        }
    }

    @Override
    public void undefine(DomainRef ref, int flags) throws VirtException {
        LxcErrors.checkFlags(flags, 0, "lxcDomainUndefineFlags");
        definitions.undefine(find(ref));
    }

    @Override
    public String xmlDesc(DomainRef ref, int flags) throws VirtException {
        LxcErrors.checkFlags(flags, Flag.mask(XmlFlag.SECURE, XmlFlag.INACTIVE), "lxcDomainGetXMLDesc");
        LxcDomain d = find(ref);
        synchronized (d) {
            boolean inactive = Flag.isSet(flags, XmlFlag.INACTIVE) || !d.isActive();
            DomainDef def = inactive && d.persistentDef() != null ? d.persistentDef() : definitionOf(d);
            int f = (Flag.isSet(flags, XmlFlag.SECURE) ? DomainXmlCodec.FORMAT_SECURE : 0)
                    | (inactive ? DomainXmlCodec.FORMAT_INACTIVE : 0);
            return host.codec().format(def, f);
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
    public boolean isAlive() {
        return !closed && driver.isActive();
    }

    @Override
    public void close() {
        closed = true;
        setEventSink(null);
    }
}
