package org.jvirt.network.internal.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * dnsmasq for one network: started on its configuration file (it daemonizes and writes its pid
 * file, as libvirt lets it), its leases in {@code NAME.leases} (dnsmasq's own lease file), stopped
 * by pid with SIGTERM, then SIGKILL.
 */
public final class DnsmasqProcess {
    private static final Logger LOG = LoggerFactory.getLogger(DnsmasqProcess.class);

    private final CommandRunner cmd;
    private final String binary;

    public DnsmasqProcess(CommandRunner cmd, String binary) {
        this.cmd = cmd;
        this.binary = binary;
    }

    /** Starts dnsmasq on {@code conf}; its pid, or libvirt's error with what dnsmasq printed. */
    public long start(Path conf, Path leases, Path pidFile) throws VirtException {
        CommandRunner.Result r = cmd.run(List.of(binary, "--conf-file=" + conf, "--dhcp-leasefile=" + leases), null);
        if (r.exit() != 0) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.NETWORK, "Child process (" + binary
                    + " --conf-file=" + conf + ") unexpected exit status " + r.exit() + ": " + r.err().strip());
        }
        return readPid(pidFile).orElseThrow(() -> new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.NETWORK,
                "dnsmasq did not write its pid file " + pidFile));
    }

    /** The pid in {@code pidFile}, waiting briefly for a daemon that has not written it yet. */
    public static Optional<Long> readPid(Path pidFile) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (true) {
            try {
                String text = Files.readString(pidFile).strip();
                if (!text.isEmpty()) {
                    return Optional.of(Long.parseLong(text));
                }
            } catch (IOException | NumberFormatException e) {
                // not there yet
            }
            if (System.nanoTime() > deadline) {
                return Optional.empty();
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    /** Whether {@code pid} is a dnsmasq process (not a recycled pid of something else). */
    public static boolean isDnsmasq(long pid) {
        Optional<ProcessHandle> h = ProcessHandle.of(pid);
        return h.isPresent() && h.get().isAlive()
                && h.get().info().command().map(c -> c.endsWith("dnsmasq")).orElse(false);
    }

    /** Stops the dnsmasq with {@code pid}: SIGTERM, then SIGKILL after 5 s. Quiet when it is gone. */
    public static void stop(long pid) {
        if (!isDnsmasq(pid)) {
            return;
        }
        ProcessHandle h = ProcessHandle.of(pid).orElseThrow();
        h.destroy();
        // dnsmasq daemonized, so it is not our child and cannot be waited for; ProcessHandle.onExit
        // polls a non-child at coarse intervals, /proc at 10 ms tells sooner (a zombie has exited)
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        try {
            while (running(pid) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (running(pid)) {
            LOG.warn("dnsmasq {} did not stop on SIGTERM, killing it", pid);
            h.destroyForcibly();
        }
    }

    private static boolean running(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String state = stat.substring(stat.lastIndexOf(')') + 1).strip();
            return !state.startsWith("Z") && !state.startsWith("X");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
