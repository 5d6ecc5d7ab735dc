package org.jvirt.core.internal;

import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.jvirt.api.spi.HypervisorDriver;
import org.jvirt.api.spi.NetworkDriver;
import org.jvirt.api.spi.SecretDriver;
import org.jvirt.api.spi.StorageDriver;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;

/**
 * Whether the daemon is still starting drivers: the start level is still being raised (no
 * {@link FrameworkEvent#STARTLEVEL_CHANGED} yet) and a bundle that declares a driver service
 * (bnd's {@code osgi.service} capability for a {@link HypervisorDriver} or a secondary driver) is
 * marked to start, not active yet, at the active start level or a later one.
 * <p>
 * Not the system bundle's state: bnd's launcher starts the framework at start level 1 and raises
 * the level afterwards, so the framework is ACTIVE while the drivers' levels are still to come.
 */
final class PendingDrivers implements BooleanSupplier, FrameworkListener {
    private static final Set<String> DRIVER_SERVICES = Set.of(HypervisorDriver.class.getName(),
            NetworkDriver.class.getName(), StorageDriver.class.getName(), SecretDriver.class.getName());

    private final BundleContext context;
    private volatile boolean levelReached;

    PendingDrivers(BundleContext context) {
        this.context = context;
    }

    /** Listens for the end of the start level change; {@link #close()} stops. */
    PendingDrivers open() {
        context.addFrameworkListener(this);
        return this;
    }

    void close() {
        try {
            context.removeFrameworkListener(this);
        } catch (IllegalStateException e) {
            // the core's bundle is stopping: nothing to remove
        }
    }

    @Override
    public void frameworkEvent(FrameworkEvent event) {
        if (event.getType() == FrameworkEvent.STARTLEVEL_CHANGED) {
            levelReached = true;
        }
    }

    @Override
    public boolean getAsBoolean() {
        if (levelReached) {
            return false;
        }
        try {
            FrameworkStartLevel framework = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION)
                    .adapt(FrameworkStartLevel.class);
            int active = framework == null ? 0 : framework.getStartLevel();
            for (Bundle b : context.getBundles()) {
                if (pending(b, active)) {
                    return true;
                }
            }
        } catch (IllegalStateException e) {
            // the core's bundle context is no longer valid: the framework is stopping
        }
        return false;
    }

    private static boolean pending(Bundle b, int active) {
        if ((b.getState() & (Bundle.ACTIVE | Bundle.UNINSTALLED)) != 0) {
            return false;
        }
        BundleStartLevel level = b.adapt(BundleStartLevel.class);
        if (level == null || !level.isPersistentlyStarted() || level.getStartLevel() < active) {
            return false;
        }
        BundleRevision revision = b.adapt(BundleRevision.class);
        if (revision == null) {
            return false;
        }
        for (BundleCapability c : revision.getDeclaredCapabilities("osgi.service")) {
            Object classes = c.getAttributes().get(Constants.OBJECTCLASS);
            if (classes instanceof List<?> list && list.stream().anyMatch(DRIVER_SERVICES::contains)) {
                return true;
            }
        }
        return false;
    }
}
