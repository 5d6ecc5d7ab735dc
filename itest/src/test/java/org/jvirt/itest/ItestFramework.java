package org.jvirt.itest;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.ops4j.pax.exam.Option;
import org.osgi.framework.BundleContext;

/**
 * The Felix every integration test runs in: SCR, Config Admin, SLF4J through SPI Fly, and the
 * jvirt bundles, all provisioned as files that the build copied from the reactor and Central
 * into the folder named by the system property {@value #BUNDLES}.
 * <p>
 * The framework property {@value #BUNDLES} carries the same folder into the framework, so that a
 * test can reach the bundle files (for example the upgrade build of {@code driver.test}).
 */
final class ItestFramework {

    /** System and framework property: the folder of the bundle files. */
    static final String BUNDLES = "jvirt.itest.bundles";
    /** System property: a folder for per-run working directories (state stores). */
    static final String WORK = "jvirt.itest.work";
    /** The core's framework property naming the state store directory. */
    static final String STATE_DIR = "jvirt.state.dir";

    /** The framework properties of the run directory and the state base (HostDirectories). */
    static final String RUN_DIR = "jvirt.run.dir";
    static final String LIB_DIR = "jvirt.lib.dir";

    /** File names (without .jar) of the driver.test build and its upgrade build in the folder. */
    static final String DRIVER_TEST = "driver.test";
    static final String DRIVER_TEST_UPGRADE = "driver.test-upgrade";
    /** File names (without .jar) of the core build and its upgrade build in the folder. */
    static final String CORE = "core";
    static final String CORE_UPGRADE = "core-upgrade";

    private static final Map<String, Path> STATE_DIRS = new ConcurrentHashMap<>();
    private static final Map<String, Path> RUN_DIRS = new ConcurrentHashMap<>();

    private ItestFramework() {
    }

    /**
     * The common options: a clean framework with its own state directory (a fresh folder under
     * {@value #WORK}), the runtime bundles, the jvirt API bundle and the core.
     */
    static Option base(String testName) {
        return composite(
                cleanCaches(true),
                frameworkProperty(BUNDLES).value(bundleDir().getAbsolutePath()),
                frameworkProperty(STATE_DIR).value(newStateDir(testName).toString()),
                // run-time files (RPC sockets, QEMU monitors) and any other state: never the real
                // /run/jvirt and /var/lib/jvirt of a root run; the run folder short for socket paths
                frameworkProperty(RUN_DIR).value(newRunDir(testName).toString()),
                frameworkProperty(LIB_DIR).value(newStateDir(testName).resolve("lib").toString()),
                systemProperty("org.slf4j.simpleLogger.defaultLogLevel").value("info"),
                // SCR reports component failures (activation errors, unsatisfied references) here
                frameworkProperty("ds.loglevel").value("warn"),
                // SLF4J 2 finds its provider through the ServiceLoader Mediator; both must be up
                // before any bundle loads a logger, or SLF4J settles on its no-op logger for good.
                runtime("asm", 1), runtime("asm-tree", 1), runtime("asm-analysis", 1),
                runtime("asm-commons", 1), runtime("asm-util", 1),
                runtime("org.apache.aries.spifly.dynamic.bundle", 1),
                runtime("slf4j-api", 1), runtime("slf4j-simple", 1),
                runtime("org.osgi.util.function", 2), runtime("org.osgi.util.promise", 2),
                runtime("org.osgi.service.component", 2),
                runtime("org.apache.felix.configadmin", 2), runtime("org.apache.felix.scr", 2),
                runtime("api", 3), runtime(CORE, 3),
                junitBundles());
    }

    /** The driver.test bundle, started after the core. */
    static Option driverTest() {
        return runtime(DRIVER_TEST, 4);
    }

    /** The RPC bundle (libvirt's RPC server and the remote driver), started after the core. */
    static Option rpc() {
        return runtime("rpc", 4);
    }

    /**
     * A bundle file of the folder ({@code driver.test}, {@code core-upgrade}, ...), looked up
     * from inside the framework through the framework property {@value #BUNDLES}.
     */
    static File bundleJar(BundleContext context, String name) {
        File f = new File(context.getProperty(BUNDLES), name + ".jar");
        if (!f.isFile()) {
            throw new IllegalStateException("missing bundle " + f);
        }
        return f;
    }

    /** The state store directory of this framework, from inside it. */
    static Path stateDir(BundleContext context) {
        return Path.of(context.getProperty(STATE_DIR));
    }

    /** The file of a provisioned bundle (copied without its version: {@code api.jar}). */
    static File bundleFile(String name) {
        File f = new File(bundleDir(), name + ".jar");
        if (!f.isFile()) {
            throw new IllegalStateException("missing bundle " + f + ": run the build with 'mvn verify'");
        }
        return f;
    }

    /** A bundle from the folder, started at {@code startLevel}. */
    static Option runtime(String name, int startLevel) {
        return bundle(bundleFile(name).toURI().toString()).startLevel(startLevel).start();
    }

    private static File bundleDir() {
        String dir = System.getProperty(BUNDLES);
        if (dir == null) {
            throw new IllegalStateException("system property " + BUNDLES + " is not set: run through failsafe");
        }
        return new File(dir);
    }

    /** One state directory per test class: Pax Exam asks for the configuration more than once. */
    /** A short folder under the system's temporary folder: UNIX socket paths hold at most 107 bytes. */
    private static Path newRunDir(String testName) {
        return RUN_DIRS.computeIfAbsent(testName, n -> {
            try {
                // mode 0755 as /run/jvirt: guests of qemu:///system run as libvirt-qemu when the tests
                // run as root, and must reach their folder in it
                Path dir = Files.createTempDirectory("jvirt-run-",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
                // the frameworks are gone when this JVM ends: their run-time files with them
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
                return dir;
            } catch (IOException e) {
                throw new IllegalStateException("cannot create a run directory", e);
            }
        });
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is no test failure
        }
    }

    private static Path newStateDir(String testName) {
        return STATE_DIRS.computeIfAbsent(testName, ItestFramework::createStateDir);
    }

    private static Path createStateDir(String testName) {
        String work = System.getProperty(WORK, System.getProperty("java.io.tmpdir"));
        try {
            Path parent = Files.createDirectories(Path.of(work));
            return Files.createTempDirectory(parent, testName + "-state-");
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a state directory under " + work, e);
        }
    }
}
