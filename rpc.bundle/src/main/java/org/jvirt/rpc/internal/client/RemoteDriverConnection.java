package org.jvirt.rpc.internal.client;

import java.util.BitSet;
import java.util.List;
import java.util.Optional;

import org.jvirt.api.DomainInfo;
import org.jvirt.api.DomainInterface;
import org.jvirt.api.DomainState;
import org.jvirt.api.DomainStateInfo;
import org.jvirt.api.InterfaceStats;
import org.jvirt.api.MemoryStat;
import org.jvirt.api.NamespaceDescriptors;
import org.jvirt.api.SchedulerType;
import org.jvirt.api.Stream;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.SecurityLabel;
import org.jvirt.api.VcpuInfo;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainDeviceDriver;
import org.jvirt.api.spi.DomainEventSink;
import org.jvirt.api.spi.InterfaceTuningDriver;
import org.jvirt.api.spi.ManagedSaveDriver;
import org.jvirt.api.spi.NetworkDriverConnection;
import org.jvirt.api.spi.SecretDriverConnection;
import org.jvirt.api.spi.StorageDriverConnection;
import org.jvirt.api.spi.BlockStatsDriver;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.DomainSaveDriver;
import org.jvirt.api.spi.DomainSnapshotDriver;
import org.jvirt.api.spi.DomainStatsRecord;
import org.jvirt.rpc.internal.wire.Programs;
import org.jvirt.rpc.internal.wire.RemoteProc;
import org.jvirt.rpc.internal.xdr.XdrReader;
import org.jvirt.rpc.internal.xdr.XdrWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection to a remote jvirtd or libvirtd: every SPI call is one or two RPCs. The connection-wide
 * calls are in {@link RemoteHostCalls}, the domain calls here and in the helpers per concern.
 */
final class RemoteDriverConnection extends RemoteHostCalls {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteDriverConnection.class);

    private final RemoteTuning tuning;
    private final RemoteResize resize;
    private final RemoteBlockStats blockStats;
    private final RemoteVcpus vcpus;
    private final RemoteEvents events;
    private final RemoteSecrets secrets;
    private final RemoteNetworks networks;
    private final RemoteStorage storage;
    private final RemoteSnapshots snapshots;
    private final RemoteDevices devices;
    private final RemoteInterfaceTuning ifaceTune;
    private final RemoteManagedSave managedSave;
    private final RemoteSaves saves;

    private RemoteDriverConnection(RemoteCalls rpc, boolean eventCallbacks) {
        super(rpc);
        this.tuning = new RemoteTuning(rpc);
        this.resize = new RemoteResize(rpc);
        this.blockStats = new RemoteBlockStats(rpc);
        this.vcpus = new RemoteVcpus(rpc, () -> nodeInfo().cpus());
        this.events = new RemoteEvents(rpc, eventCallbacks);
        this.secrets = new RemoteSecrets(rpc);
        this.networks = new RemoteNetworks(rpc);
        this.storage = new RemoteStorage(rpc);
        this.snapshots = new RemoteSnapshots(rpc);
        this.devices = new RemoteDevices(rpc);
        this.ifaceTune = new RemoteInterfaceTuning(rpc);
        this.managedSave = new RemoteManagedSave(rpc);
        this.saves = new RemoteSaves(rpc);
    }

    /** Opens the connection {@code name} over {@code client} (see {@link RemoteHandshake}). */
    static RemoteDriverConnection handshake(RpcClient client, String name, int flags, RemoteHandshake.SaslLogin sasl)
            throws VirtException {
        RemoteCalls rpc = new RemoteCalls(client);
        RemoteDriverConnection c = new RemoteDriverConnection(rpc, RemoteHandshake.open(rpc, name, flags, sasl));
        client.onEvent(m -> { // server-pushed messages: secret events first, then domain events
            if (!c.secrets.onMessage(m) && !c.storage.onMessage(m) && !c.networks.onMessage(m)) {
                c.events.onMessage(m);
            }
        });
        return c;
    }

    @Override
    public void setEventSink(DomainEventSink newSink) {
        events.setEventSink(newSink);
    }

    @Override
    public String osType(DomainRef dom) throws VirtException {
        return rpc.string(RemoteProc.DOMAIN_GET_OS_TYPE, RemoteCalls.dom(dom));
    }

    @Override
    public DomainStateInfo state(DomainRef dom) throws VirtException {
        XdrReader r = rpc.call(RemoteProc.DOMAIN_GET_STATE, RemoteCalls.dom(dom).writeInt(0));
        return rpc.decode(() -> new DomainStateInfo(DomainState.ofNumber(r.readInt()), r.readInt()));
    }

    @Override
    public DomainInfo info(DomainRef dom) throws VirtException {
        XdrReader r = rpc.call(RemoteProc.DOMAIN_GET_INFO, RemoteCalls.dom(dom));
        return rpc.decode(() -> new DomainInfo(DomainState.ofNumber(r.readInt()), r.readHyper(), r.readHyper(),
                r.readInt(), r.readHyper()));
    }

    @Override
    public boolean isPersistent(DomainRef dom) throws VirtException {
        return rpc.integer(RemoteProc.DOMAIN_IS_PERSISTENT, RemoteCalls.dom(dom)) != 0;
    }

    @Override
    public void create(DomainRef dom, int flags) throws VirtException {
        rpc.call(RemoteProc.DOMAIN_CREATE_WITH_FLAGS, RemoteCalls.dom(dom).writeInt(flags));
    }

    @Override
    public void destroy(DomainRef dom, int flags) throws VirtException {
        rpc.call(RemoteProc.DOMAIN_DESTROY_FLAGS, RemoteCalls.dom(dom).writeInt(flags));
    }

    @Override
    public void shutdown(DomainRef dom, int flags) throws VirtException {
        rpc.call(RemoteProc.DOMAIN_SHUTDOWN_FLAGS, RemoteCalls.dom(dom).writeInt(flags));
    }

    @Override
    public void reboot(DomainRef dom, int flags) throws VirtException {
        rpc.call(RemoteProc.DOMAIN_REBOOT, RemoteCalls.dom(dom).writeInt(flags));
    }

    @Override
    public void reset(DomainRef dom, int flags) throws VirtException {
        rpc.call(RemoteProc.DOMAIN_RESET, RemoteCalls.dom(dom).writeInt(flags));
    }

    @Override
    public void sendProcessSignal(DomainRef dom, long pid, int signum, int flags) throws VirtException {
        rpc.call(RemoteProc.DOMAIN_SEND_PROCESS_SIGNAL, RemoteCalls.dom(dom).writeHyper(pid).writeInt(signum)
                .writeInt(flags));
    }

    /** remoteDomainLxcOpenNamespace: LXC_PROC_DOMAIN_OPEN_NAMESPACE, the descriptors come with the reply. */
    @Override
    public NamespaceDescriptors lxcOpenNamespace(DomainRef dom, int flags) throws VirtException {
        return new ReceivedDescriptors(rpc.lxcDescriptors(Programs.LXC_PROC_DOMAIN_OPEN_NAMESPACE,
                RemoteCalls.dom(dom).writeInt(flags)));
    }

    @Override
    public void suspend(DomainRef dom) throws VirtException {
        rpc.call(RemoteProc.DOMAIN_SUSPEND, RemoteCalls.dom(dom));
    }

    @Override
    public void resume(DomainRef dom) throws VirtException {
        rpc.call(RemoteProc.DOMAIN_RESUME, RemoteCalls.dom(dom));
    }

    @Override
    public void undefine(DomainRef dom, int flags) throws VirtException {
        rpc.call(RemoteProc.DOMAIN_UNDEFINE_FLAGS, RemoteCalls.dom(dom).writeInt(flags));
    }

    @Override
    public String xmlDesc(DomainRef dom, int flags) throws VirtException {
        return rpc.string(RemoteProc.DOMAIN_GET_XML_DESC, RemoteCalls.dom(dom).writeInt(flags));
    }

    @Override
    public void sendKey(DomainRef dom, int codeset, int holdtime, int[] keycodes, int flags) throws VirtException {
        var args = RemoteCalls.dom(dom).writeInt(codeset).writeInt(holdtime).writeInt(keycodes.length);
        for (int k : keycodes) {
            args.writeInt(k);
        }
        rpc.call(RemoteProc.DOMAIN_SEND_KEY, args.writeInt(flags));
    }

    @Override
    public boolean autostart(DomainRef dom) throws VirtException {
        return rpc.integer(RemoteProc.DOMAIN_GET_AUTOSTART, RemoteCalls.dom(dom)) != 0;
    }

    @Override
    public void setAutostart(DomainRef dom, boolean autostart) throws VirtException {
        rpc.call(RemoteProc.DOMAIN_SET_AUTOSTART, RemoteCalls.dom(dom).writeInt(autostart ? 1 : 0));
    }

    @Override
    public List<VcpuInfo> vcpuInfo(DomainRef dom) throws VirtException {
        return vcpus.vcpuInfo(dom, info(dom).nrVirtCpu());
    }

    @Override
    public List<BitSet> vcpuPinInfo(DomainRef dom, int flags) throws VirtException {
        return vcpus.vcpuPinInfo(dom, flags);
    }

    @Override
    public void pinVcpu(DomainRef dom, int vcpu, BitSet cpumap, int flags) throws VirtException {
        vcpus.pinVcpu(dom, vcpu, cpumap, flags);
    }

    @Override
    public void pinVcpu(DomainRef dom, int vcpu, BitSet cpumap) throws VirtException {
        vcpus.pinVcpu(dom, vcpu, cpumap);
    }

    /** remote_domain_open_console_args: domain, optional device name, flags; the console is a stream of the call. */
    @Override
    public Stream openConsole(DomainRef dom, String devName, int flags) throws VirtException {
        return rpc.stream(RemoteProc.DOMAIN_OPEN_CONSOLE, RemoteCalls.dom(dom).writeOptString(devName).writeInt(flags));
    }

    @Override
    public SchedulerType schedulerType(DomainRef dom) throws VirtException {
        return tuning.schedulerType(dom);
    }

    @Override
    public List<TypedParameter> schedulerParameters(DomainRef dom, int flags) throws VirtException {
        return tuning.schedulerParameters(dom, flags);
    }

    @Override
    public void setSchedulerParameters(DomainRef dom, List<TypedParameter> params, int flags) throws VirtException {
        tuning.setSchedulerParameters(dom, params, flags);
    }

    @Override
    public List<TypedParameter> memoryParameters(DomainRef dom, int flags) throws VirtException {
        return tuning.countedParameters(RemoteProc.DOMAIN_GET_MEMORY_PARAMETERS, dom, flags);
    }

    @Override
    public void setMemoryParameters(DomainRef dom, List<TypedParameter> params, int flags) throws VirtException {
        tuning.setParameters(RemoteProc.DOMAIN_SET_MEMORY_PARAMETERS, dom, params, flags);
    }

    @Override
    public List<TypedParameter> blkioParameters(DomainRef dom, int flags) throws VirtException {
        return tuning.countedParameters(RemoteProc.DOMAIN_GET_BLKIO_PARAMETERS, dom, flags);
    }

    @Override
    public void setBlkioParameters(DomainRef dom, List<TypedParameter> params, int flags) throws VirtException {
        tuning.setParameters(RemoteProc.DOMAIN_SET_BLKIO_PARAMETERS, dom, params, flags);
    }

    @Override
    public BitSet emulatorPinInfo(DomainRef dom, int flags) throws VirtException {
        return tuning.emulatorPinInfo(dom, Math.max(1, vcpus.maplen()), flags);
    }

    @Override
    public void pinEmulator(DomainRef dom, BitSet cpumap, int flags) throws VirtException {
        vcpus.pinEmulator(dom, cpumap, flags);
    }

    @Override
    public SecurityLabel securityLabel(DomainRef dom) throws VirtException {
        return RemoteSecurityLabels.label(rpc, dom);
    }

    @Override
    public List<SecurityLabel> securityLabels(DomainRef dom) throws VirtException {
        return RemoteSecurityLabels.labels(rpc, dom);
    }

    @Override
    public void setMemory(DomainRef dom, long kib, int flags) throws VirtException {
        resize.setMemory(dom, kib, flags);
    }

    @Override
    public void setMemoryStatsPeriod(DomainRef dom, int period, int flags) throws VirtException {
        resize.setMemoryStatsPeriod(dom, period, flags);
    }

    @Override
    public void setVcpus(DomainRef dom, int count, int flags) throws VirtException {
        resize.setVcpus(dom, count, flags);
    }

    @Override
    public int vcpusCount(DomainRef dom, int flags) throws VirtException {
        return resize.vcpusCount(dom, flags);
    }

    @Override
    public List<MemoryStat> memoryStats(DomainRef dom, int flags) throws VirtException {
        return resize.memoryStats(dom, flags);
    }

    @Override
    public InterfaceStats interfaceStats(DomainRef dom, String device) throws VirtException {
        return resize.interfaceStats(dom, device);
    }

    @Override
    public List<DomainInterface> interfaceAddresses(DomainRef dom, int source, int flags) throws VirtException {
        return resize.interfaceAddresses(dom, source, flags);
    }

    @Override
    public List<DomainStatsRecord> domainStats(List<DomainRef> domains, int stats, int flags)
            throws VirtException {
        return resize.domainStats(domains, stats, flags);
    }

    @Override
    public boolean isAlive() {
        return rpc.isOpen();
    }

    @Override
    public void close() {
        if (rpc.isOpen()) {
            try {
                rpc.call(RemoteProc.CONNECT_CLOSE, new XdrWriter());
            } catch (VirtException e) {
                LOG.debug("closing the remote connection: {}", e.getMessage());
            }
        }
        rpc.close();
    }

    /** The remote daemon's secrets: libvirt's remote driver is the secret driver of its connections. */
    @Override
    public Optional<SecretDriverConnection> ownSecrets() {
        return Optional.of(secrets);
    }

    /** The daemon's networks, not this host's: libvirt's remote driver is the network driver of its connections. */
    @Override
    public boolean usesSharedNetworks() {
        return false;
    }

    @Override
    public Optional<NetworkDriverConnection> ownNetworks() {
        return Optional.of(networks);
    }

    /** The remote daemon's storage: libvirt's remote driver is the storage driver of its connections. */
    @Override
    public Optional<StorageDriverConnection> ownStorage() {
        return Optional.of(storage);
    }

    /** The remote daemon's snapshots of its domains. */
    @Override
    public Optional<DomainSnapshotDriver> ownSnapshots() {
        return Optional.of(snapshots);
    }

    @Override
    public Optional<DomainDeviceDriver> ownDevices() {
        return Optional.of(devices);
    }

    @Override
    public Optional<InterfaceTuningDriver> ownInterfaceTuning() {
        return Optional.of(ifaceTune);
    }

    @Override
    public Optional<BlockStatsDriver> ownBlockStats() {
        return Optional.of(blockStats);
    }

    @Override
    public Optional<ManagedSaveDriver> ownManagedSave() {
        return Optional.of(managedSave);
    }

    @Override
    public Optional<DomainSaveDriver> ownSaves() {
        return Optional.of(saves);
    }
}
