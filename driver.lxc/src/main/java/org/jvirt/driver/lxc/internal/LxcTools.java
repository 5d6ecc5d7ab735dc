package org.jvirt.driver.lxc.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jvirt.api.VirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs liblxc's command line tools over one lxc path (the driver's run folder): every container
 * has its folder {@code PATH/NAME} with the {@code config} the driver wrote. The tools are
 * started with {@link ProcessBuilder} (posix_spawn, no fork of the JVM); {@code lxc-start -d}
 * daemonizes liblxc's monitor, which holds the container and outlives jvirtd.
 */
final class LxcTools {
    private static final Logger LOG = LoggerFactory.getLogger(LxcTools.class);
    private static final int MAX_OUTPUT = 64 * 1024;

    /** The result of one tool run. */
    record Result(int exitCode, String output) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    private final Path lxcPath;
    private final Path binDir;
    private final Duration timeout;

    /**
     * @param lxcPath where the containers' folders are ({@code lxc-* -P})
     * @param binDir  the folder of the lxc tools, or null to find them on the PATH
     * @param timeout how long one tool may run
     */
    LxcTools(Path lxcPath, Path binDir, Duration timeout) {
        this.lxcPath = lxcPath;
        this.binDir = binDir != null ? binDir : findBinDir();
        this.timeout = timeout;
    }

    /**
     * The folder of {@code lxc-start}: on the PATH, else in the system's usual folders (a daemon or
     * a forked test framework may run with no PATH at all); null when liblxc's tools are missing.
     */
    private static Path findBinDir() {
        List<String> dirs = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            dirs.addAll(List.of(path.split(":")));
        }
        dirs.addAll(List.of("/usr/bin", "/usr/sbin", "/bin", "/sbin", "/usr/local/bin"));
        for (String dir : dirs) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "lxc-start"))) {
                return Path.of(dir);
            }
        }
        return null;
    }

    Path lxcPath() {
        return lxcPath;
    }

    /** The folder of container {@code name}: its config and console log. */
    Path containerDir(String name) {
        return lxcPath.resolve(name);
    }

    /**
     * Spawns {@code lxc-start -F} in a session of its own: liblxc's monitor in the foreground, so
     * that the container's init gets the console pty as its stdin, stdout and stderr (as libvirt's
     * init does; a daemonized liblxc gives it /dev/null). The monitor's own output goes to
     * {@code toolLog}, liblxc's log to {@code log}; nothing is a pipe to this JVM, so the monitor
     * goes on when jvirtd exits.
     */
    Process spawnMonitor(String name, Path log, Path toolLog, List<String> initArgv) throws VirtException {
        List<String> cmd = new ArrayList<>(List.of(setsid(), tool("lxc-start"), "-P", lxcPath.toString(), "-n", name,
                "-F", "-o", log.toString(), "-l", "INFO", "--"));
        cmd.addAll(initArgv);
        try {
            return new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(toolLog.toFile())).redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw LxcErrors.internal("cannot run lxc-start: " + e.getMessage() + " (install Debian's lxc package)", e);
        }
    }

    static String setsid() {
        for (String dir : new String[] {"/usr/bin", "/bin"}) {
            if (Files.isExecutable(Path.of(dir, "setsid"))) {
                return dir + "/setsid";
            }
        }
        return "setsid";
    }

    /** {@code lxc-stop -k}: kills the container and waits until liblxc has cleaned it up. */
    Result kill(String name) throws VirtException {
        return run(List.of(tool("lxc-stop"), "-P", lxcPath.toString(), "-n", name, "-k"));
    }

    /** {@code lxc-info -s -p -H}: the state and, while running, the init's pid. */
    Result info(String name) throws VirtException {
        return run(List.of(tool("lxc-info"), "-P", lxcPath.toString(), "-n", name, "-s", "-p", "-H"));
    }

    Result freeze(String name) throws VirtException {
        return run(List.of(tool("lxc-freeze"), "-P", lxcPath.toString(), "-n", name));
    }

    Result unfreeze(String name) throws VirtException {
        return run(List.of(tool("lxc-unfreeze"), "-P", lxcPath.toString(), "-n", name));
    }

    /**
     * The command of a console session: {@code lxc-console} attached to the container's console
     * (tty 0) through liblxc's monitor, inside util-linux {@code script}, which gives it the
     * terminal it requires and relays it over plain pipes. Its banner (stderr) is dropped; its
     * escape key is Ctrl+], the key virsh keeps for itself, so no typed byte detaches it.
     */
    List<String> consoleCommand(String name) {
        String console = String.join(" ", quote(tool("lxc-console")), "-P", quote(lxcPath.toString()), "-n",
                quote(name), "-t", "0", "-e", quote("^]"), "2>/dev/null");
        return List.of("script", "-q", "-e", "-c", console, "/dev/null");
    }

    /** One shell word. */
    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /** Whether {@code lxc-start} can be run at all. */
    boolean available() {
        return binDir != null && Files.isExecutable(binDir.resolve("lxc-start"));
    }

    private String tool(String name) {
        return binDir == null ? name : binDir.resolve(name).toString();
    }

    private Result run(List<String> cmd) throws VirtException {
        LOG.debug("running {}", cmd);
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(
                    Path.of("/dev/null").toFile())).start();
        } catch (IOException e) {
            throw LxcErrors.internal("cannot run " + cmd.get(0) + ": " + e.getMessage()
                    + " (install Debian's lxc package)", e);
        }
        try (InputStream out = p.getInputStream()) {
            // liblxc's daemonized monitor keeps no end of this pipe (its stdio is /dev/null), so EOF
            // comes when the tool exits
            byte[] bytes = out.readNBytes(MAX_OUTPUT);
            out.transferTo(OutputStream.nullOutputStream());
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw LxcErrors.internal(cmd.get(0) + " did not finish within " + timeout.toMillis() + " ms");
            }
            return new Result(p.exitValue(), new String(bytes, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            p.destroyForcibly();
            throw LxcErrors.internal("cannot read the output of " + cmd.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw LxcErrors.internal("interrupted while running " + cmd.get(0));
        }
    }
}
