package org.jvirt.baseline;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Manifest;

import aQute.bnd.differ.DiffPluginImpl;
import aQute.bnd.header.Attrs;
import aQute.bnd.header.OSGiHeader;
import aQute.bnd.header.Parameters;
import aQute.bnd.osgi.Constants;
import aQute.bnd.osgi.Jar;
import aQute.bnd.service.diff.Delta;
import aQute.bnd.service.diff.Tree;
import aQute.bnd.service.diff.Type;
import aQute.bnd.version.Version;

/**
 * The API of one bundle as bnd's differ sees it: the exported packages with their versions and the
 * {@code <api>} part of bnd's tree (classes, methods, fields, with the deltas that
 * {@code @ProviderType}/{@code @ConsumerType} decide). The manifest and resource parts of bnd's tree
 * are left out: they change with every build and are not API.
 *
 * @param bsn     the bundle's symbolic name
 * @param exports exported package name to its version
 * @param api     the {@code <api>} element of {@link DiffPluginImpl#tree(Jar)}
 */
record ApiReference(String bsn, Map<String, Version> exports, Tree.Data api) {
    private static final String API = "<api>";

    /** Takes the API of a built bundle (a jar, or a directory with a bnd-made manifest). */
    static ApiReference of(File bundle) throws Exception {
        try (Jar jar = new Jar(bundle)) {
            Manifest manifest = jar.getManifest();
            if (manifest == null) {
                throw new IllegalArgumentException(bundle + " has no manifest");
            }
            String bsn = OSGiHeader.parseHeader(manifest.getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME))
                    .keySet().iterator().next();
            Map<String, Version> exports = new TreeMap<>();
            Parameters exported = OSGiHeader.parseHeader(manifest.getMainAttributes().getValue(Constants.EXPORT_PACKAGE));
            exported.forEach((pkg, attrs) -> exports.put(pkg, Version.parseVersion(attrs.getVersion())));
            Tree api = new DiffPluginImpl().tree(jar).get(API);
            return new ApiReference(bsn, exports, api.serialize());
        }
    }

    /** bnd's tree of this API, as {@code aQute.bnd.differ.Baseline} takes it. */
    Tree tree() throws Exception {
        Tree.Data bundle = new Tree.Data();
        bundle.type = Type.BUNDLE;
        bundle.name = bsn;
        bundle.add = Delta.CHANGED;
        bundle.rem = Delta.CHANGED;
        bundle.children = new Tree.Data[] {api};
        return new DiffPluginImpl().deserialize(bundle);
    }

    /** The exports as the Export-Package header bnd's baseline reads the versions from. */
    Parameters exportParameters() {
        Parameters p = new Parameters();
        exports.forEach((pkg, version) -> {
            Attrs attrs = new Attrs();
            attrs.put(Constants.VERSION_ATTRIBUTE, version.toString());
            p.put(pkg, attrs);
        });
        return p;
    }

    static ApiReference load(Path file) throws IOException {
        String bsn = null;
        Map<String, Version> exports = new TreeMap<>();
        List<String> tree = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!tree.isEmpty() || line.startsWith(Type.API + " ")) {
                tree.add(line);
            } else if (line.startsWith("bundle ")) {
                bsn = line.substring("bundle ".length()).trim();
            } else if (line.startsWith("export ")) {
                String[] f = line.trim().split(" +");
                exports.put(f[1], Version.parseVersion(f[2]));
            } else if (!line.isBlank() && !line.startsWith("#")) {
                throw new IOException(file + ": unexpected line before the API tree: " + line);
            }
        }
        if (bsn == null || tree.isEmpty()) {
            throw new IOException(file + ": not an API reference (no 'bundle' line or no API tree)");
        }
        return new ApiReference(bsn, exports, ApiTreeText.read(tree));
    }

    void store(Path file, List<String> header) throws IOException {
        List<String> lines = new ArrayList<>();
        header.forEach(h -> lines.add("# " + h));
        lines.add("bundle " + bsn);
        exports.forEach((pkg, version) -> lines.add("export " + pkg + " " + version));
        lines.addAll(ApiTreeText.write(api));
        Files.write(file, lines, StandardCharsets.UTF_8);
    }
}
