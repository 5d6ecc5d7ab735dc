package org.jvirt.baseline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The packages the sources export: every {@code package-info.java} under a module's
 * {@code src/main/java} that carries {@code @Export}. The check compares this with the bundles it
 * baselines, so that a new exporting bundle cannot go unbaselined.
 */
final class ExportedSources {
    private static final Pattern EXPORT = Pattern.compile("^\\s*@(org\\.osgi\\.annotation\\.bundle\\.)?Export\\b", Pattern.MULTILINE);
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

    private ExportedSources() {
    }

    static Set<String> packages(Path repository) throws IOException {
        Set<String> packages = new TreeSet<>();
        try (Stream<Path> modules = Files.list(repository)) {
            for (Path main : modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).toList()) {
                try (Stream<Path> files = Files.walk(main)) {
                    files.filter(f -> f.getFileName().toString().equals("package-info.java"))
                            .forEach(f -> exported(f, packages));
                }
            }
        }
        return packages;
    }

    private static void exported(Path packageInfo, Set<String> packages) {
        try {
            String text = Files.readString(packageInfo);
            Matcher pkg = PACKAGE.matcher(text);
            if (EXPORT.matcher(text).find() && pkg.find()) {
                packages.add(pkg.group(1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
