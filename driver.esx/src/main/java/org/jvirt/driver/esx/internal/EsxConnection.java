package org.jvirt.driver.esx.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jvirt.api.DomainInfo;
import org.jvirt.api.DomainStateInfo;
import org.jvirt.api.Flag;
import org.jvirt.api.MemoryFlag;
import org.jvirt.api.ModificationFlag;
import org.jvirt.api.NodeInfo;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.DomainSnapshotDriver;
import org.jvirt.api.spi.DriverConnection;
import org.jvirt.api.spi.StorageDriverConnection;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.driver.esx.internal.vi.PropertyCollector;
import org.jvirt.driver.esx.internal.vi.ServiceContent;
import org.jvirt.driver.esx.internal.vi.ViClient;
import org.jvirt.driver.esx.internal.vi.ViErrors;

/**
 * A connection to an ESX host or a vCenter: every call reads the VMs afresh from the server (no
 * cache to go stale; {@link VmInventory} remembers only where they are) and changes them through
 * vSphere tasks. Domain XML is the VMX file on the VM's datastore, converted by libvirt's VMX
 * converter ({@link DomainXml}, {@link VmDefinitions}).
 */
final class EsxConnection implements DriverConnection {
    private static final int MODIFY = Flag.mask(ModificationFlag.LIVE, ModificationFlag.CONFIG);

    private final ViClient client;
    private final ServiceContent service;
    private final VmInventory vms;
    private final VmOps ops;
    private final HostInfo hostInfo;
    private final DomainListFilter filter = new DomainListFilter();
    private final DatastorePools pools;
    private final DomainXml domainXml;
    private final VmDefinitions definitions;
    private final HostAutostart autostart;
    private final EsxSnapshots snapshots;

    EsxConnection(ViClient client, EsxHost host, DomainXmlCodec codec) {
        this.client = client;
        this.service = client.service();
        PropertyCollector collector = new PropertyCollector(client);
        this.vms = new VmInventory(collector, host);
        this.ops = new VmOps(client, collector, host);
        this.hostInfo = new HostInfo(collector, host);
        this.pools = new DatastorePools(collector, host);
        DatastoreFiles files = new DatastoreFiles(client, collector, host);
        this.domainXml = new DomainXml(collector, host, files, codec);
        this.definitions = new VmDefinitions(client, collector, host, vms, files, domainXml);
        this.autostart = new HostAutostart(collector, host);
        this.snapshots = new EsxSnapshots(vms, new VmTasks(client), new SnapshotXml(codec, Clock.systemUTC()));
    }

    @Override
    public String type() {
        return "ESX";
    }

    @Override
    public long hypervisorVersion() {
        return service.versionNumber();
    }

    @Override
    public String hostname() throws VirtException {
        return hostInfo.hostname();
    }

    @Override
    public String capabilities() throws VirtException {
        return hostInfo.capabilities();
    }

    @Override
    public NodeInfo nodeInfo() throws VirtException {
        return hostInfo.nodeInfo();
    }

    @Override
    public List<DomainRef> listAllDomains(int flags) throws VirtException {
        ViErrors.checkFlags(flags, DomainListFilter.SUPPORTED, "esxConnectListAllDomains");
        List<DomainRef> out = new ArrayList<>();
        HostAutostart.Config[] config = new HostAutostart.Config[1]; // read when a filter first asks, once
        for (Vm vm : vms.all(Vm.LISTED)) {
            if (filter.matches(flags, vm, () -> {
                if (config[0] == null) {
                    config[0] = autostart.config();
                }
                return config[0].starts(vm);
            })) {
                out.add(vm.domainRef());
            }
        }
        return out;
    }

    @Override
    public DomainRef lookupByName(String name) throws VirtException {
        return vms.byName(name).domainRef();
    }

    @Override
    public DomainRef lookupByUuid(UUID uuid) throws VirtException {
        return vms.byUuid(uuid).domainRef();
    }

    @Override
    public DomainRef lookupById(int id) throws VirtException {
        return vms.byId(id).domainRef();
    }

    /**
     * A handle without a round trip: every call here reads its VM by UUID and fails with libvirt's
     * {@code Could not find domain with UUID '...'} (NO_DOMAIN) when there is none, as libvirt's.
     */
    @Override
    public Optional<DomainRef> domainHandle(String name, UUID uuid, int id) {
        return Optional.of(new DomainRef(name, uuid, id));
    }

    @Override
    public String osType(DomainRef dom) {
        return "hvm";
    }

    @Override
    public DomainStateInfo state(DomainRef dom) throws VirtException {
        return new DomainStateInfo(vms.byUuid(dom.uuid(), Vm.IDENTITY).state(), 0);
    }

    /** {@code esxDomainGetInfo}: the memory in use is the limit when one is set. No CPU time (perf counters). */
    @Override
    public DomainInfo info(DomainRef dom) throws VirtException {
        Vm vm = vms.of(dom);
        long maxKiB = vm.memoryMB() * 1024;
        long usedKiB = vm.memoryLimitMB() < 0 ? maxKiB : vm.memoryLimitMB() * 1024;
        return new DomainInfo(vm.state(), maxKiB, usedKiB, vm.numCpu(), 0);
    }

    @Override
    public boolean isPersistent(DomainRef dom) throws VirtException {
        vms.byUuid(dom.uuid(), Vm.IDENTITY); // that it exists
        return true;
    }

    @Override
    public String xmlDesc(DomainRef dom, int flags) throws VirtException {
        return domainXml.xmlDesc(vms.of(dom), flags);
    }

    @Override
    public String domainXmlFromNative(String nativeFormat, String nativeConfig, int flags) throws VirtException {
        return domainXml.fromNative(nativeFormat, nativeConfig, flags);
    }

    @Override
    public String domainXmlToNative(String nativeFormat, String xml, int flags) throws VirtException {
        return domainXml.toNative(nativeFormat, xml, flags);
    }

    @Override
    public DomainRef defineXml(String xml, int flags) throws VirtException {
        return definitions.define(xml, flags);
    }

    @Override
    public void undefine(DomainRef dom, int flags) throws VirtException {
        change(dom, vm -> definitions.undefine(vm, flags));
    }

    @Override
    public void create(DomainRef dom, int flags) throws VirtException {
        ViErrors.checkFlags(flags, 0, "esxDomainCreateWithFlags");
        change(dom, ops::start);
    }

    @Override
    public void destroy(DomainRef dom, int flags) throws VirtException {
        ViErrors.checkFlags(flags, 0, "esxDomainDestroyFlags");
        change(dom, ops::destroy);
    }

    @Override
    public void shutdown(DomainRef dom, int flags) throws VirtException {
        ViErrors.checkFlags(flags, 0, "esxDomainShutdownFlags");
        change(dom, ops::shutdown);
    }

    @Override
    public void reboot(DomainRef dom, int flags) throws VirtException {
        ViErrors.checkFlags(flags, 0, "esxDomainReboot");
        change(dom, ops::reboot);
    }

    @Override
    public void suspend(DomainRef dom) throws VirtException {
        change(dom, ops::suspend);
    }

    @Override
    public void resume(DomainRef dom) throws VirtException {
        change(dom, ops::resume);
    }

    /** The VM and the host's autostart configuration, in one round trip. */
    @Override
    public boolean autostart(DomainRef dom) throws VirtException {
        VmInventory.VmRead read = vms.of(dom, autostart.manager(), HostAutostart.CONFIG);
        return HostAutostart.config(read.more()).starts(read.vm());
    }

    @Override
    public void setAutostart(DomainRef dom, boolean enabled) throws VirtException {
        autostart.set(vms.of(dom), enabled);
    }

    /**
     * The maximum ({@code setmaxmem}) or the current memory ({@code setmem}). ESX keeps one
     * definition that is both the live and the persistent one, so live and config are accepted
     * together or alone (libvirt's ESX driver takes no flags here).
     */
    @Override
    public void setMemory(DomainRef dom, long kib, int flags) throws VirtException {
        ViErrors.checkFlags(flags, MODIFY | MemoryFlag.MAXIMUM.bit(), "esxDomainSetMemoryFlags");
        change(dom, vm -> {
            if (Flag.isSet(flags, MemoryFlag.MAXIMUM)) {
                ops.setMaxMemory(vm, kib);
            } else {
                ops.setMemory(vm, kib);
            }
        });
    }

    @Override
    public void setVcpus(DomainRef dom, int count, int flags) throws VirtException {
        ViErrors.checkFlags(flags, MODIFY, "esxDomainSetVcpusFlags");
        change(dom, vm -> ops.setVcpus(vm, count));
    }

    @Override
    public boolean isAlive() {
        return true;
    }

    @Override
    public boolean usesSharedSecrets() {
        return false;
    }

    @Override
    public boolean usesSharedNetworks() {
        return false;
    }

    @Override
    public boolean usesSharedStorage() {
        return false;
    }

    /** The host's datastores as storage pools. */
    @Override
    public Optional<StorageDriverConnection> ownStorage() {
        return Optional.of(pools);
    }

    /** The VMs' snapshots, kept by ESX itself. */
    @Override
    public Optional<DomainSnapshotDriver> ownSnapshots() {
        return Optional.of(snapshots);
    }

    /** A call that changes the VM (see {@link #change}). */
    private interface VmChange {
        void apply(Vm vm) throws VirtException;
    }

    /** Runs {@code op} on the VM behind {@code dom}, read afresh. */
    private void change(DomainRef dom, VmChange op) throws VirtException {
        op.apply(vms.of(dom));
    }

    /** {@code esxConnectClose}: logs the session out. */
    @Override
    public void close() {
        client.close();
    }
}
