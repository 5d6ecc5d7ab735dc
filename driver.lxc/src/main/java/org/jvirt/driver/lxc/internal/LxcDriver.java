package org.jvirt.driver.lxc.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import org.jvirt.api.ConnectUri;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DriverConnection;
import org.jvirt.api.spi.DriverSchemes;
import org.jvirt.api.spi.HostDirectories;
import org.jvirt.api.spi.HypervisorDriver;
import org.jvirt.api.spi.NetworkDriver;
import org.jvirt.api.spi.StateStore;
import org.jvirt.api.xml.DomainXmlCodec;
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
 * The LXC driver: {@code lxc:///system} (and {@code lxc:///}). Containers are held by liblxc's
 * monitor processes, which outlive this component and jvirtd; a new instance reads the
 * definitions back and reattaches to the running containers on a thread of its own, so that
 * activation returns at once, and connections wait (bounded) until that is done. While containers
 * run, one thread checks their init processes ({@link ContainerWatch}); an idle driver has none.
 */
@Component(service = HypervisorDriver.class, configurationPid = LxcConfig.PID)
@Designate(ocd = LxcConfig.class)
@DriverSchemes({"lxc"})
public final class LxcDriver implements HypervisorDriver {
    private static final Logger LOG = LoggerFactory.getLogger(LxcDriver.class);

    @Reference
    private DomainXmlCodec codec;
    @Reference
    private StateStore store;

    private final AtomicReference<NetworkDriver> networkDriver = new AtomicReference<>();
    private volatile LxcHost host;
    private volatile ContainerLifecycle lifecycle;
    private volatile CgroupStats stats;
    private volatile ContainerTuning tuning;
    private volatile ConsoleSessions consoles;
    private volatile ScheduledExecutorService worker;
    private volatile CompletableFuture<Void> initialized = new CompletableFuture<>();
    private volatile Duration initWait = Duration.ZERO;
    private volatile boolean active;

    /** For Declarative Services. */
    public LxcDriver() {
    }

    /** Outside OSGi (tests): then {@link #activate(LxcConfig, BundleContext)}. */
    public LxcDriver(DomainXmlCodec codec, StateStore store) {
        this.codec = codec;
        this.store = store;
    }

    /**
     * The host's network driver (optional): it runs the networks of {@code <interface type='network'>}
     * (their ports) and sets up the interfaces' QoS on the host ends of the veths.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void bindNetworkDriver(NetworkDriver driver) {
        networkDriver.set(driver);
    }

    public void unbindNetworkDriver(NetworkDriver driver) {
        networkDriver.compareAndSet(driver, null);
    }

    @Activate
    public void activate(LxcConfig config, BundleContext context) {
        HostDirectories dirs = HostDirectories.ofThisProcess(name -> property(context, name).orElse(null));
        Path run = config.run_dir().isEmpty() ? dirs.run().resolve("lxc") : Path.of(config.run_dir());
        Path log = config.log_dir().isEmpty() ? dirs.state().resolve("lxc").resolve("log") : Path.of(config.log_dir());
        Path bin = config.lxc_bin_dir().isEmpty() ? null : Path.of(config.lxc_bin_dir());
        Duration timeout = Duration.ofMillis(config.start_timeout_ms());
        CgroupLayout layout = CgroupLayout.detect();
        LxcTools tools = new LxcTools(run.toAbsolutePath(), bin, timeout);
        VethNames veths = new VethNames();
        host = new LxcHost(codec, store);
        // one thread, and only while there is work: it ends after a few idle seconds
        ScheduledThreadPoolExecutor w = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "jvirt-lxc");
            t.setDaemon(true);
            return t;
        });
        w.setKeepAliveTime(5, TimeUnit.SECONDS);
        w.allowCoreThreadTimeOut(true);
        w.setRemoveOnCancelPolicy(true);
        worker = w;
        WatchSchedule schedule = new WatchSchedule(w, config.watch_interval_ms(), host);
        Lxcfs lxcfs = new Lxcfs(run.toAbsolutePath().resolveSibling("lxcfs"), log.toAbsolutePath().resolve("lxcfs.log"));
        ContainerNetworks ports = new ContainerNetworks(networkDriver::get, codec);
        lifecycle = new ContainerLifecycle(host, tools, new ContainerConfigBuilder(layout, veths, lxcfs::meminfo), veths,
                new VethQos(networkDriver::get), ports, log.toAbsolutePath(),
                timeout, schedule::ensure);
        schedule.setWatch(new ContainerWatch(host, lifecycle, schedule));
        stats = new CgroupStats(layout);
        tuning = new ContainerTuning(new TuneContext(host, layout));
        consoles = new ConsoleSessions(tools);
        initWait = Duration.ofMillis(config.init_wait_ms());
        CompletableFuture<Void> done = new CompletableFuture<>();
        initialized = done;
        active = true;
        w.execute(() -> load(tools, ports, done, schedule));
        LOG.info("LXC driver active: lxc path {}, logs {}, cgroup {}", run.toAbsolutePath(), log.toAbsolutePath(), layout);
    }

    private void load(LxcTools tools, ContainerNetworks ports, CompletableFuture<Void> done, WatchSchedule schedule) {
        try {
            host.loadDefinitions();
            new Reattach(host, tools, ports).all();
            schedule.ensure();
            new Autostart(host, lifecycle, tools.lxcPath()).run();
            done.complete(null);
        } catch (VirtException | RuntimeException e) {
            LOG.error("LXC driver: cannot load its domains: {}", e.getMessage(), e);
            done.completeExceptionally(e);
        }
    }

    /** Stops watching; the containers keep running for the next instance. */
    @Deactivate
    public void deactivate() {
        active = false;
        ScheduledExecutorService w = worker;
        if (w != null) {
            w.shutdownNow();
            try {
                w.awaitTermination(initWait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        initialized.cancel(false);
        LOG.info("LXC driver deactivated; containers keep running");
    }

    boolean isActive() {
        return active;
    }

    /** The domains, for tests in this package. */
    LxcHost host() {
        return host;
    }

    @Override
    public String name() {
        return "LXC";
    }

    /** {@code lxcConnectOpen}: {@code lxc:///}, {@code lxc:///system}; other paths are a typo. */
    @Override
    public Optional<DriverConnection> open(ConnectUri uri, int flags) throws VirtException {
        if (!"lxc".equals(uri.driver()) || uri.isRemote()) {
            return Optional.empty();
        }
        String path = uri.path() == null ? "" : uri.path();
        if (!path.isEmpty() && !path.equals("/") && !path.equals("/system")) {
            throw LxcErrors.internal("Unexpected LXC URI path '" + path + "', try lxc:///system");
        }
        if (!active) {
            throw LxcErrors.internal("lxc state driver is not active");
        }
        awaitInitialized();
        return Optional.of(new LxcConnection(this, host, lifecycle, stats, tuning, consoles));
    }

    private void awaitInitialized() throws VirtException {
        try {
            initialized.get(initWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new VirtException(ErrorCode.OPERATION_TIMEOUT, ErrorDomain.LXC, "the LXC driver is still "
                    + "reattaching its containers after " + initWait.toMillis() + " ms; try again");
        } catch (ExecutionException e) {
            throw LxcErrors.internal("the LXC driver cannot load its domains: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw LxcErrors.internal("interrupted while the LXC driver loads its domains");
        } catch (CancellationException e) {
            throw LxcErrors.internal("lxc state driver is not active");
        }
    }

    private static Optional<String> property(BundleContext context, String name) {
        String v = context == null ? System.getProperty(name) : context.getProperty(name);
        return Optional.ofNullable(v).filter(s -> !s.isBlank());
    }
}
