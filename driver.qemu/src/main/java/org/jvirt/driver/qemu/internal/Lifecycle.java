package org.jvirt.driver.qemu.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.jvirt.api.DomainEventType;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.StateReason;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Bitmap;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.VcpuPin;
import org.jvirt.driver.qemu.internal.console.ChardevPaths;
import org.jvirt.driver.qemu.internal.domain.QemuDomainObj;
import org.jvirt.driver.qemu.internal.launch.GuestRunDir;
import org.jvirt.driver.qemu.internal.process.ProcStat;
import org.jvirt.driver.qemu.internal.process.QemuProcesses;
import org.jvirt.driver.qemu.internal.qmp.QmpClient;
import org.jvirt.driver.qemu.internal.qmp.QmpException;
import org.jvirt.driver.qemu.spi.VcpuThreadResolution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starting and stopping guests: spawn QEMU, connect its monitor, set up vCPUs, {@code cont};
 * stop it with SIGTERM then SIGKILL; and everything a monitor's end means. Every method runs
 * under the domain's lock.
 */
public final class Lifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(Lifecycle.class);
    private static final int LOG_TAIL_BYTES = 1024;

    private final QemuHost host;
    private final HostContext ctx;

    public Lifecycle(QemuHost host) {
        this.host = host;
        this.ctx = host.context();
    }

    /** Starts {@code def} as the live definition of {@code dom}. On failure nothing is left behind. */
    public void start(QemuDomainObj dom, DomainDef def, boolean paused) throws VirtException {
        synchronized (dom) {
            if (dom.isActive()) {
                throw QemuErrors.invalid("domain is already running");
            }
            Path emulator = ctx.emulators().find(def);
            int id = host.nextId();
            Path monitor = new GuestRunDir(ctx.runDir()).monitor(id, def.name());
            Path pidFile = ctx.runDir().resolve(dom.uuid() + ".pid");
            Path log = ctx.logDir().resolve(def.name() + ".log");
            DomainDef live = ctx.argv().complete(def.withId(id), emulator);
            List<String> argv = ctx.argv().build(live, emulator, monitor, pidFile);
            Process process;
            try {
                Files.createDirectories(ctx.runDir());
                Files.deleteIfExists(monitor);
                Files.deleteIfExists(pidFile);
                process = QemuProcesses.spawn(argv, log);
            } catch (IOException e) {
                ctx.argv().cleanup(id, def.name());
                throw QemuErrors.internal("cannot start emulator " + emulator + ": " + e.getMessage(), e);
            }
            long pid = process.pid();
            MonitorListener listener = new MonitorListener(this, dom);
            try {
                QmpClient qmp = QmpClient.connect(def.name(), monitor, ctx.monitorTimeout(), process::isAlive,
                        ctx.maxMessageBytes(), ctx.commandTimeout(), listener);
                listener.setClient(qmp);
                pid = readPidFile(pidFile).orElse(pid);
                live = ChardevPaths.fill(live, qmp.execute("query-chardev", null));
                long startTime = ProcStat.ofProcess(pid).map(ProcStat::startTime).orElse(0L);
                dom.attach(id, live, pid, startTime, monitor, log);
                dom.setQmp(qmp);
                dom.setState(StateReason.PAUSED_STARTING_UP);
                VcpuThreadResolution r = ctx.vcpus().refresh(dom);
                applyVcpuPins(dom, live, r);
                if (!paused) {
                    qmp.execute("cont", null);
                }
                dom.setState(paused ? StateReason.PAUSED_USER : StateReason.RUNNING_BOOTED);
                host.saveStatus(dom);
            } catch (VirtException | QmpException | RuntimeException e) {
                String tail = failStart(dom, process, pid, monitor, pidFile, log);
                ctx.argv().cleanup(id, def.name());
                throw startError(e, tail);
            }
            LOG.info("domain '{}' started: pid {}, monitor {}", def.name(), pid, monitor);
            host.events().emit(dom, DomainEventType.STARTED, DomainEventType.STARTED_BOOTED);
            if (paused) {
                host.events().emit(dom, DomainEventType.SUSPENDED, DomainEventType.SUSPENDED_PAUSED);
            }
        }
    }

    private String failStart(QemuDomainObj dom, Process process, long pid, Path monitor, Path pidFile, Path log) {
        QmpClient qmp = dom.qmp();
        if (qmp != null) {
            qmp.close();
        }
        QemuProcesses.terminate(pid, ctx.destroyTimeout(), ctx.destroyTimeout());
        if (process.pid() != pid) {
            QemuProcesses.terminate(process.pid(), ctx.destroyTimeout(), ctx.destroyTimeout());
        }
        try {
            process.waitFor();
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
        dom.detach(StateReason.SHUTOFF_FAILED);
        host.deleteStatus(dom);
        deleteQuietly(monitor);
        deleteQuietly(pidFile);
        ctx.cgroups().remove(dom.uuid().toString());
        return QemuProcesses.tail(log, LOG_TAIL_BYTES);
    }

    /** Errors about the definition stay as they are; QEMU's own failures carry the tail of its log. */
    private static VirtException startError(Exception e, String tail) {
        if (e instanceof VirtException ve && ve.code() != ErrorCode.INTERNAL_ERROR) {
            return ve;
        }
        if (e instanceof QmpException q && q.isClosed()) {
            return QemuErrors.internal("process exited while connecting to monitor: " + tail, e);
        }
        String why = e instanceof VirtException ve ? ve.getMessage().replaceFirst("^internal error: ", "")
                : e.getMessage();
        return QemuErrors.internal(why + (tail.isEmpty() ? "" : "; QEMU log: " + tail), e);
    }

    /** {@code <cputune><vcpupin>}: needs usable thread ids, else the start fails. */
    private void applyVcpuPins(QemuDomainObj dom, DomainDef def, VcpuThreadResolution r) throws VirtException {
        List<VcpuPin> pins = def.cputune() == null ? List.of() : def.cputune().vcpuPins();
        if (pins.isEmpty()) {
            return;
        }
        if (!r.usable()) {
            throw QemuErrors.affinityUnsupported();
        }
        for (VcpuPin pin : pins) {
            ctx.vcpus().pin(dom, pin.vcpu(), Bitmap.parse(pin.cpuset()).bits());
        }
    }

    /** Destroys a running domain: SIGTERM, SIGKILL after the timeout. */
    public void destroy(QemuDomainObj dom) throws VirtException {
        synchronized (dom) {
            if (!dom.isActive()) {
                throw QemuErrors.notRunning();
            }
            dom.setStopping(true);
            long pid = dom.pid();
            if (!QemuProcesses.terminate(pid, ctx.destroyTimeout(), ctx.destroyTimeout())) {
                dom.setStopping(false);
                throw QemuErrors.failed("failed to kill qemu process with SIGTERM and SIGKILL (pid " + pid + ")");
            }
            stopped(dom, StateReason.SHUTOFF_DESTROYED, DomainEventType.STOPPED_DESTROYED);
        }
    }

    /** The domain's emulator has gone (or is being taken away): release everything. */
    void stopped(QemuDomainObj dom, StateReason reason, int stoppedDetail) {
        int id = dom.id();
        QmpClient qmp = dom.qmp();
        if (qmp != null) {
            qmp.close();
        }
        deleteQuietly(dom.monitorPath());
        deleteQuietly(ctx.runDir().resolve(dom.uuid() + ".pid"));
        ctx.argv().cleanup(id, dom.name());
        ctx.cgroups().remove(dom.uuid().toString());
        dom.detach(reason);
        host.deleteStatus(dom);
        // a transient domain is gone before anyone hears it stopped
        host.removeIfTransient(dom);
        LOG.info("domain '{}' stopped: {}", dom.name(), reason.label());
        host.events().emit(dom, id, DomainEventType.STOPPED, stoppedDetail);
    }

    /** The monitor of {@code client} closed without the driver asking. */
    void monitorClosed(QemuDomainObj dom, QmpClient client) {
        synchronized (dom) {
            if (dom.qmp() != client || !dom.isActive()) {
                return;
            }
            long pid = dom.pid();
            if (!QemuProcesses.waitGone(pid, ctx.destroyTimeout())) {
                // a QEMU without its monitor cannot be managed any more
                LOG.warn("domain '{}': monitor closed but pid {} still runs; killing it", dom.name(), pid);
                QemuProcesses.terminate(pid, ctx.destroyTimeout(), ctx.destroyTimeout());
            }
            if (dom.shutdownSeen()) {
                stopped(dom, StateReason.SHUTOFF_SHUTDOWN, DomainEventType.STOPPED_SHUTDOWN);
            } else {
                LOG.warn("domain '{}': QEMU (pid {}) exited unexpectedly: {}", dom.name(), pid,
                        QemuProcesses.tail(dom.logPath(), 200));
                stopped(dom, StateReason.SHUTOFF_CRASHED, DomainEventType.STOPPED_FAILED);
            }
        }
    }

    public HostContext context() {
        return ctx;
    }

    QemuHost host() {
        return host;
    }

    private static Optional<Long> readPidFile(Path pidFile) {
        try {
            return Optional.of(Long.parseLong(Files.readString(pidFile).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    static void deleteQuietly(Path p) {
        if (p == null) {
            return;
        }
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.debug("cannot delete {}: {}", p, e.toString());
        }
    }
}
