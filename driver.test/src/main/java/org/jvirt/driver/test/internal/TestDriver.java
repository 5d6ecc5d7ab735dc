package org.jvirt.driver.test.internal;

import java.nio.file.Path;
import java.util.Optional;

import org.jvirt.api.ConnectUri;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.OpenFlag;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DriverConnection;
import org.jvirt.api.spi.DriverSchemes;
import org.jvirt.api.spi.HypervisorDriver;
import org.jvirt.api.spi.NetworkConf;
import org.jvirt.api.spi.StateStore;
import org.jvirt.api.spi.StorageConf;
import org.jvirt.api.xml.DomainXmlCodec;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * libvirt's test driver as a jvirt {@link HypervisorDriver} for scheme {@code test}:
 * {@code test:///default} is one host shared by all its connections and kept in the core's
 * {@link StateStore}, so it survives an update of this bundle; {@code test:///ABSOLUTE/PATH.xml}
 * loads a private host from a file for each connection.
 */
@Component(service = HypervisorDriver.class)
@DriverSchemes({"test"})
public final class TestDriver implements HypervisorDriver {
    private static final Logger LOG = LoggerFactory.getLogger(TestDriver.class);
    static final String NAME = "Test";
    private static final int OPEN_FLAGS = OpenFlag.READ_ONLY.bit() | OpenFlag.NO_ALIASES.bit();

    private final DomainXmlCodec codec;
    private final TestHost defaultHost;
    private final HostName hostname = new HostName();
    private NetworkConf networkConf;
    private StorageConf storageConf;
    /** test:///default's networks and pools, made at its first open after the XML services changed. */
    private HostStorage defaultStorage;

    /**
     * Without networks and storage pools until the network and storage bundles' XML services bind
     * (their calls answer NO_SUPPORT until then).
     */
    @Activate
    public TestDriver(@Reference(name = "store") StateStore store, @Reference(name = "codec") DomainXmlCodec codec)
            throws VirtException {
        this(store, codec, null, null);
    }

    /**
     * With the network and storage bundles' XML, when they are there, for the hosts' networks and
     * pools; they are kept in memory, so {@code test:///default}'s start again from libvirt's defaults
     * when either XML service changes (its domains are kept in the state store).
     */
    public TestDriver(StateStore store, DomainXmlCodec codec, NetworkConf networkConf, StorageConf storageConf)
            throws VirtException {
        this.codec = codec;
        this.networkConf = networkConf;
        this.storageConf = storageConf;
        this.defaultHost = new StoredHost(store, codec).open();
    }

    // The XML services are dynamic references: with static ones, the network and storage bundles
    // (started after this one) re-activated this component at each daemon start, restoring its
    // default host twice, and again while the framework stopped.
    @Reference(name = "networkConf", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unsetNetworkConf")
    synchronized void setNetworkConf(NetworkConf conf) {
        networkConf = conf;
        defaultStorage = null;
    }

    synchronized void unsetNetworkConf(NetworkConf conf) {
        if (networkConf == conf) {
            networkConf = null;
            defaultStorage = null;
        }
    }

    @Reference(name = "storageConf", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unsetStorageConf")
    synchronized void setStorageConf(StorageConf conf) {
        storageConf = conf;
        defaultStorage = null;
    }

    synchronized void unsetStorageConf(StorageConf conf) {
        if (storageConf == conf) {
            storageConf = null;
            defaultStorage = null;
        }
    }

    private synchronized HostStorage defaultStorage() throws VirtException {
        if (defaultStorage == null) {
            defaultStorage = HostStorage.defaults(networkConf, storageConf);
        }
        return defaultStorage;
    }

    @Deactivate
    void deactivate() {
        defaultHost.close();
        LOG.debug("Test driver stopped; its connections no longer serve");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<DriverConnection> open(ConnectUri uri, int flags) throws VirtException {
        if (!"test".equals(uri.driver()) || uri.isRemote()) {
            return Optional.empty();
        }
        TestDriverErrors.checkFlags(flags, OPEN_FLAGS, "testConnectOpen");
        String path = uri.path();
        if (path.isEmpty() || "/".equals(path)) {
            throw TestDriverErrors.invalidArg(ErrorDomain.TEST, "testOpen: supply a path or use test:///default");
        }
        if ("/default".equals(path)) {
            return Optional.of(new TestConnection(defaultHost, hostname, defaultStorage()));
        }
        HostFile file = new HostFile(Path.of(path), codec);
        TestHost host = file.load();
        NetworkConf networks;
        StorageConf pools;
        synchronized (this) {
            networks = networkConf;
            pools = storageConf;
        }
        HostStorage storage = file.loadStorage(networks, pools);
        LOG.debug("Opened test host from {}", path);
        return Optional.of(new TestConnection(host, hostname, storage));
    }
}
