package org.jvirt.api.spi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Where jvirt keeps its files on this host, by libvirt's conventions, so that every bundle puts
 * them in the same places: run-time files (UNIX sockets, QEMU monitors, pid files) in a short
 * run directory, persistent state (definitions, status records) in a state directory.
 * <ul>
 * <li>{@code run}: the framework (or system) property {@value #RUN_DIR_PROPERTY}; else
 * {@code /run/jvirt} for root; else {@code $XDG_RUNTIME_DIR/jvirt}; else, as libvirt's
 * {@code virGetUserRuntimeDirectory} falls back to the user's cache directory,
 * {@code $XDG_CACHE_HOME/jvirt} or {@code $HOME/.cache/jvirt}.</li>
 * <li>{@code state}: the property {@value #STATE_BASE_PROPERTY}; else {@code /var/lib/jvirt} for
 * root; else {@code var} under the working directory (a development run).</li>
 * </ul>
 * A bundle's own configuration (a socket path, a state folder) takes precedence over these.
 * UNIX socket paths hold at most {@value #UNIX_PATH_MAX} bytes, which is why the run directory
 * is short and separate from the state.
 *
 * @param run   the run directory, absolute
 * @param state the base of persistent state, absolute
 */
public record HostDirectories(Path run, Path state) {
    /** Framework or system property naming the run directory. */
    public static final String RUN_DIR_PROPERTY = "jvirt.run.dir";
    /** Framework or system property naming the base of persistent state. */
    public static final String STATE_BASE_PROPERTY = "jvirt.lib.dir";
    /** The longest UNIX socket path in bytes ({@code sun_path} holds 108 with its terminating NUL). */
    public static final int UNIX_PATH_MAX = 107;

    /**
     * The directories for a process with these properties and environment.
     *
     * @param property a framework or system property by name, null when unset
     * @param env      an environment variable by name, null when unset
     * @param root     whether the process runs as root (uid 0)
     */
    public static HostDirectories resolve(UnaryOperator<String> property, UnaryOperator<String> env, boolean root) {
        Path run = set(property.apply(RUN_DIR_PROPERTY)) ? Path.of(property.apply(RUN_DIR_PROPERTY).trim())
                : root ? Path.of("/run/jvirt")
                : set(env.apply("XDG_RUNTIME_DIR")) ? Path.of(env.apply("XDG_RUNTIME_DIR"), "jvirt")
                : set(env.apply("XDG_CACHE_HOME")) ? Path.of(env.apply("XDG_CACHE_HOME"), "jvirt")
                : Path.of(String.valueOf(env.apply("HOME")), ".cache", "jvirt");
        Path state = set(property.apply(STATE_BASE_PROPERTY)) ? Path.of(property.apply(STATE_BASE_PROPERTY).trim())
                : root ? Path.of("/var/lib/jvirt")
                : Path.of("var");
        return new HostDirectories(run.toAbsolutePath().normalize(), state.toAbsolutePath().normalize());
    }

    /** The directories of this process: {@code property} as in {@link #resolve}, its environment and uid. */
    public static HostDirectories ofThisProcess(UnaryOperator<String> property) {
        return resolve(property, System::getenv, isRoot());
    }

    /** Whether this process runs as root: {@code /proc/self} belongs to the effective uid. */
    public static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /** Whether {@code path} fits in a UNIX socket address. */
    public static boolean fitsUnixSocket(Path path) {
        return path.toString().getBytes(StandardCharsets.UTF_8).length <= UNIX_PATH_MAX;
    }

    private static boolean set(String v) {
        return v != null && !v.isBlank();
    }
}
