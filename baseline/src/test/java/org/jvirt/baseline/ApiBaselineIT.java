package org.jvirt.baseline;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import aQute.bnd.header.OSGiHeader;
import aQute.bnd.osgi.About;
import aQute.bnd.osgi.Constants;

/**
 * The build's API check: every jvirt bundle that exports packages is compared with its committed
 * reference ({@code reference/<bsn>.txt}); a package that changed without the version bump bnd
 * requires fails the build, naming the package, the change and the version it needs.
 * With {@code -Djvirt.baseline.update=true} the references are re-taken from this build instead
 * (at a release), after printing what changed.
 */
class ApiBaselineIT {
    static final String RETAKE = "mvn -B verify -pl baseline -am -DskipTests -Djvirt.baseline.update=true";

    private final Path references = Paths.get(System.getProperty("jvirt.baseline.reference", "reference"));
    private final Path sources = Paths.get(System.getProperty("jvirt.baseline.sources", ".."));
    private final boolean update = Boolean.getBoolean("jvirt.baseline.update");

    @Test
    void exportedPackagesKeepTheirVersionContract() throws Exception {
        Map<String, File> bundles = exportingBundlesOnClassPath();
        assertFalse(bundles.isEmpty(), "no jvirt bundle with exported packages on the classpath (run mvn verify, not test)");
        List<String> problems = new ArrayList<>();
        Set<String> baselined = new TreeSet<>();
        int packages = 0;
        for (Map.Entry<String, File> bundle : bundles.entrySet()) {
            ApiReference current = ApiReference.of(bundle.getValue());
            baselined.addAll(current.exports().keySet());
            Path file = references.resolve(current.bsn() + ".txt");
            if (!Files.exists(file)) {
                if (update) {
                    store(current, file);
                } else {
                    problems.add("bundle " + current.bsn() + " exports " + current.exports().keySet()
                            + " but has no API reference " + file.getFileName() + "; take it with: " + RETAKE);
                }
                continue;
            }
            ApiReference reference = ApiReference.load(file);
            System.out.println("api baseline: " + current.bsn() + " against " + file.getFileName());
            for (ApiBaselineCheck.PackageResult r : ApiBaselineCheck.compare(reference, current)) {
                packages++;
                System.out.println("  " + r.describe());
                if (r.problem()) {
                    problems.add("bundle " + current.bsn() + ", package " + r.pkg() + " (reference " + r.reference()
                            + ", now " + r.current() + "): " + r.reason());
                }
            }
            if (update) {
                store(current, file);
            }
        }
        problems.addAll(referencesWithoutBundle(bundles.keySet()));
        for (String pkg : ExportedSources.packages(sources)) {
            if (!baselined.contains(pkg)) {
                problems.add("package " + pkg + " has @Export in its sources but no built bundle exporting it is baselined:"
                        + " add its bundle as a dependency of baseline/pom.xml");
            }
        }
        System.out.printf("api baseline: %d bundles, %d packages compared, %d problems%s%n", bundles.size(), packages,
                problems.size(), update ? " (references re-taken)" : "");
        if (!update) {
            assertTrue(problems.isEmpty(), "API baseline: " + problems.size() + " problem(s):\n  "
                    + String.join("\n  ", problems) + "\nBump the package's @Version in package-info.java as required,"
                    + " or undo the change. See README, \"API versions and baselining\".");
        }
    }

    private void store(ApiReference current, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        current.store(file, List.of(
                "API reference of bundle " + current.bsn() + ": bnd's API tree of its exported packages, the",
                "contract the build's baseline check compares against (README, \"API versions and baselining\").",
                "Generated, do not edit; re-take at a release: " + RETAKE,
                "Taken with bnd " + About.CURRENT + " on Java " + Runtime.version().feature() + "."));
        System.out.println("api baseline: wrote " + file);
    }

    private List<String> referencesWithoutBundle(Set<String> bsns) throws IOException {
        if (!Files.isDirectory(references)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(references)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".txt"))
                    .map(n -> n.substring(0, n.length() - ".txt".length())).filter(bsn -> !bsns.contains(bsn))
                    .map(bsn -> "reference " + bsn + ".txt has no bundle on the classpath: add the bundle as a dependency"
                            + " of baseline/pom.xml (or delete the reference if the bundle is gone, a major change)")
                    .sorted().toList();
        }
    }

    /** Symbolic name to file of every org.jvirt bundle with an Export-Package header on the classpath. */
    private static Map<String, File> exportingBundlesOnClassPath() throws Exception {
        Map<String, File> bundles = new TreeMap<>();
        for (URL url : Collections.list(ApiBaselineIT.class.getClassLoader().getResources("META-INF/MANIFEST.MF"))) {
            Manifest manifest;
            try (InputStream in = url.openStream()) {
                manifest = new Manifest(in);
            }
            String bsnHeader = manifest.getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME);
            String exports = manifest.getMainAttributes().getValue(Constants.EXPORT_PACKAGE);
            if (bsnHeader == null || exports == null) {
                continue;
            }
            String bsn = OSGiHeader.parseHeader(bsnHeader).keySet().iterator().next();
            if (bsn.startsWith("org.jvirt.")) {
                bundles.put(bsn, location(url));
            }
        }
        return bundles;
    }

    private static File location(URL manifest) throws Exception {
        URLConnection c = manifest.openConnection();
        if (c instanceof JarURLConnection jar) {
            return new File(jar.getJarFileURL().toURI());
        }
        // a directory of classes: .../META-INF/MANIFEST.MF
        return new File(manifest.toURI()).getParentFile().getParentFile();
    }
}
