package org.jvirt.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.jvirt.api.ConnectUri;
import org.jvirt.api.Connection;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainEventListener;
import org.jvirt.api.DomainStats;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.Flag;
import org.jvirt.api.NodeInfo;
import org.jvirt.api.OpenFlag;
import org.jvirt.api.SecurityModel;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.DriverConnection;
import org.jvirt.api.spi.NetworkDriver;
import org.jvirt.api.spi.NetworkRef;
import org.jvirt.api.spi.SecretDriver;
import org.jvirt.api.spi.SecretRef;
import org.jvirt.api.spi.StorageDriver;
import org.jvirt.api.spi.StoragePoolRef;

/**
 * The {@link Connection} the core hands out. It validates each call as libvirt's public entry
 * points do (closed connection, arguments, read-only access), then dispatches it through its
 * {@link DriverSession} to whichever driver connection serves the URI now.
 */
final class ConnectionFacade extends SharedDriverCalls {
    /** libvirt 9.0.0, the version Debian 12's clients speak. */
    static final long LIB_VERSION = 9_000_000L;

    private final ConnectUri uri;
    private final int flags;
    private final DriverSession session;
    private final EventFanout events;
    private final SecretAccess secrets;
    private final SecretApi secretApi;
    private final NetworkAccess networks;
    private final NetworkApi networkApi;
    private final StorageAccess storage;
    private final StorageApi storageApi;
    private final Consumer<ConnectionFacade> onClose;
    private final LifecycleListeners listeners;
    private final DomainStatsCalls statsCalls;
    private final SaveImageCalls saveImages = new SaveImageCalls(this);

    ConnectionFacade(ConnectUri uri, int flags, DriverSession session, Consumer<ConnectionFacade> onClose) {
        this(uri, flags, session, onClose, () -> null);
    }

    /** With {@code sharedSecrets}: the host's secret driver service now (null while there is none). */
    ConnectionFacade(ConnectUri uri, int flags, DriverSession session, Consumer<ConnectionFacade> onClose,
                     Supplier<SecretDriver> sharedSecrets) {
        this(uri, flags, session, onClose, sharedSecrets, () -> null, () -> null);
    }

    /** With {@code sharedNetworks} / {@code sharedStorage}: the host's network / storage driver service now (null while there is none). */
    ConnectionFacade(ConnectUri uri, int flags, DriverSession session, Consumer<ConnectionFacade> onClose,
                     Supplier<SecretDriver> sharedSecrets, Supplier<NetworkDriver> sharedNetworks,
                     Supplier<StorageDriver> sharedStorage) {
        this.uri = uri;
        this.flags = flags;
        this.session = session;
        this.onClose = onClose;
        this.events = new EventFanout(uri.toString(), this::domainOf);
        this.listeners = new LifecycleListeners(this, session, events);
        this.statsCalls = new DomainStatsCalls(this);
        this.secrets = new SecretAccess(sharedSecrets, flags, events,
                e -> new SecretFacade(this, new SecretRef(e.uuid(), e.usageType(), e.usageId())));
        this.secretApi = new SecretApi(this, secrets);
        this.networks = new NetworkAccess(sharedNetworks, flags, events,
                e -> new NetworkFacade(this, new NetworkRef(e.name(), e.uuid())));
        this.networkApi = new NetworkApi(this, networks);
        this.storage = new StorageAccess(sharedStorage, flags, events,
                e -> new StoragePoolFacade(this, new StoragePoolRef(e.name(), e.uuid())));
        this.storageApi = new StorageApi(this, storage);
        session.onBind(dc -> {
            if (events.hasListeners()) {
                dc.setEventSink(events.sink());
            }
        });
    }

    @Override
    public ConnectUri uri() {
        return uri;
    }

    @Override
    public boolean isReadOnly() {
        return Flag.isSet(flags, OpenFlag.READ_ONLY);
    }

    @Override
    public String type() throws VirtException {
        return call("virConnectGetType", b -> b.connection().type());
    }

    @Override
    public long hypervisorVersion() throws VirtException {
        return call("virConnectGetVersion", b -> b.connection().hypervisorVersion());
    }

    @Override
    public long libVersion() throws VirtException {
        checkOpen("virConnectGetLibVersion", ErrorDomain.NONE);
        return LIB_VERSION;
    }

    @Override
    public String hostname() throws VirtException {
        return call("virConnectGetHostname", b -> b.connection().hostname());
    }

    @Override
    public String capabilities() throws VirtException {
        return call("virConnectGetCapabilities", b -> b.connection().capabilities());
    }

    @Override
    public String domainCapabilities(String emulatorBin, String arch, String machine, String virtType, int capsFlags)
            throws VirtException {
        // libvirt's remote ACL is connect:write: a read-only connection is refused
        String fn = "virConnectGetDomainCapabilities";
        checkWritable(fn, ErrorDomain.NONE);
        return call(fn, b -> b.connection().domainCapabilities(emulatorBin, arch, machine, virtType, capsFlags));
    }

    @Override
    public NodeInfo nodeInfo() throws VirtException {
        return call("virNodeGetInfo", b -> b.connection().nodeInfo());
    }

    @Override
    public int maxVcpus(String type) throws VirtException {
        return call("virConnectGetMaxVcpus", b -> b.connection().maxVcpus(type));
    }

    @Override
    public List<Domain> listAllDomains(int listFlags) throws VirtException {
        return call("virConnectListAllDomains", b -> {
            List<Domain> out = new ArrayList<>();
            for (DomainRef ref : b.connection().listAllDomains(listFlags)) {
                out.add(new DomainFacade(this, ref, b.generation(), true));
            }
            return out;
        });
    }

    @Override
    public Domain lookupByName(String name) throws VirtException {
        String fn = "virDomainLookupByName";
        checkOpen(fn, ErrorDomain.DOMAIN);
        Checks.notNull(name, "name", fn, ErrorDomain.DOMAIN);
        return domainCall(fn, b -> b.connection().lookupByName(name));
    }

    @Override
    public Domain lookupByUuid(UUID uuid) throws VirtException {
        String fn = "virDomainLookupByUUID";
        checkOpen(fn, ErrorDomain.DOMAIN);
        Checks.notNull(uuid, "uuid", fn, ErrorDomain.DOMAIN);
        return domainCall(fn, b -> b.connection().lookupByUuid(uuid));
    }

    @Override
    public Domain lookupById(int id) throws VirtException {
        String fn = "virDomainLookupByID";
        checkOpen(fn, ErrorDomain.DOMAIN);
        Checks.nonNegative(id, "id", fn, ErrorDomain.DOMAIN);
        return domainCall(fn, b -> b.connection().lookupById(id));
    }

    /**
     * libvirt's {@code virGetDomain}: the driver's own handle when it makes one without a round
     * trip, else one whose first call looks the domain up by UUID (so a domain that does not exist
     * fails that call as the driver's lookup reports it).
     */
    @Override
    public Domain domainHandle(String name, UUID uuid, int id) throws VirtException {
        String fn = "virGetDomain";
        checkOpen(fn, ErrorDomain.DOMAIN);
        Checks.notNull(uuid, "uuid", fn, ErrorDomain.DOMAIN);
        return call(fn, b -> {
            Optional<DomainRef> ref = b.connection().domainHandle(name, uuid, id);
            return ref.isPresent() ? new DomainFacade(this, ref.get(), b.generation(), false)
                    : new DomainFacade(this, new DomainRef(name, uuid, id), DomainCalls.UNRESOLVED, false);
        });
    }

    @Override
    public Domain defineXml(String xml, int defineFlags) throws VirtException {
        String fn = Checks.function(defineFlags, "virDomainDefineXML", "virDomainDefineXMLFlags");
        checkWritable(fn, ErrorDomain.DOMAIN);
        Checks.notNull(xml, "xml", fn, ErrorDomain.DOMAIN);
        return domainCall(fn, b -> b.connection().defineXml(xml, defineFlags));
    }

    @Override
    public Domain createXml(String xml, int createFlags) throws VirtException {
        String fn = "virDomainCreateXML";
        checkWritable(fn, ErrorDomain.DOMAIN);
        Checks.notNull(xml, "xmlDesc", fn, ErrorDomain.DOMAIN);
        return domainCall(fn, b -> b.connection().createXml(xml, createFlags));
    }

    @Override
    public String domainXmlToNative(String nativeFormat, String xml, int convertFlags) throws VirtException {
        String fn = "virConnectDomainXMLToNative";
        checkWritable(fn, ErrorDomain.DOMAIN);
        Checks.notNull(nativeFormat, "nativeFormat", fn, ErrorDomain.DOMAIN);
        Checks.notNull(xml, "domainXml", fn, ErrorDomain.DOMAIN);
        return call(fn, b -> b.connection().domainXmlToNative(nativeFormat, xml, convertFlags));
    }

    @Override
    public String domainXmlFromNative(String nativeFormat, String nativeConfig, int convertFlags) throws VirtException {
        String fn = "virConnectDomainXMLFromNative";
        checkWritable(fn, ErrorDomain.DOMAIN);
        Checks.notNull(nativeFormat, "nativeFormat", fn, ErrorDomain.DOMAIN);
        Checks.notNull(nativeConfig, "nativeConfig", fn, ErrorDomain.DOMAIN);
        return call(fn, b -> b.connection().domainXmlFromNative(nativeFormat, nativeConfig, convertFlags));
    }

    @Override
    public void restore(String from) throws VirtException {
        saveImages.restore(from);
    }

    @Override
    public void restoreFlags(String from, String dxml, int restoreFlags) throws VirtException {
        saveImages.restoreFlags(from, dxml, restoreFlags);
    }

    @Override
    public String saveImageXmlDesc(String file, int xmlFlags) throws VirtException {
        return saveImages.xmlDesc(file, xmlFlags);
    }

    @Override
    public void saveImageDefineXml(String file, String dxml, int defineFlags) throws VirtException {
        saveImages.defineXml(file, dxml, defineFlags);
    }

    @Override
    public int addLifecycleListener(DomainEventListener listener) throws VirtException {
        return listeners.add(listener);
    }

    @Override
    public void removeLifecycleListener(int callbackId) throws VirtException {
        listeners.remove(callbackId);
    }

    @Override
    public SecurityModel securityModel() throws VirtException {
        return call("virNodeGetSecurityModel", b -> b.connection().securityModel());
    }

    @Override
    public List<DomainStats> allDomainStats(int stats, int statsFlags) throws VirtException {
        return statsCalls.all(stats, statsFlags);
    }

    @Override
    public List<DomainStats> domainStats(List<Domain> domains, int stats, int statsFlags) throws VirtException {
        return statsCalls.of(domains, stats, statsFlags);
    }

    @Override
    public boolean isAlive() {
        return !session.isClosed() && session.tryRebindNow();
    }

    @Override
    public void close() {
        if (session.isClosed()) {
            return;
        }
        session.close();
        secrets.close();
        networks.close();
        storage.close();
        events.shutdown();
        onClose.accept(this);
    }

    @Override
    public String toString() {
        return "Connection[" + uri + (isReadOnly() ? ", read-only" : "") + "]";
    }

    /** Called by the factory when a driver registers: rebind in the background if events are wanted. */
    void driverAdded() {
        if (events.hasListeners() && session.peek() == null && !session.isClosed()) {
            events.submit(session::tryRebindNow);
        }
    }

    /** Called by the factory when a driver unregisters. */
    void driverRemoved(DriverEntry entry) {
        session.driverRemoved(entry);
    }

    void checkOpen(String function, ErrorDomain domain) throws VirtException {
        if (session.isClosed()) {
            throw Checks.closed(function, domain);
        }
    }

    void checkWritable(String function, ErrorDomain domain) throws VirtException {
        checkOpen(function, domain);
        if (isReadOnly()) {
            throw Checks.readOnly(function, domain);
        }
    }

    /** Dispatches through the session; the caller has validated. */
    <T> T call(String function, DriverCall<T> op) throws VirtException {
        checkOpen(function, ErrorDomain.NONE);
        return session.call(function, op);
    }

    /** Dispatches a state change whose {@code outcome} can be read after a driver swap cut it off. */
    <T> T call(String function, DriverCall<T> op, Outcome<T> outcome) throws VirtException {
        checkOpen(function, ErrorDomain.NONE);
        return session.call(function, op, outcome);
    }

    private Domain domainCall(String function, DriverCall<DomainRef> op) throws VirtException {
        return call(function, b -> new DomainFacade(this, op.apply(b), b.generation(), true));
    }

    private Domain domainOf(DomainRef ref) {
        Binding b = session.peek();
        return new DomainFacade(this, ref, b == null ? DomainCalls.UNRESOLVED : b.generation(), true);
    }

    /** For tests: the driver connection serving this facade now, or null. */
    DriverConnection currentDriverConnection() {
        Binding b = session.peek();
        return b == null ? null : b.connection();
    }

    /** Dispatches to the secret driver of the current driver connection; the caller has validated. */
    <T> T secretCall(String function, SecretCall<T> op) throws VirtException {
        return call(function, b -> op.apply(secrets.resolve(b.connection(), function)));
    }

    /** Dispatches to the network driver of the current driver connection; the caller has validated. */
    <T> T networkCall(String function, NetworkCall<T> op) throws VirtException {
        return call(function, b -> op.apply(networks.resolve(b.connection(), function)));
    }

    /** Dispatches to the storage driver of the current driver connection; the caller has validated. */
    <T> T storageCall(String function, StorageCall<T> op) throws VirtException {
        return call(function, b -> op.apply(storage.resolve(b.connection(), function)));
    }

    @Override
    SecretApi secretApi() {
        return secretApi;
    }

    @Override
    NetworkApi networkApi() {
        return networkApi;
    }

    @Override
    StorageApi storageApi() {
        return storageApi;
    }
}
