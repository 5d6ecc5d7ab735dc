package org.jvirt.driver.qemu.internal.net;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the host commands of guest networking ({@code ip}) with the driver's one configurable
 * prefix, empty in production. Tests set it to {@code ip netns exec NS} so that the taps (and QEMU,
 * see {@link #wrap}) live in a network namespace they created and never touch the host's own
 * networking, as network.bundle's command runner does.
 */
public final class HostCommands {
    private static final Logger LOG = LoggerFactory.getLogger(HostCommands.class);
    private static final long TIMEOUT_SECONDS = 30;

    private final List<String> prefix;

    public HostCommands(List<String> prefix) {
        this.prefix = List.copyOf(prefix);
    }

    /** {@code argv} as it must run: behind the prefix (QEMU must open its taps where they were made). */
    public List<String> wrap(List<String> argv) {
        if (prefix.isEmpty()) {
            return argv;
        }
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(argv);
        return cmd;
    }

    /**
     * Whether the driver can open taps itself where the prefix runs commands: in its own network
     * namespace (no prefix) or in that of {@code ip netns exec NAME}; another prefix's namespace it
     * cannot enter, so QEMU opens its taps by name there.
     */
    public boolean opensTaps() {
        return prefix.isEmpty() || prefix.size() == 4 && prefix.get(0).endsWith("ip")
                && prefix.get(1).equals("netns") && prefix.get(2).equals("exec");
    }

    /** The namespace file of {@code ip netns exec NAME}, null for the JVM's own namespace. */
    public Path netnsFile() {
        return prefix.isEmpty() ? null : Path.of("/run/netns", prefix.get(3));
    }

    /** Runs {@code args}; a non-zero exit is libvirt's SYSTEM_ERROR naming the command and its stderr. */
    public String run(String... args) throws VirtException {
        List<String> cmd = wrap(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            byte[] err = p.getErrorStream().readAllBytes();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw failure(args, "did not finish");
            }
            if (p.exitValue() != 0) {
                throw failure(args, new String(err, StandardCharsets.UTF_8).strip());
            }
            LOG.debug("ran {}", cmd);
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw failure(args, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(args, "interrupted");
        }
    }

    private static VirtException failure(String[] args, String why) {
        return new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.NONE,
                "Unable to run '" + String.join(" ", args) + "': " + why);
    }
}
