package org.jvirt.driver.qemu.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.DomainEventType;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.StateReason;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Bitmap;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.VcpuPin;
import org.jvirt.driver.qemu.internal.command.DeviceAliases;
import org.jvirt.driver.qemu.internal.command.UsbPorts;
import org.jvirt.driver.qemu.internal.console.ChardevPaths;
import org.jvirt.driver.qemu.internal.domain.QemuDomainObj;
import org.jvirt.driver.qemu.internal.launch.GuestRunDir;
import org.jvirt.driver.qemu.internal.launch.ListenSockets;
import org.jvirt.driver.qemu.internal.net.TapFds;
import org.jvirt.driver.qemu.internal.process.ProcStat;
import org.jvirt.driver.qemu.internal.process.QemuProcesses;
import org.jvirt.driver.qemu.internal.qmp.QmpClient;
import org.jvirt.driver.qemu.internal.qmp.QmpException;
import org.jvirt.driver.qemu.spi.VcpuThreadResolution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starting and stopping guests: spawn QEMU (recorded before it runs), connect its monitor, set up
 * vCPUs, {@code cont}, record it started;
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

    /** libvirt's VIR_DOMAIN_EVENT_STARTED_RESTORED. */
    static final int STARTED_RESTORED = 2;

    /**
     * A restore: QEMU starts with {@code -incoming defer} and loads a saved state before its CPUs
     * may run (libvirt's incoming migration of qemuProcessStartWithMemoryState).
     */
    public interface Incoming {
        /** Loads the state into the emulator, still paused; the domain's lock is held. */
        void load(QemuDomainObj dom, QmpClient qmp) throws VirtException;

        /** The SUSPENDED event's detail when the restored guest stays paused. */
        int pausedDetail();
    }

    /** Starts {@code def} as the live definition of {@code dom}. On failure nothing is left behind. */
    public void start(QemuDomainObj dom, DomainDef def, boolean paused) throws VirtException {
        start(dom, def, paused, null);
    }

    /**
     * Starts {@code def}, booting it or, with {@code incoming}, restoring a saved state into it;
     * a restored guest is running only if not {@code paused}. On failure nothing is left behind.
     */
    public void start(QemuDomainObj dom, DomainDef def, boolean paused, Incoming incoming) throws VirtException {
        synchronized (dom) {
            if (dom.isActive()) {
                throw QemuErrors.invalid("domain is already running");
            }
            Path emulator = ctx.emulators().find(def);
            int id = host.nextId();
            Path monitor = new GuestRunDir(ctx.runDir()).monitor(id, def.name());
            Path pidFile = ctx.runDir().resolve(dom.uuid() + ".pid");
            Path log = ctx.logDir().resolve(def.name() + ".log");
            DomainDef live;
            List<String> argv;
            // the taps the driver opens for QEMU: its copies close once QEMU has them, or on failure
            TapFds taps = new TapFds();
            try {
                // volume disks become their pools' files first (libvirt's qemuProcessPrepareDomainStorage)
                // with the aliases and USB ports the command line gives the devices (qemuAssignDeviceAliases)
                live = ctx.cgroups().withPartition(ctx.security().generate(DeviceAliases.assign(UsbPorts.assign(
                        ctx.argv().complete(ctx.volumes().translate(def.withId(id)), emulator)))));
                // taps first: the command line names them (libvirt's qemuProcessPrepareHost)
                live = ctx.networks().plug(live, ctx.security().processOwner(live), taps);
            } catch (VirtException | RuntimeException | Error e) {
                ctx.argv().cleanup(id, def.name());
                throw e;
            }
            // the listening sockets the definition names, bound here and inherited after the taps
            // (libvirt's qemuProcessPrepareHostBackendChardev): QEMU needs no right on their folders
            ListenSockets sockets = ListenSockets.none();
            try {
                sockets = ListenSockets.open(live, 3 + taps.descriptors().size());
                List<String> qemu = new ArrayList<>(
                        ctx.argv().build(live, emulator, monitor, pidFile, taps.inChild(), sockets.inChild()));
                if (incoming != null) {
                    qemu.addAll(List.of("-incoming", "defer"));
                }
                argv = ctx.commands().wrap(ctx.security().launcher(live, qemu));
            } catch (VirtException | RuntimeException | Error e) {
                sockets.close();
                ListenSockets.remove(live);
                taps.close();
                ctx.networks().unplug(live);
                ctx.argv().cleanup(id, def.name());
                throw e;
            }
            Process process = null;
            try {
                try {
                    process = spawnHeld(live, argv, monitor, pidFile, log, taps, sockets);
                } finally {
                    taps.close();
                    sockets.close();
                }
                recordAndRelease(dom, process, id, live, monitor, log);
                connectAndRun(dom, live, process, monitor, paused, argv.contains("-no-reboot"), incoming);
            } catch (VirtException | IOException | QmpException | RuntimeException e) {
                String tail = abortStart(dom, live, process, id, monitor, pidFile, log);
                throw e instanceof IOException ? QemuErrors.internal("cannot start emulator " + emulator + ": "
                        + e.getMessage(), e) : startError(e, tail);
            } catch (Error e) {
                abortStart(dom, live, process, id, monitor, pidFile, log);
                throw e;
            }
            LOG.info("domain '{}' started: pid {}, monitor {}", def.name(), dom.pid(), monitor);
            host.events().emit(dom, DomainEventType.STARTED,
                    incoming != null ? STARTED_RESTORED : DomainEventType.STARTED_BOOTED);
            if (paused) {
                host.events().emit(dom, DomainEventType.SUSPENDED,
                        incoming != null ? incoming.pausedDetail() : DomainEventType.SUSPENDED_PAUSED);
            }
        }
    }

    private Process spawnHeld(DomainDef live, List<String> argv, Path monitor, Path pidFile, Path log, TapFds taps,
                              ListenSockets sockets) throws IOException, VirtException {
        Files.createDirectories(monitor.getParent());
        Files.deleteIfExists(monitor);
        Files.deleteIfExists(pidFile);
        // QEMU makes the automatic channel sockets there (libvirt's qemuProcessMakeDir of channelTargetDir)
        Path channels = Files.createDirectories(new GuestRunDir(ctx.runDir()).channelDir(live.id(), live.name()));
        ctx.security().setAll(live, monitor.getParent(), pidFile, log);
        ctx.security().setPath(live, channels);
        // the bound sockets are the guest's, as libvirt's DAC driver labels an existing listening socket
        for (Path socket : sockets.files()) {
            ctx.security().setPath(live, socket);
        }
        List<Integer> fds = new ArrayList<>(taps.descriptors());
        fds.addAll(sockets.descriptors());
        return QemuProcesses.spawnHeld(argv, log, true, fds);
    }

    /**
     * Records the held emulator (status "paused, starting up" with its pid) and only then lets it
     * run: from here on a daemon that dies finds the process in the status record (and
     * {@link Reattach} kills a start that did not finish, as libvirt does); one that died before
     * leaves no QEMU (see {@link QemuProcesses#spawnHeld}).
     */
    private void recordAndRelease(QemuDomainObj dom, Process process, int id, DomainDef live, Path monitor,
                                  Path log) throws IOException, VirtException {
        long pid = process.pid();
        long startTime = ProcStat.ofProcess(pid).map(ProcStat::startTime).orElse(0L);
        dom.attach(id, live, pid, startTime, monitor, log);
        dom.setState(StateReason.PAUSED_STARTING_UP);
        host.saveStatus(dom);
        // into its cgroup with its tuning while it is still a held shell: every QEMU thread starts there
        ctx.cgroups().setup(dom.uuid().toString(), id, live, pid);
        QemuProcesses.release(process);
        reached(StartObserver.Stage.SPAWNED, dom);
    }

    /** QMP, vCPUs, {@code cont}; the status record follows each step and says "started" last. */
    private void connectAndRun(QemuDomainObj dom, DomainDef live, Process process, Path monitor, boolean paused,
                               boolean noReboot, Incoming incoming) throws VirtException, QmpException {
        MonitorListener listener = new MonitorListener(this, dom);
        QmpClient qmp = QmpClient.connect(live.name(), monitor, ctx.monitorTimeout(), process::isAlive,
                ctx.maxMessageBytes(), ctx.commandTimeout(), listener);
        listener.setClient(qmp);
        dom.setQmp(qmp);
        // the pty paths QEMU chose, for dumpxml and consoles (libvirt's qemuProcessRefreshChardevs)
        dom.setLiveDef(ChardevPaths.fill(live, qmp.execute("query-chardev", null)));
        if ("destroy".equals(live.onReboot()) && !noReboot) {
            // what -no-reboot does for a QEMU that has set-action (libvirt's
            // qemuProcessSetupLifecycleActions): the guest's reboot becomes a power-off
            qmp.execute("set-action", QmpClient.args().put("reboot", "shutdown"));
        }
        reached(StartObserver.Stage.MONITOR_CONNECTED, dom);
        VcpuThreadResolution r = ctx.vcpus().refresh(dom);
        applyVcpuPins(dom, live, r);
        MemoryResize.setUp(qmp, live);
        host.saveStatus(dom);
        reached(StartObserver.Stage.VCPUS_READY, dom);
        if (incoming != null) {
            incoming.load(dom, qmp);
        }
        if (!paused) {
            qmp.execute("cont", null);
        }
        reached(StartObserver.Stage.CONTINUED, dom);
        // libvirt's qemuProcessFinishStartup: a guest restored paused is "paused (migrating)"
        dom.setState(incoming == null ? (paused ? StateReason.PAUSED_USER : StateReason.RUNNING_BOOTED)
                : paused ? StateReason.PAUSED_MIGRATION : StateReason.RUNNING_RESTORED);
        host.saveStatus(dom);
        reached(StartObserver.Stage.STARTED, dom);
    }

    private void reached(StartObserver.Stage stage, QemuDomainObj dom) {
        ctx.startObserver().reached(stage, dom);
    }

    /**
     * Undoes a start that failed at any step: the process (held or running) is killed, the monitor
     * socket, pid file, domain folder and status record removed, the domain shut off (failed), and
     * a transient one forgotten.
     *
     * @return the tail of the QEMU log, for the error message
     */
    private String abortStart(QemuDomainObj dom, DomainDef live, Process process, int id, Path monitor, Path pidFile,
                              Path log) {
        QmpClient qmp = dom.qmp();
        if (qmp != null) {
            qmp.close();
        }
        if (process != null) {
            QemuProcesses.terminate(process.pid(), ctx.destroyTimeout(), ctx.destroyTimeout());
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
        }
        ctx.security().restoreAll(dom.liveDef() != null ? dom.liveDef() : live, log);
        dom.detach(StateReason.SHUTOFF_FAILED);
        host.deleteStatus(dom);
        deleteQuietly(monitor);
        deleteQuietly(pidFile);
        ListenSockets.remove(dom.liveDef() != null ? dom.liveDef() : live);
        ctx.argv().cleanup(id, dom.name());
        ctx.networks().unplug(live);
        ctx.cgroups().remove(dom.uuid().toString());
        host.removeIfTransient(dom);
        return process == null ? "" : QemuProcesses.tail(log, LOG_TAIL_BYTES);
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
        // libvirt's qemuProcessCleanupChardevDevice: the listening sockets go with the guest
        ListenSockets.remove(dom.liveDef());
        ctx.argv().cleanup(id, dom.name());
        ctx.cgroups().remove(dom.uuid().toString());
        ctx.security().restoreAll(dom.liveDef(), dom.logPath());
        ctx.networks().unplug(dom.liveDef());
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
