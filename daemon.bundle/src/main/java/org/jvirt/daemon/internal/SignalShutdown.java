package org.jvirt.daemon.internal;

import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Turns SIGTERM and SIGINT into a clean framework stop. The JVM's own reaction to these signals
 * is to exit at once with 143/130, running only shutdown hooks: bundles would never be stopped
 * and components never deactivated. With this handler the framework stops (every component is
 * deactivated, the log says so) and the launcher then exits on its own.
 * <p>
 * {@code sun.misc.Signal} is the JDK's supported-but-unofficial signal API (module
 * jdk.unsupported); the framework exports it as a system package (cnf/run/felix.bnd).
 */
@Component(immediate = true)
public final class SignalShutdown {
    private static final Logger LOG = LoggerFactory.getLogger(SignalShutdown.class);
    private static final List<String> SIGNALS = List.of("TERM", "INT");

    private final Bundle framework;
    private final List<Installed> installed = new ArrayList<>();

    private record Installed(Signal signal, SignalHandler previous) {
    }

    @Activate
    public SignalShutdown(BundleContext context) {
        this.framework = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION);
        for (String name : SIGNALS) {
            Signal signal = new Signal(name);
            installed.add(new Installed(signal, Signal.handle(signal, this::stopFramework)));
        }
        LOG.info("jvirtd stops cleanly on SIG{}", String.join(", SIG", SIGNALS));
    }

    private void stopFramework(Signal signal) {
        LOG.info("SIG{} received: stopping the framework", signal.getName());
        // Never stop the framework on the signal dispatcher thread: stopping waits for bundles
        Thread stopper = new Thread(() -> {
            try {
                framework.stop();
            } catch (BundleException | IllegalStateException e) {
                LOG.error("cannot stop the framework after SIG{}", signal.getName(), e);
            }
        }, "jvirtd-shutdown");
        stopper.start();
    }

    /** Gives the JVM its own handlers back, so a second signal after the stop still ends it. */
    @Deactivate
    void restore() {
        for (Installed i : installed) {
            Signal.handle(i.signal(), i.previous());
        }
        LOG.info("framework stopping: signal handlers restored");
    }
}
