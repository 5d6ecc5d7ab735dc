package org.jvirt.baseline;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.osgi.annotation.versioning.ProviderType;

import aQute.bnd.osgi.Builder;
import aQute.bnd.osgi.Constants;
import aQute.bnd.osgi.Jar;

/** Compiles small API packages and builds them into bundles with bnd, as the build does. */
final class FixtureBundles {
    private final Path dir;
    private int count;

    FixtureBundles(Path dir) {
        this.dir = dir;
    }

    /**
     * A bundle "demo" of the given sources (file name relative to the source root, to its text),
     * exporting the given packages ("demo.api;version=1.0.0").
     */
    File bundle(String exports, Map<String, String> sources) throws Exception {
        Path build = Files.createDirectories(dir.resolve("build" + (++count)));
        Path src = build.resolve("src");
        Path classes = Files.createDirectories(build.resolve("classes"));
        List<String> args = new ArrayList<>(List.of("--release", "17", "-d", classes.toString(),
                "-classpath", annotationsJar()));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = src.resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            args.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac.run(null, null, null, args.toArray(new String[0])) != 0) {
            throw new IllegalStateException("fixture does not compile: " + sources.keySet());
        }
        File bundle = build.resolve("demo.jar").toFile();
        try (Builder builder = new Builder()) {
            builder.setProperty(Constants.BUNDLE_SYMBOLICNAME, "demo");
            builder.setProperty(Constants.BUNDLE_VERSION, "1.0.0");
            builder.setProperty(Constants.EXPORT_PACKAGE, exports);
            builder.addClasspath(classes.toFile());
            Jar jar = builder.build();
            if (!builder.isOk()) {
                throw new IllegalStateException("bnd: " + builder.getErrors());
            }
            jar.write(bundle);
        }
        return bundle;
    }

    private static String annotationsJar() throws URISyntaxException, IOException {
        return Path.of(ProviderType.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
