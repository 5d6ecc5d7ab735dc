import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * The platform under jvirtd without jvirt, for bench/footprint.py --floor: Apache Felix started with
 * the framework properties jvirtd's launch uses (cnf/run/felix.bnd, dist/jvirtd.bndrun), then the
 * bundles named on the command line installed and started (fragments only installed). Writes the
 * ready file once everything is started, then sleeps until killed.
 *
 *   java ... BareFelix READY_FILE CACHE_DIR [BUNDLE_JAR ...]
 *   java ... BareFelix READY_FILE -          (no framework: a JVM that only sleeps)
 */
public final class BareFelix {
    public static void main(String[] args) throws Exception {
        if (!args[1].equals("-")) {
            Map<String, String> config = new HashMap<>();
            config.put(Constants.FRAMEWORK_STORAGE, args[1]);
            config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
            config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, "sun.misc");
            config.put(Constants.FRAMEWORK_SYSTEMCAPABILITIES_EXTRA,
                    "osgi.extender;osgi.extender=osgi.serviceloader.processor;version:Version=1.0.0,"
                    + "osgi.extender;osgi.extender=osgi.serviceloader.registrar;version:Version=1.0.0");
            config.put("felix.resolver.parallelism", "1");
            config.put("felix.cm.pm", "memory");
            config.put("felix.fileinstall.dir", args[1] + "-etc");
            config.put("felix.fileinstall.filter", ".*\\.cfg");
            config.put("felix.fileinstall.noInitialDelay", "true");
            config.put("felix.fileinstall.poll", "2000");
            config.put("felix.fileinstall.log.level", "2");
            config.put("felix.fileinstall.enableConfigSave", "false");
            config.put("felix.fileinstall.disableNio2", "true");
            Framework framework = ServiceLoader.load(FrameworkFactory.class).iterator().next().newFramework(config);
            framework.start();
            List<Bundle> bundles = new ArrayList<>();
            for (int i = 2; i < args.length; i++) {
                bundles.add(framework.getBundleContext().installBundle(new File(args[i]).toURI().toString()));
            }
            for (Bundle b : bundles) {
                if (b.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                    b.start();
                }
            }
        }
        Files.writeString(Path.of(args[0]), "ready\n");
        Thread.sleep(Long.MAX_VALUE);
    }
}
