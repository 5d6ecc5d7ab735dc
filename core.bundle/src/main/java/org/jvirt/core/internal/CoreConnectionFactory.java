package org.jvirt.core.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import org.jvirt.api.ConnectAuth;
import org.jvirt.api.ConnectUri;
import org.jvirt.api.Connection;
import org.jvirt.api.ConnectionFactory;
import org.jvirt.api.DriverInfo;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.HypervisorDriver;
import org.jvirt.api.spi.NetworkDriver;
import org.jvirt.api.spi.SecretDriver;
import org.jvirt.api.spi.StorageDriver;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core: opens libvirt URIs on the {@link HypervisorDriver} services in the registry.
 * <p>
 * Routing: a local URI ({@code test:///default}) goes to the drivers whose
 * {@link HypervisorDriver#SCHEMES} contain its driver part ({@code test}); a URI naming a
 * transport or a host ({@code test+tcp://h/default}, {@code qemu://h/system}) goes to the drivers
 * registering the scheme {@code remote}, as libvirt hands such URIs to its remote driver. Candidates
 * are tried highest service ranking first; the next one only when a driver declines.
 * <p>
 * The connections it returns outlive driver instances (see {@link DriverSession}). While the
 * framework is starting, an open whose driver is not registered yet waits for it (see
 * {@link StartupWait}).
 * <p>
 * <b>Without OSGi</b> (unit tests of drivers and other bundles), build one around driver instances:
 * <pre>
 * CoreConnectionFactory core = CoreConnectionFactory.forDriver(new TestDriver(...), "test");
 * // or: new CoreConnectionFactory(Duration.ofSeconds(2)) then
 * //     core.addDriver(driver, Map.of(HypervisorDriver.SCHEMES, new String[] {"test"}, "service.ranking", 10));
 * Connection c = core.open("test:///default", 0);
 * core.removeDriver(driver);   // as if its bundle stopped
 * </pre>
 */
@Component(service = ConnectionFactory.class, configurationPid = CoreConfig.PID)
@Designate(ocd = CoreConfig.class)
public final class CoreConnectionFactory implements ConnectionFactory {
    private static final Logger LOG = LoggerFactory.getLogger(CoreConnectionFactory.class);

    private final DriverRegistry registry = new DriverRegistry();
    private final DriverOpener opener = new DriverOpener(registry);
    private final Set<ConnectionFacade> openConnections = ConcurrentHashMap.newKeySet();
    private final StartupWait startup = new StartupWait();
    private PendingDrivers pendingDrivers;
    private final AtomicLong syntheticIds = new AtomicLong(Long.MAX_VALUE / 2);
    private volatile Duration driverWait;
    private volatile boolean deactivated;
    /** The host's shared secret driver (libvirt's secondary secret driver), null while none is registered. */
    private volatile SecretDriver secretDriver;
    /** The host's shared network driver (libvirt's secondary network driver), null while none is registered. */
    private volatile NetworkDriver networkDriver;
    /** The host's shared storage driver (libvirt's secondary storage driver), null while none is registered. */
    private volatile StorageDriver storageDriver;

    /** Used by Declarative Services; the wait comes from the configuration. */
    public CoreConnectionFactory() {
        this(Duration.ofSeconds(CoreConfig.DEFAULT_DRIVER_WAIT_SECONDS));
    }

    /** For use without OSGi: {@code driverWait} is how long calls wait for a replacement driver. */
    public CoreConnectionFactory(Duration driverWait) {
        this.driverWait = driverWait;
    }

    /** A factory serving {@code schemes} with one driver (ranking 0), for use without OSGi. */
    public static CoreConnectionFactory forDriver(HypervisorDriver driver, String... schemes) {
        CoreConnectionFactory core = new CoreConnectionFactory();
        core.addDriver(driver, Map.of(HypervisorDriver.SCHEMES, schemes));
        return core;
    }

    /** The daemon is starting while a bundle with a driver is still to be started (see {@link PendingDrivers}). */
    @Activate
    void activate(CoreConfig config, BundleContext context) {
        pendingDrivers = new PendingDrivers(context).open();
        startingWhile(pendingDrivers);
        configure(config);
    }

    /**
     * {@code starting} answers whether the daemon is still starting: meanwhile an open whose driver
     * is not registered yet (and a call for a secondary driver not registered yet) waits for it, at
     * most the driver wait.
     */
    void startingWhile(BooleanSupplier starting) {
        startup.startingWhile(starting);
    }

    @Modified
    void configure(CoreConfig config) {
        driverWait = Duration.ofSeconds(Math.max(0, config.driver_wait_seconds()));
        LOG.debug("core configured: calls wait up to {} for a replacement driver", driverWait);
    }

    /**
     * Closes every connection handed out: they die with this service (the core stopped or is being
     * updated); consumers that outlive it open them again on the replacement.
     */
    @Deactivate
    void deactivate() {
        deactivated = true;
        if (pendingDrivers != null) {
            pendingDrivers.close();
        }
        for (ConnectionFacade c : List.copyOf(openConnections)) {
            c.close();
        }
    }

    @Reference(name = "driver", service = HypervisorDriver.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            unbind = "unbindDriver", updated = "updatedDriver")
    void bindDriver(HypervisorDriver driver, ServiceReference<HypervisorDriver> ref) {
        add(DriverEntry.of(driver, properties(ref), syntheticIds.incrementAndGet(), bundleOf(ref)));
    }

    void updatedDriver(HypervisorDriver driver, ServiceReference<HypervisorDriver> ref) {
        bindDriver(driver, ref);
    }

    void unbindDriver(HypervisorDriver driver, ServiceReference<HypervisorDriver> ref) {
        removeDriver(driver);
    }

    /**
     * Adds (or updates) a driver as if it were registered with {@code properties}:
     * {@link HypervisorDriver#SCHEMES} ({@code String}, {@code String[]} or a collection),
     * optionally {@code service.ranking} (Integer) and {@code service.id} (Long).
     */
    public void addDriver(HypervisorDriver driver, Map<String, ?> properties) {
        add(DriverEntry.of(driver, properties, syntheticIds.incrementAndGet(), ""));
    }

    /** Removes a driver as if its service were unregistered; its connections move to a replacement. */
    public void removeDriver(HypervisorDriver driver) {
        registry.remove(driver).ifPresent(entry -> {
            LOG.info("driver {} is gone", entry.describe());
            for (ConnectionFacade c : openConnections) {
                c.driverRemoved(entry);
            }
        });
    }

    @Override
    public Connection open(String uri, int flags) throws VirtException {
        return open(uri, null, flags);
    }

    @Override
    public Connection open(String uri, ConnectAuth auth, int flags) throws VirtException {
        ConnectUri parsed = ConnectUri.parse(uri == null ? DEFAULT_URI : uri);
        Binding first = openFirst(parsed, auth, flags);
        DriverSession session = new DriverSession(registry, parsed, auth, flags, () -> driverWait, first);
        ConnectionFacade facade = new ConnectionFacade(parsed, flags, session, openConnections::remove,
                () -> startup.awaitNonNull(() -> secretDriver, driverWait),
                () -> startup.awaitNonNull(() -> networkDriver, driverWait),
                () -> startup.awaitNonNull(() -> storageDriver, driverWait));
        openConnections.add(facade);
        if (deactivated) { // deactivate() may have closed the others before this one was added
            facade.close();
            throw new VirtException(ErrorCode.NO_CONNECT, ErrorDomain.NONE, parsed + ": the jvirt core is stopping");
        }
        return facade;
    }

    /** The first driver connection; while the daemon starts, a URI no registered driver serves waits for one. */
    private Binding openFirst(ConnectUri parsed, ConnectAuth auth, int flags) throws VirtException {
        long deadline = System.nanoTime() + driverWait.toNanos();
        while (true) {
            long seen = startup.registrations();
            if (!registry.candidates(parsed).isEmpty()) {
                return opener.tryOpen(parsed, auth, flags).orElseThrow(() -> opener.noDriver(parsed, null));
            }
            try {
                if (!startup.awaitRegistration(seen, deadline)) {
                    break;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            LOG.debug("{}: a driver was registered during the start, looking again", parsed);
        }
        return opener.tryOpen(parsed, auth, flags).orElseThrow(() -> opener.noDriver(parsed, null));
    }

    @Override
    public List<DriverInfo> drivers() {
        return registry.all().stream().map(DriverEntry::info).toList();
    }

    private void add(DriverEntry entry) {
        registry.add(entry);
        LOG.info("driver {} registered", entry.describe());
        startup.registered();
        for (ConnectionFacade c : openConnections) {
            c.driverAdded();
        }
    }

    private static Map<String, Object> properties(ServiceReference<?> ref) {
        Map<String, Object> props = new HashMap<>();
        for (String key : ref.getPropertyKeys()) {
            props.put(key, ref.getProperty(key));
        }
        return props;
    }

    private static String bundleOf(ServiceReference<?> ref) {
        Bundle b = ref.getBundle();
        return b == null ? "" : b.getSymbolicName() + " " + b.getVersion();
    }

    /** Binds the highest-ranked secret driver; connections open a connection to it on their next secret call. */
    @Reference(name = "secretDriver", service = SecretDriver.class, cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindSecretDriver")
    public void bindSecretDriver(SecretDriver driver) {
        secretDriver = driver;
        startup.registered();
        LOG.info("secret driver {} bound", driver);
    }

    void unbindSecretDriver(SecretDriver driver) {
        if (secretDriver == driver) {
            secretDriver = null;
        }
    }

    /** Binds the highest-ranked network driver; connections open a connection to it on their next network call. */
    @Reference(name = "networkDriver", service = NetworkDriver.class, cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindNetworkDriver")
    public void bindNetworkDriver(NetworkDriver driver) {
        networkDriver = driver;
        startup.registered();
        LOG.info("network driver {} bound", driver);
    }

    void unbindNetworkDriver(NetworkDriver driver) {
        if (networkDriver == driver) {
            networkDriver = null;
        }
    }

    /** Binds the highest-ranked storage driver; connections open a connection to it on their next storage call. */
    @Reference(name = "storageDriver", service = StorageDriver.class, cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindStorageDriver")
    public void bindStorageDriver(StorageDriver driver) {
        storageDriver = driver;
        startup.registered();
        LOG.info("storage driver {} bound", driver);
    }

    void unbindStorageDriver(StorageDriver driver) {
        if (storageDriver == driver) {
            storageDriver = null;
        }
    }
}
