package org.jvirt.network.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A network namespace a test creates and removes, so that bridges, addresses, nftables tables and
 * dnsmasq never touch the host's own networking. {@link #close()} kills every process still in it
 * (by pid, from {@code ip netns pids}) and deletes it.
 */
public final class Netns implements AutoCloseable {
    public final String name;

    private Netns(String name) {
        this.name = name;
    }

    /** A new namespace with its loopback up; skips the test where namespaces cannot be made (not root). */
    public static Netns create(String prefix) throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "network namespaces need root");
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        Result r = run(List.of("ip", "netns", "add", name));
        assumeTrue(r.exit == 0, "cannot create a network namespace: " + r.err);
        Netns ns = new Netns(name);
        ns.exec("ip", "link", "set", "lo", "up");
        return ns;
    }

    /** The words that run a command in the namespace: the driver's command prefix. */
    public List<String> prefix() {
        return List.of("ip", "netns", "exec", name);
    }

    public Result exec(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(prefix());
        cmd.addAll(List.of(args));
        return run(cmd);
    }

    /** Like {@link #exec} but fails on a non-zero exit. */
    public String check(String... args) throws IOException, InterruptedException {
        Result r = exec(args);
        if (r.exit != 0) {
            throw new IllegalStateException(String.join(" ", args) + " failed: " + r.err);
        }
        return r.out;
    }

    /** The pids of the processes running in the namespace. */
    public List<Long> pids() throws IOException, InterruptedException {
        Result r = run(List.of("ip", "netns", "pids", name));
        return r.out.lines().filter(l -> !l.isBlank()).map(l -> Long.parseLong(l.strip())).toList();
    }

    @Override
    public void close() throws Exception {
        for (long pid : pids()) {
            ProcessHandle.of(pid).ifPresent(h -> {
                h.destroyForcibly();
                h.onExit().join();
            });
        }
        run(List.of("ip", "netns", "del", name));
    }

    public record Result(int exit, String out, String err) {
    }

    public static Result run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(cmd + " did not finish");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }
}
