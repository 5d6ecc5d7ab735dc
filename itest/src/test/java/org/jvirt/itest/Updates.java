package org.jvirt.itest;

import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.FrameworkWiring;

/** What a bundle update takes: the version of a bundle file, and a package refresh. */
final class Updates {

    private Updates() {
    }

    /** Refreshes the packages of {@code bundle}, waiting for the framework to finish. */
    static void refresh(BundleContext context, Bundle bundle, Duration timeout) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        FrameworkWiring wiring = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class);
        wiring.refreshBundles(List.of(bundle), event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                done.countDown();
            }
        });
        assertTrue("package refresh did not finish in " + timeout, done.await(timeout.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** Updates {@code bundle} from {@code jar} and refreshes its packages, as {@code bundle:update} does. */
    static void update(BundleContext context, Bundle bundle, File jar, Duration timeout)
            throws IOException, BundleException, InterruptedException {
        try (InputStream in = Files.newInputStream(jar.toPath())) {
            bundle.update(in);
        }
        refresh(context, bundle, timeout);
    }

    /**
     * Updates {@code driver} from {@code jar}, refreshes its packages and waits until a driver
     * for {@code scheme} from {@code version} (the jar's) is registered.
     */
    static void updateDriver(BundleContext context, Bundle driver, File jar, Version version, String scheme,
            Duration timeout) throws IOException, BundleException, InterruptedException {
        update(context, driver, jar, timeout);
        Await.until("a driver for scheme " + scheme + " from version " + version, timeout,
                () -> Osgi.drivers(context, scheme).stream()
                        .anyMatch(ref -> version.equals(ref.getBundle().getVersion())));
    }

    /** The Bundle-Version in the manifest of a bundle file. */
    static Version bundleVersion(File jar) throws IOException {
        try (JarFile f = new JarFile(jar)) {
            return Version.parseVersion(f.getManifest().getMainAttributes().getValue(Constants.BUNDLE_VERSION));
        }
    }
}
