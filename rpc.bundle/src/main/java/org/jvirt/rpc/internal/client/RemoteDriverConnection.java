package org.jvirt.rpc.internal.client;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jvirt.api.DomainEvent;
import org.jvirt.api.DomainEventType;
import org.jvirt.api.DomainInfo;
import org.jvirt.api.DomainState;
import org.jvirt.api.DomainStateInfo;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.MemoryStat;
import org.jvirt.api.NodeInfo;
import org.jvirt.api.SchedulerType;
import org.jvirt.api.Stream;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.SecurityLabel;
import org.jvirt.api.SecurityModel;
import org.jvirt.api.VcpuInfo;
import org.jvirt.api.VcpuState;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainEventSink;
import org.jvirt.api.spi.SecretDriverConnection;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.DomainStatsRecord;
import org.jvirt.api.spi.DriverConnection;
import org.jvirt.rpc.internal.wire.Message;
import org.jvirt.rpc.internal.wire.RemoteProc;
import org.jvirt.rpc.internal.wire.SecurityWire;
import org.jvirt.rpc.internal.wire.WireDomain;
import org.jvirt.rpc.internal.xdr.XdrException;
import org.jvirt.rpc.internal.xdr.XdrReader;
import org.jvirt.rpc.internal.xdr.XdrWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A connection to a remote jvirtd or libvirtd: every SPI call is one or two RPCs. */
final class RemoteDriverConnection implements DriverConnection {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteDriverConnection.class);
    private static final int VCPU_MAXIMUM = 4;
    private static final int REMOTE_AUTH_NONE = 0;
    private static final int REMOTE_AUTH_SASL = 1;

    private final RemoteCalls rpc;
    private final RemoteTuning tuning;
    private final RemoteResize resize;
    private final boolean eventCallbacks;
    private volatile DomainEventSink sink;
    private volatile int callbackId = -1;
    private volatile int rebootCallbackId = -1;
    private final RemoteSecrets secrets;

    private RemoteDriverConnection(RemoteCalls rpc, boolean eventCallbacks) {
        this.rpc = rpc;
        this.tuning = new RemoteTuning(rpc);
        this.resize = new RemoteResize(rpc);
        this.eventCallbacks = eventCallbacks;
        this.secrets = new RemoteSecrets(rpc);
    }

    /** Authenticates with SASL on the connection being opened. */
    @FunctionalInterface
    interface SaslLogin {
        void authenticate(RemoteCalls rpc) throws VirtException;
    }

    /** libvirt's doRemoteOpen: auth list (and SASL), keepalive probe, open, feature probes. */
    static RemoteDriverConnection handshake(RpcClient client, String name, int flags, SaslLogin sasl)
            throws VirtException {
        RemoteCalls rpc = new RemoteCalls(client);
        XdrReader auth = rpc.call(RemoteProc.AUTH_LIST, new XdrWriter());
        List<Integer> types = new ArrayList<>();
        int n = rpc.decode(() -> auth.readCount(20, 4, "auth types"));
        for (int i = 0; i < n; i++) {
            types.add(rpc.decode(auth::readInt));
        }
        // as remoteAuthenticate: the server's first type, unless it also accepts none
        if (!types.isEmpty() && !types.contains(REMOTE_AUTH_NONE)) {
            if (types.get(0) != REMOTE_AUTH_SASL) {
                throw new VirtException(ErrorCode.AUTH_FAILED, ErrorDomain.REMOTE, "the server requires"
                        + " authentication types " + types + "; jvirt supports none (0) and sasl (1)");
            }
            sasl.authenticate(rpc);
        }
        rpc.supports(RemoteProc.FEATURE_PROGRAM_KEEPALIVE);
        rpc.call(RemoteProc.CONNECT_OPEN, new XdrWriter().writeOptString(name).writeInt(flags));
        RemoteDriverConnection c = new RemoteDriverConnection(rpc, rpc.supports(RemoteProc.FEATURE_REMOTE_EVENT_CALLBACK));
        client.onEvent(c::onMessage);
        return c;
    }

    @Override
    public String type() throws VirtException {
        return rpc.string(RemoteProc.CONNECT_GET_TYPE, new XdrWriter());
    }

    @Override
    public long hypervisorVersion() throws VirtException {
        XdrReader r = rpc.call(RemoteProc.CONNECT_GET_VERSION, new XdrWriter());
        return rpc.decode(r::readHyper);
    }

    @Override
    public String hostname() throws VirtException {
        return rpc.string(RemoteProc.CONNECT_GET_HOSTNAME, new XdrWriter());
    }

    @Override
    public String capabilities() throws VirtException {
        return rpc.string(RemoteProc.CONNECT_GET_CAPABILITIES, new XdrWriter());
    }

    @Override
    public NodeInfo nodeInfo() throws VirtException {
        XdrReader r = rpc.call(RemoteProc.NODE_GET_INFO, new XdrWriter());
        return rpc.decode(() -> new NodeInfo(r.readCharArray(32), r.readHyper(), r.readInt(), r.readInt(),
                r.readInt(), r.readInt(), r.readInt(), r.readInt()));
    }

    @Override
    public int maxVcpus(String type) throws VirtException {
        return rpc.integer(RemoteProc.CONNECT_GET_MAX_VCPUS, new XdrWriter().writeOptString(type));
    }

    @Override
    public List<DomainRef> listAllDomains(int flags) throws VirtException {
        XdrReader r = rpc.call(RemoteProc.CONNECT_LIST_ALL_DOMAINS, new XdrWriter().writeInt(1).writeInt(flags));
        return rpc.decode(() -> {
            int count = r.readCount(RemoteProc.DOMAIN_LIST_MAX, 24, "domains");
            List<DomainRef> out = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                out.add(ref(WireDomain.read(r)));
            }
            r.readInt();
            return out;
        });
    }

    @Override
    public DomainRef lookupByName(String name) throws VirtException {
        return rpc.domain(RemoteProc.DOMAIN_LOOKUP_BY_NAME, new XdrWriter().writeString(name));
    }

    @Override
    public DomainRef lookupByUuid(UUID uuid) throws VirtException {
        return rpc.domain(RemoteProc.DOMAIN_LOOKUP_BY_UUID, new XdrWriter().writeUuid(uuid));
    }

    @Override
    public DomainRef lookupById(int id) throws VirtException {
        return rpc.domain(RemoteProc.DOMAIN_LOOKUP_BY_ID, new XdrWriter().writeInt(id));
    }

    @Override
    public DomainRef defineXml(String xml, int flags) throws VirtException {
        return rpc.domain(RemoteProc.DOMAIN_DEFINE_XML_FLAGS, new XdrWriter().writeString(xml).writeInt(flags));
    }

    @Override
    public DomainRef createXml(String xml, int flags) throws VirtException {
        return rpc.domain(RemoteProc.DOMAIN_CREATE_XML, new XdrWriter().writeString(xml).writeInt(flags));
    }

    @Override
    public String domainXmlToNative(String nativeFormat, String xml, int flags) throws VirtException {
        return rpc.string(RemoteProc.CONNECT_DOMAIN_XML_TO_NATIVE,
                new XdrWriter().writeString(nativeFormat).writeString(xml).writeInt(flags));
    }

    @Override
    public void setEventSink(DomainEventSink newSink) {
        this.sink = newSink;
        try {
            if (newSink != null && callbackId < 0 && eventCallbacks) {
                callbackId = registerCallback(RemoteProc.EVENT_ID_LIFECYCLE);
                rebootCallbackId = registerCallback(RemoteProc.EVENT_ID_REBOOT);
            } else if (newSink == null && callbackId >= 0) {
                deregisterCallback(callbackId);
                callbackId = -1;
                if (rebootCallbackId >= 0) {
                    deregisterCallback(rebootCallbackId);
                    rebootCallbackId = -1;
                }
            }
        } catch (VirtException e) {
            LOG.warn("cannot (un)register domain events with the server: {}", e.getMessage());
        }
    }

    private int registerCallback(int eventId) throws VirtException {
        XdrReader r = rpc.call(RemoteProc.CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY,
                new XdrWriter().writeInt(eventId).writeInt(0));
        return rpc.decode(r::readInt);
    }

    private void deregisterCallback(int id) throws VirtException {
        rpc.call(RemoteProc.CONNECT_DOMAIN_EVENT_CALLBACK_DEREGISTER_ANY, new XdrWriter().writeInt(id));
    }

    private void onMessage(Message m) {
        if (secrets.onMessage(m)) {
            return;
        }
        DomainEventSink s = sink;
        int proc = m.proc();
        if (s == null || proc != RemoteProc.DOMAIN_EVENT_CALLBACK_LIFECYCLE
                && proc != RemoteProc.DOMAIN_EVENT_CALLBACK_REBOOT) {
            return;
        }
        try {
            XdrReader r = m.payloadReader();
            r.readInt();
            WireDomain d = WireDomain.read(r);
            if (proc == RemoteProc.DOMAIN_EVENT_CALLBACK_REBOOT) { // remote_domain_event_callback_reboot_msg
                s.reboot(new DomainRef(d.name(), d.uuid(), d.id()));
                return;
            }
            int event = r.readInt();
            int detail = r.readInt();
            s.accept(new DomainEvent(d.name(), d.uuid(), d.id(), DomainEventType.ofNumber(event), detail));
        } catch (XdrException | IllegalArgumentException e) {
            LOG.warn("dropping undecodable domain event {}: {}", proc, e.getMessage());
        }
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
    public boolean autostart(DomainRef dom) throws VirtException {
        return rpc.integer(RemoteProc.DOMAIN_GET_AUTOSTART, RemoteCalls.dom(dom)) != 0;
    }

    @Override
    public void setAutostart(DomainRef dom, boolean autostart) throws VirtException {
        rpc.call(RemoteProc.DOMAIN_SET_AUTOSTART, RemoteCalls.dom(dom).writeInt(autostart ? 1 : 0));
    }

    @Override
    public List<VcpuInfo> vcpuInfo(DomainRef dom) throws VirtException {
        int maxinfo = info(dom).nrVirtCpu();
        int maplen = (nodeInfo().cpus() + 7) / 8;
        XdrReader r = rpc.call(RemoteProc.DOMAIN_GET_VCPUS, RemoteCalls.dom(dom).writeInt(maxinfo).writeInt(maplen));
        return rpc.decode(() -> {
            int n = r.readCount(maxinfo, 20, "vcpu infos");
            int[][] fields = new int[n][];
            long[] times = new long[n];
            for (int i = 0; i < n; i++) {
                int number = r.readInt();
                int state = r.readInt();
                times[i] = r.readHyper();
                fields[i] = new int[] {number, state, r.readInt()};
            }
            byte[] maps = r.readOpaque(RemoteProc.CPUMAPS_MAX);
            List<VcpuInfo> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(new VcpuInfo(fields[i][0], VcpuState.ofNumber(fields[i][1]), times[i], fields[i][2],
                        slice(maps, i, maplen)));
            }
            return out;
        });
    }

    @Override
    public List<BitSet> vcpuPinInfo(DomainRef dom, int flags) throws VirtException {
        int ncpumaps = rpc.integer(RemoteProc.DOMAIN_GET_VCPUS_FLAGS, RemoteCalls.dom(dom).writeInt(flags | VCPU_MAXIMUM));
        int maplen = (nodeInfo().cpus() + 7) / 8;
        XdrReader r = rpc.call(RemoteProc.DOMAIN_GET_VCPU_PIN_INFO,
                RemoteCalls.dom(dom).writeInt(ncpumaps).writeInt(maplen).writeInt(flags));
        return rpc.decode(() -> {
            byte[] maps = r.readOpaque(RemoteProc.CPUMAPS_MAX);
            int num = r.readInt();
            List<BitSet> out = new ArrayList<>();
            for (int i = 0; i < num && (i + 1) * maplen <= maps.length; i++) {
                out.add(slice(maps, i, maplen));
            }
            return out;
        });
    }

    private static BitSet slice(byte[] maps, int index, int maplen) {
        int from = index * maplen;
        if (from + maplen > maps.length) {
            return new BitSet();
        }
        return BitSet.valueOf(Arrays.copyOfRange(maps, from, from + maplen));
    }

    @Override
    public void pinVcpu(DomainRef dom, int vcpu, BitSet cpumap, int flags) throws VirtException {
        int maplen = Math.max(1, (nodeInfo().cpus() + 7) / 8);
        byte[] map = Arrays.copyOf(cpumap.toByteArray(), Math.max(maplen, (cpumap.length() + 7) / 8));
        rpc.call(RemoteProc.DOMAIN_PIN_VCPU_FLAGS, RemoteCalls.dom(dom).writeInt(vcpu).writeOpaque(map).writeInt(flags));
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
        return tuning.emulatorPinInfo(dom, Math.max(1, (nodeInfo().cpus() + 7) / 8), flags);
    }

    @Override
    public void pinEmulator(DomainRef dom, BitSet cpumap, int flags) throws VirtException {
        int maplen = Math.max(1, (nodeInfo().cpus() + 7) / 8);
        byte[] map = Arrays.copyOf(cpumap.toByteArray(), Math.max(maplen, (cpumap.length() + 7) / 8));
        rpc.call(RemoteProc.DOMAIN_PIN_EMULATOR, RemoteCalls.dom(dom).writeOpaque(map).writeInt(flags));
    }

    @Override
    public SecurityModel securityModel() throws VirtException {
        XdrReader r = rpc.call(RemoteProc.NODE_GET_SECURITY_MODEL, new XdrWriter());
        return rpc.decode(() -> SecurityWire.readModel(r));
    }

    @Override
    public SecurityLabel securityLabel(DomainRef dom) throws VirtException {
        XdrReader r = rpc.call(RemoteProc.DOMAIN_GET_SECURITY_LABEL, RemoteCalls.dom(dom));
        return rpc.decode(() -> SecurityWire.readLabel(r));
    }

    @Override
    public List<SecurityLabel> securityLabels(DomainRef dom) throws VirtException {
        XdrReader r = rpc.call(RemoteProc.DOMAIN_GET_SECURITY_LABEL_LIST, RemoteCalls.dom(dom));
        return RemoteSecurityLabels.decode(rpc, r);
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

    static DomainRef ref(WireDomain d) {
        return new DomainRef(d.name(), d.uuid(), d.id());
    }
}
