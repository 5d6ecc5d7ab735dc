package org.jvirt.dist.launch;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Enumeration;
import java.util.jar.Manifest;

import aQute.launcher.Launcher;
import aQute.launcher.pre.EmbeddedLauncher;

/**
 * bin/jvirtd's main class: bnd's launcher started directly from the class path (jvirtd.jar, then
 * Felix and the launcher from target/runpath), without bnd's {@link EmbeddedLauncher} in between.
 * <p>
 * Why: {@code EmbeddedLauncher}, the jar's own main class, copies the jars of its
 * {@code Embedded-Runpath} (Felix and the launcher) out of jvirtd.jar into temporary files at every
 * start, and names them with {@code File.createTempFile}, whose {@code SecureRandom} sets up the
 * JDK's security providers on the way; with both jars on the class path the copies are never used.
 * What the launcher needs from it is the jar's manifest ({@link EmbeddedLauncher#MANIFEST}): its
 * per-bundle digests tell the launcher which bundles in the kept framework cache are current (without
 * them it would update every bundle at every start). {@code java -jar jvirtd.jar} still starts
 * through {@code EmbeddedLauncher} as before.
 */
public final class JvirtdMain {
    static final String EMBEDDED_RUNPATH = "Embedded-Runpath";

    private JvirtdMain() {
    }

    public static void main(String[] args) throws IOException {
        EmbeddedLauncher.MANIFEST = launchManifest(JvirtdMain.class.getClassLoader());
        Launcher.main(args);
    }

    /** The manifest on the class path that names the launcher's run path: jvirtd.jar's. */
    static Manifest launchManifest(ClassLoader loader) throws IOException {
        Enumeration<URL> manifests = loader.getResources("META-INF/MANIFEST.MF");
        while (manifests.hasMoreElements()) {
            try (InputStream in = manifests.nextElement().openStream()) {
                Manifest manifest = new Manifest(in);
                if (manifest.getMainAttributes().getValue(EMBEDDED_RUNPATH) != null) {
                    return manifest;
                }
            }
        }
        throw new IllegalStateException("no jar on the class path has an " + EMBEDDED_RUNPATH
                + " manifest header (jvirtd.jar first, as bin/jvirtd puts it)");
    }
}
