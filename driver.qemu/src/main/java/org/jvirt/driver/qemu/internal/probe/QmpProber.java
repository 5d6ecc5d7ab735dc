package org.jvirt.driver.qemu.internal.probe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.jvirt.driver.qemu.internal.caps.CapsKey;
import org.jvirt.driver.qemu.internal.caps.QemuCaps;
import org.jvirt.driver.qemu.internal.caps.QemuCapsBuilder;
import org.jvirt.driver.qemu.internal.caps.QemuCapsCache;
import org.jvirt.driver.qemu.internal.process.QemuProcesses;
import org.jvirt.driver.qemu.internal.qmp.QmpClient;
import org.jvirt.driver.qemu.internal.qmp.QmpException;
import org.jvirt.driver.qemu.internal.qmp.QmpListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Probes an emulator binary as libvirt's virQEMUCapsInitQMP does: starts it paused with no
 * configuration, no devices and the empty {@code none} machine, accelerated by KVM where QEMU can
 * use it and by TCG otherwise, with a QMP monitor on a UNIX socket in a private temporary folder,
 * asks its questions ({@link ProbeQueries}) and stops it by pid. When that first probe ran under
 * KVM, the binary is probed a second time under TCG only, for what depends on the accelerator
 * (CPU models and their usability, the host CPU, machine types), as libvirt does. While it runs, a record in that folder names it, so that a probe orphaned by a killed
 * daemon is reaped at the next start ({@link #reapOrphans()}). The QEMU output goes to a log file
 * in that folder, quoted when the probe fails.
 */
public final class QmpProber implements QemuCapsCache.Prober {
    private static final Logger LOG = LoggerFactory.getLogger(QmpProber.class);
    private static final QmpListener IGNORE = new QmpListener() {
        @Override
        public void onEvent(String event, JsonNode data) {
        }

        @Override
        public void onClose(boolean requested) {
        }
    };

    private final Path workDir;
    private final Duration timeout;
    private final int maxMessageBytes;

    /**
     * @param workDir         parent of the per-probe temporary folders (kept short: socket paths
     *                        are limited to 108 bytes)
     * @param timeout         wait for the monitor and for each reply
     * @param maxMessageBytes the largest reply accepted (the QMP schema is some 200 KiB)
     */
    public QmpProber(Path workDir, Duration timeout, int maxMessageBytes) {
        this.workDir = workDir;
        this.timeout = timeout;
        this.maxMessageBytes = maxMessageBytes;
    }

    /**
     * The argv libvirt uses for probing (qemuProcessQMPInit), with our socket: KVM when QEMU can
     * use it, else TCG; or TCG only for the second probe.
     */
    static List<String> argv(String binary, Path socket, boolean onlyTcg) {
        return List.of(binary, "-S", "-no-user-config", "-nodefaults", "-nographic", "-machine",
                onlyTcg ? "none,accel=tcg" : "none,accel=kvm:tcg", "-qmp", "unix:" + socket + ",server=on,wait=off");
    }

    /**
     * Probes the binary; a probe whose emulator stopped answering (a QMP timeout, seen once in a
     * loaded test run on query-cpu-definitions) is repeated once with a fresh process, since probing
     * has no side effects.
     */
    @Override
    public QemuCaps probe(CapsKey key) throws IOException {
        try {
            return probeOnce(key);
        } catch (IOException e) {
            if (!(e.getCause() instanceof QmpException q) || !q.isTimeout()) {
                throw e;
            }
            LOG.warn("probe of {} timed out ({}); probing once more", key.binaryPath(), e.getMessage());
            return probeOnce(key);
        }
    }

    private QemuCaps probeOnce(CapsKey key) throws IOException {
        QemuCapsBuilder b = new QemuCapsBuilder(key);
        // virQEMUCapsInitQMP: all questions with KVM if QEMU could enable it, then TCG's own answers
        boolean kvm = probeWith(key, false, q -> q.run(), b);
        if (kvm && b.has("tcg")) {
            probeWith(key, true, q -> {
                q.runTcg();
                return false;
            }, b);
        }
        return b.build();
    }

    /** The questions asked in one session with a probe QEMU. */
    @FunctionalInterface
    private interface Questions {
        /** @return whether the probe QEMU runs under KVM */
        boolean ask(ProbeQueries queries) throws QmpException;
    }

    private boolean probeWith(CapsKey key, boolean onlyTcg, Questions questions, QemuCapsBuilder b)
            throws IOException {
        Launched probe = launch(key.binaryPath(), onlyTcg);
        try (QmpClient qmp = QmpClient.connect("probe-" + probe.pid(), probe.socket(), timeout,
                probe.process()::isAlive, maxMessageBytes, timeout, IGNORE)) {
            return questions.ask(new ProbeQueries(qmp, b));
        } catch (QmpException | RuntimeException e) {
            throw new IOException("cannot probe the capabilities of " + key.binaryPath()
                    + (onlyTcg ? " under TCG" : "") + ": " + e.getMessage() + tail(probe.log()), e);
        } finally {
            stop(probe, key.binaryPath());
        }
    }

    /** A probe QEMU running in its own folder, recorded there ({@link ProbeRecords}) while it lives. */
    record Launched(Path dir, Path socket, Path log, Process process) {
        long pid() {
            return process.pid();
        }
    }

    /**
     * Starts the probe QEMU of {@code binary}: folder, owner record, the process spawned held, its
     * pid recorded, then let run. A daemon killed at any point leaves either no QEMU or a record of
     * it for {@link #reapOrphans()}.
     */
    Launched launch(String binary, boolean onlyTcg) throws IOException {
        Files.createDirectories(workDir);
        Path dir = Files.createTempDirectory(workDir, "probe");
        Path socket = dir.resolve("qmp.sock");
        Path log = dir.resolve("qemu.log");
        Process p;
        try {
            ProbeRecords.write(dir, 0);
            p = QemuProcesses.spawnHeld(argv(binary, socket, onlyTcg), log, false);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(dir, dir.resolve(ProbeRecords.FILE), log);
            throw e;
        }
        try {
            ProbeRecords.write(dir, p.pid());
            QemuProcesses.release(p);
        } catch (IOException | RuntimeException e) {
            p.destroyForcibly();
            deleteQuietly(dir, dir.resolve(ProbeRecords.FILE), log);
            throw e;
        }
        LOG.debug("probing {} as pid {}", binary, p.pid());
        return new Launched(dir, socket, log, p);
    }

    private void stop(Launched probe, String binary) {
        if (!QemuProcesses.terminate(probe.pid(), timeout, timeout)) {
            LOG.warn("probe process {} of {} did not exit", probe.pid(), binary);
        }
        try {
            probe.process().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteQuietly(probe.dir(), probe.dir().resolve(ProbeRecords.FILE), probe.socket(), probe.log());
    }

    /**
     * Kills the probe QEMUs a killed daemon left running (their records in this prober's folder)
     * and removes their folders; the driver calls it once at start, before it probes.
     *
     * @return the pids killed
     */
    public List<Long> reapOrphans() {
        return ProbeRecords.reapOrphans(workDir);
    }

    private static String tail(Path log) {
        String t = QemuProcesses.tail(log, 2048);
        return t.isEmpty() ? "" : "\n" + t;
    }

    private static void deleteQuietly(Path... paths) {
        for (int i = paths.length - 1; i >= 0; i--) {
            try {
                Files.deleteIfExists(paths[i]);
            } catch (IOException e) {
                LOG.debug("cannot delete {}: {}", paths[i], e.toString());
            }
        }
    }
}
