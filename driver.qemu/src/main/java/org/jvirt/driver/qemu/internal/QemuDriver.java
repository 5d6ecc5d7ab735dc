package org.jvirt.driver.qemu.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jvirt.api.ConnectUri;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DriverConnection;
import org.jvirt.api.spi.DriverSchemes;
import org.jvirt.api.spi.HostDirectories;
import org.jvirt.api.spi.HypervisorDriver;
import org.jvirt.api.spi.NetworkDriver;
import org.jvirt.api.spi.SecretDriver;
import org.jvirt.api.spi.StorageDriver;
import org.jvirt.api.spi.StateStore;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.driver.qemu.internal.caps.QemuCapsCache;
import org.jvirt.driver.qemu.internal.cgroup.CgroupMounts;
import org.jvirt.driver.qemu.internal.cgroup.GuestCgroups;
import org.jvirt.driver.qemu.internal.launch.Emulators;
import org.jvirt.driver.qemu.internal.probe.QmpProber;
import org.jvirt.driver.qemu.internal.launch.LibvirtArgv;
import org.jvirt.driver.qemu.internal.net.GuestNetworks;
import org.jvirt.driver.qemu.internal.volume.GuestVolumes;
import org.jvirt.driver.qemu.internal.volume.SharedVolumeResolver;
import org.jvirt.driver.qemu.internal.net.HostCommands;
import org.jvirt.driver.qemu.internal.secret.SecretLookup;
import org.jvirt.driver.qemu.internal.secret.SharedSecretLookup;
import org.jvirt.driver.qemu.internal.security.DacSettings;
import org.jvirt.driver.qemu.internal.security.QemuSecurity;
import org.jvirt.driver.qemu.internal.vcpu.ResolverBinding;
import org.jvirt.driver.qemu.internal.vcpu.VcpuManager;
import org.jvirt.driver.qemu.spi.VcpuThreadResolver;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The QEMU driver: {@code qemu:///system} and {@code qemu:///session}, each with its own domains,
 * state store namespace and folders. Guests are QEMU processes that outlive this component; a new
 * instance reattaches to them and then starts the autostart domains on a thread of its own, so
 * that activation returns at once; connections wait (bounded) until that is done, as libvirtd
 * serves no client before its drivers initialized. The vCPU thread resolver is the highest-ranked
 * {@link VcpuThreadResolver} service, rebound dynamically; the secrets guests use (LUKS passphrases,
 * iSCSI and Ceph keys) come from the highest-ranked {@link SecretDriver} service, libvirt's shared
 * secret driver, looked up at each start (none bound: a guest that needs a secret does not start).
 */
@Component(service = HypervisorDriver.class, configurationPid = QemuConfig.PID)
@Designate(ocd = QemuConfig.class)
@DriverSchemes({"qemu"})
public final class QemuDriver implements HypervisorDriver {
    private static final Logger LOG = LoggerFactory.getLogger(QemuDriver.class);

    @Reference
    private DomainXmlCodec codec;
    @Reference
    private StateStore store;

    private final ResolverBinding resolvers = new ResolverBinding();
    private final AtomicReference<SecretDriver> secretDriver = new AtomicReference<>();
    private final SecretLookup secrets = new SharedSecretLookup(secretDriver::get);
    private final AtomicReference<NetworkDriver> networkDriver = new AtomicReference<>();
    private final AtomicReference<StorageDriver> storageDriver = new AtomicReference<>();
    private volatile QemuHost system;
    private volatile QemuHost session;
    private volatile Emulators emulators;
    private volatile HostCapabilities hostCaps;
    private volatile DomainCapsLookup domainCaps;
    private volatile boolean active;
    private volatile Long version;
    /** Runs the reattach and autostart of the domains after activation. */
    private volatile ExecutorService initThread;
    /** Done when the domains are loaded, reattached and autostarted. */
    private volatile CompletableFuture<Void> initialized = new CompletableFuture<>();
    private volatile Duration initWait = Duration.ZERO;
    private volatile StartObserver startObserver = StartObserver.NONE;
    private volatile Supplier<CgroupMounts> cgroupMounts = CgroupMounts::detect;

    /** For Declarative Services. */
    public QemuDriver() {
    }

    /** Outside OSGi (tests): bind a resolver, then {@link #activate(QemuConfig, BundleContext)}. */
    public QemuDriver(DomainXmlCodec codec, StateStore store) {
        this.codec = codec;
        this.store = store;
    }

    /**
     * Outside OSGi, before activation: the cgroup hierarchies to use instead of this host's as
     * detected (a hybrid host's, with a controller's v1 hierarchy left unused).
     */
    void useCgroupMounts(Supplier<CgroupMounts> mounts) {
        this.cgroupMounts = mounts;
    }

    /** Outside OSGi (crash tests), before activation: who is told of each step of a guest start. */
    void observeStarts(StartObserver observer) {
        this.startObserver = observer;
    }

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    public void bindResolver(VcpuThreadResolver resolver, Map<String, Object> props) {
        resolvers.bind(resolver, props);
    }

    public void updatedResolver(VcpuThreadResolver resolver, Map<String, Object> props) {
        resolvers.bind(resolver, props);
    }

    public void unbindResolver(VcpuThreadResolver resolver) {
        resolvers.unbind(resolver);
    }

    /** The host's secret driver (optional; the highest-ranked one, rebound as services come and go). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void bindSecretDriver(SecretDriver driver) {
        secretDriver.set(driver);
    }

    public void unbindSecretDriver(SecretDriver driver) {
        secretDriver.compareAndSet(driver, null);
    }

    /** The host's network driver (optional): guests' {@code <interface type='network'>} plug into its networks. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void bindNetworkDriver(NetworkDriver driver) {
        networkDriver.set(driver);
    }

    public void unbindNetworkDriver(NetworkDriver driver) {
        networkDriver.compareAndSet(driver, null);
    }

    /** The host's storage driver (optional): guests' {@code <disk type='volume'>} are volumes of its pools. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void bindStorageDriver(StorageDriver driver) {
        storageDriver.set(driver);
    }

    public void unbindStorageDriver(StorageDriver driver) {
        storageDriver.compareAndSet(driver, null);
    }

    @Activate
    public void activate(QemuConfig config, BundleContext context) {
        // run-time files (sockets) in the host's short run directory, logs with the persistent state
        HostDirectories dirs = HostDirectories.ofThisProcess(name -> property(context, name).orElse(null));
        Path base = property(context, "jvirt.qemu.dir").map(Path::of).orElse(dirs.state().resolve("qemu"));
        Path run = config.state_dir().isEmpty() ? dirs.run().resolve("qemu") : Path.of(config.state_dir());
        Path log = config.log_dir().isEmpty() ? base.resolve("log") : Path.of(config.log_dir());
        // save images outlive a host's reboot: with the persistent state, as libvirt's save_dir
        Path save = config.save_dir().isEmpty() ? base.resolve("save") : Path.of(config.save_dir());
        emulators = new Emulators(config.emulator_search_path());
        // probe processes get their own short folder: monitor socket paths must stay under 108 bytes
        QmpProber prober = new QmpProber(run.resolve("probe").toAbsolutePath(),
                Duration.ofMillis(config.monitor_timeout_ms()), config.max_message_bytes());
        hostCaps = new HostCapabilities(new QemuCapsCache(prober), emulators, secrets);
        domainCaps = new DomainCapsLookup(hostCaps, emulators, Path.of(config.cpu_map_dir()), HostDirectories.isRoot());
        // each guest in its own cgroup; the session driver's machine names carry the user, as libvirt's
        CgroupMounts mounts = cgroupMounts.get();
        GuestCgroups cgroups = new GuestCgroups(mounts, "qemu", null);
        GuestCgroups sessionCgroups = new GuestCgroups(mounts, "qemu", System.getProperty("user.name"));
        // libvirt uses DAC only in its privileged daemon: qemu:///system run by root
        boolean root = HostDirectories.isRoot();
        system = host(config, "qemu", run.resolve("system"), log.resolve("system"), save.resolve("system"),
                new VcpuManager(resolvers, cgroups), cgroups, root);
        session = host(config, "qemu-session", run.resolve("session"), log.resolve("session"), save.resolve("session"),
                new VcpuManager(resolvers, sessionCgroups), sessionCgroups, false);
        initWait = Duration.ofMillis(config.init_wait_ms());
        active = true;
        LOG.info("QEMU driver active: run {}, log {}, {}, resolver {}", run.toAbsolutePath(), log.toAbsolutePath(),
                cgroups.describe(), resolvers.description());
        CompletableFuture<Void> done = new CompletableFuture<>();
        initialized = done;
        initThread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "jvirt-qemu-init");
            t.setDaemon(true);
            return t;
        });
        initThread.execute(() -> loadDomains(prober, done));
        initThread.shutdown();   // one task: the thread ends with it instead of idling for the daemon's life
    }

    /**
     * Kills the capabilities probes a killed daemon left, reads the definitions back, reattaches to
     * the running guests (or cleans up those whose start did not finish) and starts the autostart
     * domains.
     */
    private void loadDomains(QmpProber prober, CompletableFuture<Void> done) {
        try {
            List<Long> reaped = prober.reapOrphans();
            if (!reaped.isEmpty()) {
                LOG.warn("QEMU driver: killed {} capabilities probe(s) orphaned by an earlier daemon: pids {}",
                        reaped.size(), reaped);
            }
            system.load();
            session.load();
            done.complete(null);
            LOG.info("QEMU driver: domains loaded, guests reattached");
        } catch (VirtException | RuntimeException e) {
            LOG.error("QEMU driver: cannot load its domains: {}", e.getMessage(), e);
            done.completeExceptionally(e);
        }
    }

    /** Waits, at most {@code init_wait_ms}, until {@link #loadDomains} is done. */
    private void awaitInitialized() throws VirtException {
        try {
            initialized.get(initWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new VirtException(ErrorCode.OPERATION_TIMEOUT, ErrorDomain.QEMU, "the QEMU driver is still "
                    + "reattaching its guests after " + initWait.toMillis() + " ms; try again");
        } catch (ExecutionException e) {
            throw QemuErrors.internal("the QEMU driver cannot load its domains: " + e.getCause().getMessage(),
                    e.getCause());
        } catch (CancellationException e) {
            throw QemuErrors.internal("the QEMU driver is not active");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw QemuErrors.internal("interrupted while the QEMU driver loads its domains");
        }
    }

    private QemuHost host(QemuConfig c, String storeName, Path run, Path log, Path save, VcpuManager vcpus,
                          GuestCgroups cgroups, boolean privileged) {
        HostCommands commands = new HostCommands(List.of(c.command_prefix()));
        QemuSecurity security = new QemuSecurity(new DacSettings(privileged, c.user(), c.group(),
                c.dynamic_ownership(), c.remember_owner()), store, storeName);
        return new QemuHost(new HostContext(storeName, run.toAbsolutePath(), log.toAbsolutePath(),
                c.machine_default(), Duration.ofMillis(c.destroy_timeout_ms()), Duration.ofMillis(c.monitor_timeout_ms()),
                Duration.ofMillis(c.command_timeout_ms()), c.max_message_bytes(), codec, store, emulators,
                new LibvirtArgv(hostCaps::capsOf, codec, run.toAbsolutePath(), c.machine_default(), secrets), vcpus,
                cgroups,
                startObserver, security, new GuestNetworks(networkDriver::get, commands, codec), commands,
                new GuestVolumes(new SharedVolumeResolver(storageDriver::get)), save.toAbsolutePath()));
    }

    private static Optional<String> property(BundleContext context, String name) {
        String v = context == null ? System.getProperty(name) : context.getProperty(name);
        return Optional.ofNullable(v).filter(s -> !s.isBlank());
    }

    /**
     * Closes every monitor connection; the guests keep running for the next instance. A reattach
     * or autostart still in progress is waited for (at most {@code init_wait_ms}), then interrupted.
     */
    @Deactivate
    public void deactivate() {
        active = false;
        ExecutorService init = initThread;
        if (init != null) {
            init.shutdown();
            try {
                if (!init.awaitTermination(initWait.toMillis(), TimeUnit.MILLISECONDS)) {
                    LOG.warn("QEMU driver: loading the domains takes longer than {} ms; interrupting it",
                            initWait.toMillis());
                    init.shutdownNow();
                    init.awaitTermination(initWait.toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        initialized.cancel(false);
        for (QemuHost h : new QemuHost[] {system, session}) {
            if (h != null) {
                h.close();
                h.context().cgroups().release();
            }
        }
        LOG.info("QEMU driver deactivated; guests keep running");
    }

    boolean isActive() {
        return active;
    }

    @Override
    public String name() {
        return "QEMU";
    }

    @Override
    public Optional<DriverConnection> open(ConnectUri uri, int flags) throws VirtException {
        if (!"qemu".equals(uri.driver()) || uri.isRemote()) {
            return Optional.empty();
        }
        QemuHost h = switch (uri.path()) {
            case "/system" -> system;
            case "/session" -> session;
            default -> throw QemuErrors.internal("unexpected QEMU URI path '" + uri.path() + "', try qemu:///system");
        };
        if (h == null) {
            throw QemuErrors.internal("the QEMU driver is not active");
        }
        awaitInitialized();
        return Optional.of(new QemuConnection(this, h));
    }

    /** The default emulator's version as major * 1,000,000 + minor * 1,000 + micro. */
    long qemuVersion() throws VirtException {
        Long v = version;
        if (v != null) {
            return v;
        }
        Path emulator = emulators.forArch("x86_64");
        try {
            Process p = new ProcessBuilder(emulator.toString(), "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readNBytes(4096), StandardCharsets.UTF_8);
            p.waitFor(10, TimeUnit.SECONDS);
            Matcher m = Pattern.compile("version (\\d+)\\.(\\d+)\\.(\\d+)").matcher(out);
            if (!m.find()) {
                throw QemuErrors.internal("cannot parse the version of " + emulator + ": " + out.strip());
            }
            v = Long.parseLong(m.group(1)) * 1_000_000 + Long.parseLong(m.group(2)) * 1_000 + Long.parseLong(m.group(3));
            version = v;
            return v;
        } catch (IOException e) {
            throw QemuErrors.internal("cannot run " + emulator + " --version: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw QemuErrors.internal("interrupted");
        }
    }

    /** Emulator capabilities, node info and domxml-to-native, shared by both URIs. */
    DomainCapsLookup domainCapabilities() {
        return domainCaps;
    }

    HostCapabilities hostCapabilities() {
        return hostCaps;
    }

    /** The resolver in use, for diagnostics. */
    public String resolverDescription() {
        return resolvers.description();
    }

    List<QemuHost> hosts() {
        return List.of(system, session);
    }
}
