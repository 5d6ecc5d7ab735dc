package org.jvirt.driver.xen.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jvirt.api.ConnectUri;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DriverConnection;
import org.jvirt.api.spi.DriverSchemes;
import org.jvirt.api.spi.HypervisorDriver;
import org.jvirt.api.spi.StateStore;
import org.jvirt.api.xml.DomainXmlCodec;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Xen driver: {@code xen:///system} (and {@code xen:///}), with libvirt's libxl driver as the
 * reference, reaching libxenlight through Xen's {@code xl} toolstack ({@link Xl}; why: README). As
 * libvirt's state driver, it only becomes active on a Xen control domain ({@link XenHostProbe});
 * elsewhere every open fails with libvirt's "libxenlight state driver is not active". Once active,
 * it reads its definitions back and reattaches to running domains on a thread of its own, which then
 * watches the running domains ({@link XenReattach#poll}); stopping it never stops a domain.
 */
@Component(service = HypervisorDriver.class, configurationPid = XenConfig.PID)
@Designate(ocd = XenConfig.class)
@DriverSchemes({"xen"})
public final class XenDriver implements HypervisorDriver {
    private static final Logger LOG = LoggerFactory.getLogger(XenDriver.class);
    private static final Duration OPEN_WAIT = Duration.ofSeconds(60);

    /** What the connections share. */
    record Parts(XenDomains domains, XenDefinitions definitions, XenLifecycle lifecycle, XenGuestCalls guest,
                 XenHost host, NativeFormats formats) {
    }

    @Reference
    private DomainXmlCodec codec;
    @Reference
    private StateStore store;

    private final Path root;
    private volatile Parts parts;
    private volatile ScheduledExecutorService worker;
    private volatile CompletableFuture<Void> loaded = new CompletableFuture<>();
    private volatile boolean active;

    /** For Declarative Services: probes this host. */
    public XenDriver() {
        this.root = Path.of("/");
    }

    /** Outside OSGi (tests): probes the file system under {@code root}, then {@link #activate(XenConfig)}. */
    XenDriver(DomainXmlCodec codec, StateStore store, Path root) {
        this.codec = codec;
        this.store = store;
        this.root = root;
    }

    @Activate
    void activate(XenConfig config) {
        String why = new XenHostProbe(root).whyNotXen();
        active = why == null;
        if (!active) {
            // libvirt logs this at info level and skips its libxl state driver
            LOG.info("Xen driver disabled: {}", why);
            return;
        }
        Xl xl = new Xl(config.xl(), Duration.ofSeconds(config.timeout_seconds()));
        XenDomains domains = new XenDomains(codec, store);
        XenLifecycle lifecycle = new XenLifecycle(domains, xl);
        XenHost host = new XenHost(xl, Duration.ofMillis(Math.max(0, config.host_info_ttl_ms())), System::nanoTime);
        parts = new Parts(domains, new XenDefinitions(domains, lifecycle), lifecycle,
                new XenGuestCalls(domains, host, xl), host, new NativeFormats(codec));
        XenReattach reattach = new XenReattach(domains, lifecycle, xl);
        XenAutostart autostart = new XenAutostart(domains, parts.definitions(), store, root);
        ScheduledThreadPoolExecutor w = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "jvirt-xen");
            t.setDaemon(true);
            return t;
        });
        w.setRemoveOnCancelPolicy(true);
        worker = w;
        CompletableFuture<Void> done = new CompletableFuture<>();
        loaded = done;
        w.execute(() -> load(domains, reattach, autostart, done));
        long interval = Math.max(100, config.poll_interval_ms());
        w.scheduleWithFixedDelay(reattach::poll, interval, interval, TimeUnit.MILLISECONDS);
        LOG.info("Xen driver active: xl toolstack '{}'", config.xl());
    }

    private static void load(XenDomains domains, XenReattach reattach, XenAutostart autostart,
                             CompletableFuture<Void> done) {
        try {
            domains.loadDefinitions();
            reattach.reattachAll();
            done.complete(null);
            autostart.run();
        } catch (VirtException | RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                LOG.info("Xen driver stopped while loading its domains: {}", e.getMessage());
            } else {
                LOG.error("Xen driver: cannot load its domains: {}", e.getMessage(), e);
            }
            done.completeExceptionally(e);
        }
    }

    /** Stops watching; the domains keep running for the next instance. */
    @Deactivate
    void deactivate() {
        active = false;
        ScheduledExecutorService w = worker;
        if (w != null) {
            w.shutdownNow();
            try {
                w.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        loaded.cancel(false);
        LOG.info("Xen driver deactivated; domains keep running");
    }

    @Override
    public String name() {
        return "LIBXL";
    }

    /** {@code libxlConnectOpen}: the state driver check comes before the path check, as libvirt's. */
    @Override
    public Optional<DriverConnection> open(ConnectUri uri, int flags) throws VirtException {
        if (!"xen".equals(uri.driver()) || uri.isRemote()) {
            return Optional.empty();
        }
        if (!active) {
            throw XenErrors.internal("libxenlight state driver is not active");
        }
        String path = uri.path() == null ? "" : uri.path();
        if (!path.isEmpty() && !path.equals("/") && !path.equals("/system")) {
            throw XenErrors.internal("unexpected Xen URI path '" + path + "', try xen:///system");
        }
        awaitLoaded();
        return Optional.of(new XenConnection(parts, () -> active));
    }

    private void awaitLoaded() throws VirtException {
        try {
            loaded.get(OPEN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw XenErrors.internal("the Xen driver could not load its domains: " + e.getCause().getMessage());
        } catch (TimeoutException e) {
            throw XenErrors.internal("the Xen driver is still loading its domains");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw XenErrors.internal("interrupted while the Xen driver loaded its domains");
        }
    }
}
