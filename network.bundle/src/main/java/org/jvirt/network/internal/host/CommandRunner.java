package org.jvirt.network.internal.host;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the host commands of the network driver ({@code ip}, {@code nft}, {@code sysctl},
 * {@code dnsmasq}). Every command goes through one configurable prefix, e.g.
 * {@code ip netns exec NS}: the one seam that lets tests run the real driver inside a network
 * namespace of their own, so that they never touch the host's networking. Empty in production.
 */
public final class CommandRunner {
    private static final Logger LOG = LoggerFactory.getLogger(CommandRunner.class);
    private static final long TIMEOUT_SECONDS = 30;

    /** What a command printed and how it ended. */
    public record Result(int exit, String out, String err) {
    }

    private final List<String> prefix;

    public CommandRunner(List<String> prefix) {
        this.prefix = List.copyOf(prefix);
    }

    /** A prefix from its configured text: words separated by blanks; blank means none. */
    public static CommandRunner of(String prefixText) {
        String t = prefixText == null ? "" : prefixText.trim();
        return new CommandRunner(t.isEmpty() ? List.of() : List.of(t.split("\\s+")));
    }

    public List<String> prefix() {
        return prefix;
    }

    /** Runs {@code args} (with {@code stdin}, may be null) and returns however it ended. */
    public Result run(List<String> args, String stdin) throws VirtException {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(args);
        LOG.debug("running {}", cmd);
        try {
            Process p = new ProcessBuilder(cmd).start();
            CompletableFuture<String> out = drain(p.getInputStream());
            CompletableFuture<String> err = drain(p.getErrorStream());
            try (OutputStream in = p.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new VirtException(ErrorCode.OPERATION_TIMEOUT, ErrorDomain.NETWORK,
                        String.join(" ", args) + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            return new Result(p.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.NETWORK,
                    "Cannot run " + String.join(" ", args) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VirtException(ErrorCode.OPERATION_ABORTED, ErrorDomain.NETWORK, String.join(" ", args));
        }
    }

    /**
     * Runs {@code args} and fails as libvirt's virCommandRun does for a non-zero exit:
     * "internal error: Child process (CMD) unexpected exit status N: STDERR".
     */
    public String check(List<String> args, String stdin) throws VirtException {
        return check(args, stdin, null);
    }

    /**
     * As {@link #check(List, String)}, except that a failure whose error output contains {@code absent}
     * (the command's "no such object") counts as done: one command where "exists? then delete" took two.
     */
    public String check(List<String> args, String stdin, String absent) throws VirtException {
        Result r = run(args, stdin);
        if (r.exit() != 0 && absent != null && r.err().contains(absent)) {
            return r.out();
        }
        if (r.exit() != 0) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.NETWORK, "Child process ("
                    + String.join(" ", args) + ") unexpected exit status " + r.exit() + ": " + r.err().strip());
        }
        return r.out();
    }

    private static CompletableFuture<String> drain(InputStream s) {
        return CompletableFuture.supplyAsync(() -> {
            try (s) {
                return new String(s.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
    }
}
