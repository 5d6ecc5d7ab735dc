package org.jvirt.driver.test.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jvirt.api.DomainEvent;
import org.jvirt.api.DomainInfo;
import org.jvirt.api.DomainInterface;
import org.jvirt.api.DomainStateInfo;
import org.jvirt.api.NodeInfo;
import org.jvirt.api.VirtException;
import org.jvirt.api.XmlFlag;
import org.jvirt.api.spi.DomainEventSink;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.DomainSaveDriver;
import org.jvirt.api.spi.ManagedSaveDriver;
import org.jvirt.api.spi.NetworkDriverConnection;
import org.jvirt.api.spi.StorageDriverConnection;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.DomainXmlCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One connection to a {@link TestHost}: libvirt's test driver entry points. Thread-safe. */
final class TestConnection extends TestGuestCalls {
    private static final Logger LOG = LoggerFactory.getLogger(TestConnection.class);

    /** libvirt's {@code testConnectGetVersion}: 0.0.2. */
    static final long HYPERVISOR_VERSION = 2;
    /** What {@code virConnectGetType} answers for the test driver. */
    static final String TYPE = "TEST";
    /** {@code testConnectGetMaxVcpus}. */
    static final int MAX_VCPUS = 32;
    /** virDomainXMLFlags the test driver accepts: SECURE, INACTIVE, MIGRATABLE. */
    private static final int XML_FLAGS = XmlFlag.SECURE.bit() | XmlFlag.INACTIVE.bit() | XmlFlag.MIGRATABLE.bit();

    private final DomainLifecycle lifecycle;
    private final TestManagedSave managedSave;
    private final TestSaves saves;
    private final HostName hostname;
    private final TestNetworkConnection networks;
    private final TestStorageConnection pools;
    private final TestInterfaceAddresses addresses;
    private volatile DomainEventSink sink;
    private volatile boolean closed;

    TestConnection(TestHost host, HostName hostname, HostStorage storage) {
        super(host);
        this.hostname = hostname;
        this.networks = storage.connectNetworks();
        this.addresses = new TestInterfaceAddresses(host, storage.networks());
        this.pools = storage.connectStorage();
        this.lifecycle = new DomainLifecycle(host, new DefinitionPolicy(host.codec()));
        this.managedSave = new TestManagedSave(lifecycle);
        this.saves = new TestSaves(host, lifecycle);
        host.attach(this);
    }

    void deliver(DomainEvent event) {
        DomainEventSink s = sink;
        if (s != null) {
            try {
                s.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("Event sink failed on {}", event, e);
            }
        }
    }

    @Override
    public void setEventSink(DomainEventSink sink) {
        this.sink = sink;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public long hypervisorVersion() {
        return HYPERVISOR_VERSION;
    }

    @Override
    public String hostname() {
        return hostname.get();
    }

    @Override
    public String capabilities() {
        return host.capabilities();
    }

    @Override
    public NodeInfo nodeInfo() {
        return host.nodeInfo();
    }

    @Override
    public int maxVcpus(String type) {
        return MAX_VCPUS;
    }

    @Override
    public List<DomainRef> listAllDomains(int flags) throws VirtException {
        TestDriverErrors.checkFlags(flags, DomainFilter.ALL, "testConnectListAllDomains");
        DomainFilter filter = new DomainFilter(flags);
        return host.locked(() -> {
            List<DomainRef> out = new ArrayList<>();
            for (DomainObj d : host.all()) {
                if (filter.matches(d)) {
                    out.add(d.ref());
                }
            }
            return out;
        });
    }

    @Override
    public DomainRef lookupByName(String name) throws VirtException {
        return host.locked(() -> found(host.byName(name)));
    }

    @Override
    public DomainRef lookupByUuid(UUID uuid) throws VirtException {
        return host.locked(() -> found(host.byUuid(uuid)));
    }

    @Override
    public DomainRef lookupById(int id) throws VirtException {
        return host.locked(() -> found(host.byId(id)));
    }

    /**
     * A handle without a round trip (libvirt's virGetDomain): every call here finds its domain by UUID
     * ({@link TestHost#find}) and fails as libvirt's testDomObjFromDomain, NO_DOMAIN "no domain with
     * matching uuid 'UUID' (NAME)", when it has gone. Without a name the core looks the domain up first.
     */
    @Override
    public Optional<DomainRef> domainHandle(String name, UUID uuid, int id) {
        return name == null ? Optional.empty() : Optional.of(new DomainRef(name, uuid, id));
    }

    private static DomainRef found(DomainObj dom) throws VirtException {
        if (dom == null) {
            throw TestDriverErrors.noDomain();
        }
        return dom.ref();
    }

    @Override
    public DomainRef defineXml(String xml, int flags) throws VirtException {
        return lifecycle.define(xml, flags);
    }

    @Override
    public DomainRef createXml(String xml, int flags) throws VirtException {
        return lifecycle.createXml(xml, flags);
    }

    @Override
    public String osType(DomainRef dom) {
        // libvirt's test driver answers "linux" whatever the definition says, without looking the domain up
        return "linux";
    }

    @Override
    public DomainStateInfo state(DomainRef dom) throws VirtException {
        return host.locked(() -> host.find(dom).stateInfo());
    }

    @Override
    public DomainInfo info(DomainRef ref) throws VirtException {
        return host.locked(() -> {
            DomainObj dom = host.find(ref);
            DomainDef def = dom.def();
            Instant now = Instant.now();
            long cpuTime = now.getEpochSecond() * 1_000_000_000L + now.getNano() / 1_000 * 1_000L;
            return new DomainInfo(dom.state(), def.memory().kib(), def.currentMemoryKib(),
                    VcpuOps.onlineCount(def), cpuTime);
        });
    }

    @Override
    public boolean isPersistent(DomainRef dom) throws VirtException {
        return host.locked(() -> host.find(dom).isPersistent());
    }

    @Override
    public void create(DomainRef dom, int flags) throws VirtException {
        lifecycle.create(dom, flags);
    }

    @Override
    public void destroy(DomainRef dom, int flags) throws VirtException {
        lifecycle.destroy(dom, flags);
    }

    @Override
    public void shutdown(DomainRef dom, int flags) throws VirtException {
        lifecycle.shutdown(dom, flags);
    }

    @Override
    public void reboot(DomainRef dom, int flags) throws VirtException {
        lifecycle.reboot(dom, flags);
    }

    @Override
    public void reset(DomainRef dom, int flags) throws VirtException {
        lifecycle.reset(dom, flags);
    }

    @Override
    public void suspend(DomainRef dom) throws VirtException {
        lifecycle.suspend(dom);
    }

    @Override
    public void resume(DomainRef dom) throws VirtException {
        lifecycle.resume(dom);
    }

    @Override
    public void undefine(DomainRef dom, int flags) throws VirtException {
        lifecycle.undefine(dom, flags);
    }

    @Override
    public Optional<ManagedSaveDriver> ownManagedSave() {
        return Optional.of(managedSave);
    }

    @Override
    public Optional<DomainSaveDriver> ownSaves() {
        return Optional.of(saves);
    }

    @Override
    public String xmlDesc(DomainRef ref, int flags) throws VirtException {
        TestDriverErrors.checkFlags(flags, XML_FLAGS, "testDomainGetXMLDesc");
        boolean inactive = (flags & XmlFlag.INACTIVE.bit()) != 0;
        int format = (inactive ? DomainXmlCodec.FORMAT_INACTIVE : 0)
                | ((flags & XmlFlag.SECURE.bit()) != 0 ? DomainXmlCodec.FORMAT_SECURE : 0);
        DomainDef def = host.locked(() -> {
            DomainObj dom = host.find(ref);
            return inactive && dom.newDef() != null ? dom.newDef() : dom.liveDef();
        });
        return host.codec().format(inactive ? def.withId(-1) : def, format);
    }

    @Override
    public boolean autostart(DomainRef dom) throws VirtException {
        return host.locked(() -> host.find(dom).autostart());
    }

    @Override
    public void setAutostart(DomainRef ref, boolean autostart) throws VirtException {
        host.changing(() -> {
            DomainObj dom = host.find(ref);
            dom.setAutostart(autostart);
            host.save(dom);
            return null;
        });
    }

    @Override
    public boolean isAlive() {
        return !closed && !host.isClosed();
    }

    @Override
    public void close() {
        closed = true;
        sink = null;
        host.detach(this);
        ownNetworks().ifPresent(NetworkDriverConnection::close);
        ownStorage().ifPresent(StorageDriverConnection::close);
    }

    @Override
    public List<DomainInterface> interfaceAddresses(DomainRef dom, int source, int flags) throws VirtException {
        return addresses.of(dom, source, flags);
    }

    /** libvirt's test driver has no secret driver (it registers without the shared ones): NO_SUPPORT. */
    @Override
    public boolean usesSharedSecrets() {
        return false;
    }

    /** Never the host's network and storage drivers (real bridges and disks): NO_SUPPORT without its own. */
    @Override
    public boolean usesSharedNetworks() {
        return false;
    }

    @Override
    public boolean usesSharedStorage() {
        return false;
    }

    /** The host's own networks (libvirt's test driver keeps them in memory); none without the network bundle. */
    @Override
    public Optional<NetworkDriverConnection> ownNetworks() {
        return Optional.ofNullable(networks);
    }

    /** The host's own pools, in memory; none without the storage bundle. */
    @Override
    public Optional<StorageDriverConnection> ownStorage() {
        return Optional.ofNullable(pools);
    }
}
