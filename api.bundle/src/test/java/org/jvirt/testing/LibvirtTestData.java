package org.jvirt.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where libvirt's conformance data ({@code ../shared/libvirt-testdata}) is, and what its absence
 * means. The one place that decides between skipping and failing: a missing data folder is a test
 * failure when the data was asked for ({@code -Djvirt.testdata=DIR} given by the user, or a CI run,
 * environment variable {@code CI=true}); only on a developer machine without the data is it a skip.
 *
 * <p>The build passes its default location as {@code jvirt.testdata.default}, so that
 * {@code jvirt.testdata} is set only when the user sets it.
 */
public final class LibvirtTestData {
    /** The data folder chosen by the user; setting it makes the data required. */
    public static final String PROPERTY = "jvirt.testdata";
    /** The data folder the build expects beside the repository; optional outside CI. */
    public static final String DEFAULT_PROPERTY = "jvirt.testdata.default";

    private LibvirtTestData() {
    }

    /**
     * The data folder holding every one of {@code folders} (e.g. {@code "qemuxmlconfdata"}).
     * Without them the calling test is skipped (an aborted assumption) or, when the data is
     * required, fails naming the missing folder.
     */
    public static Path require(String... folders) {
        Path root = root();
        String missing = root == null ? "no data folder (neither " + PROPERTY + " nor " + DEFAULT_PROPERTY + " set)"
                : !Files.isDirectory(root) ? root + " does not exist" : null;
        for (int i = 0; missing == null && i < folders.length; i++) {
            if (!Files.isDirectory(root.resolve(folders[i]))) {
                missing = root.resolve(folders[i]) + " does not exist";
            }
        }
        if (missing == null) {
            return root;
        }
        if (required()) {
            fail("libvirt test data required (" + why() + "), but " + missing);
        }
        return abort("libvirt test data not available: " + missing);
    }

    /**
     * The data's folder {@code folder}, or null when it is absent and the data is optional: for
     * tests that do extra checks (a schema, a comparison with libvirt's dump) when the data is there.
     * Fails like {@link #require} when the data is required.
     */
    public static Path find(String folder) {
        Path root = root();
        Path dir = root == null ? null : root.resolve(folder);
        if (dir != null && Files.isDirectory(dir)) {
            return dir;
        }
        if (required()) {
            fail("libvirt test data required (" + why() + "), but " + (dir == null ? PROPERTY + " is not set"
                    : dir + " does not exist"));
        }
        return null;
    }

    /** Whether a missing data folder fails the tests: the user named it, or this is a CI run. */
    public static boolean required() {
        return explicit() != null || ci();
    }

    private static Path root() {
        String dir = explicit();
        if (dir == null) {
            dir = System.getProperty(DEFAULT_PROPERTY);
        }
        return dir == null || dir.isBlank() ? null : Path.of(dir);
    }

    private static String explicit() {
        String dir = System.getProperty(PROPERTY);
        return dir == null || dir.isBlank() ? null : dir;
    }

    private static boolean ci() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    private static String why() {
        return explicit() != null ? "-D" + PROPERTY + "=" + explicit() : "CI=true";
    }
}
