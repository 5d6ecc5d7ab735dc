package org.jvirt.driver.qemu.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A network namespace a test creates and removes, so that bridges and taps never touch the host's
 * own networking. {@link #close()} kills every process still in it (by pid) and deletes it.
 */
final class TestNetns implements AutoCloseable {
    final String name;

    private TestNetns(String name) {
        this.name = name;
    }

    /** A new namespace with its loopback up; skips the test where namespaces cannot be made (not root). */
    static TestNetns create(String prefix) throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "network namespaces need root");
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        Result r = run(List.of("ip", "netns", "add", name));
        assumeTrue(r.exit == 0, "cannot create a network namespace: " + r.err);
        TestNetns ns = new TestNetns(name);
        ns.exec("ip", "link", "set", "lo", "up");
        return ns;
    }

    /** The words that run a command in the namespace: the drivers' command prefix. */
    List<String> prefix() {
        return List.of("ip", "netns", "exec", name);
    }

    Result exec(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(prefix());
        cmd.addAll(List.of(args));
        return run(cmd);
    }

    @Override
    public void close() throws Exception {
        Result pids = run(List.of("ip", "netns", "pids", name));
        for (String line : pids.out.lines().filter(l -> !l.isBlank()).toList()) {
            ProcessHandle.of(Long.parseLong(line.strip())).ifPresent(h -> {
                h.destroyForcibly();
                h.onExit().join();
            });
        }
        run(List.of("ip", "netns", "del", name));
    }

    record Result(int exit, String out, String err) {
    }

    static Result run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(cmd + " did not finish");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8),
                new String(err, StandardCharsets.UTF_8));
    }
}
