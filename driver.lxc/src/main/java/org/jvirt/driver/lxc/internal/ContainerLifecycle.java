package org.jvirt.driver.lxc.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.jvirt.api.DomainEventType;
import org.jvirt.api.DomainState;
import org.jvirt.api.DomainStateInfo;
import org.jvirt.api.StateReason;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainDef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts and stops containers: libvirt's {@code virLXCProcessStart} and {@code virLXCProcessStop}
 * with liblxc as the runtime. A start writes the container's config, spawns liblxc's monitor
 * ({@link LxcTools#spawnMonitor}), waits until the container runs, and records the processes in
 * the state store before anyone sees the domain running; whatever fails on the way is stopped and
 * removed again. Callers hold the domain's lock.
 */
final class ContainerLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(ContainerLifecycle.class);

    private final LxcHost host;
    private final LxcTools tools;
    private final ContainerConfigBuilder configs;
    private final VethNames veths;
    private final VethQos qos;
    private final ContainerNetworks networks;
    private final Path logDir;
    private final Duration startTimeout;
    private final Runnable watching;

    /** @param watching called once a container runs, so that its end is noticed */
    ContainerLifecycle(LxcHost host, LxcTools tools, ContainerConfigBuilder configs, VethNames veths, VethQos qos,
                       ContainerNetworks networks, Path logDir, Duration startTimeout, Runnable watching) {
        this.qos = qos;
        this.networks = networks;
        this.watching = watching;
        this.host = host;
        this.tools = tools;
        this.configs = configs;
        this.veths = veths;
        this.logDir = logDir;
        this.startTimeout = startTimeout;
    }

    LxcTools tools() {
        return tools;
    }

    /** Starts {@code def} as {@code dom}; the domain runs when this returns. */
    void start(LxcDomain dom, DomainDef definition) throws VirtException {
        if (dom.isActive()) {
            throw LxcErrors.invalid("domain is already running");
        }
        if (!tools.available()) {
            throw LxcErrors.internal("lxc-start is not installed; the LXC driver needs Debian's lxc package");
        }
        // libvirt's virLXCProcessEnsureRootFS and default partition: the live definition shows the
        // host's root when no root is given, and the resource partition
        DomainDef def = CgroupPlacement.withPartition(RootFilesystem.ensure(definition));
        // the networks' ports first: liblxc attaches each veth to its port's bridge
        DomainDef plugged = networks.plug(def);
        boolean started = false;
        try {
            run(dom, plugged);
            started = true;
        } finally {
            if (!started) {
                // libvirt's virLXCProcessStart releases the ports of a start that failed (virLXCProcessCleanup)
                networks.unplug(plugged);
            }
        }
    }

    private void run(LxcDomain dom, DomainDef def) throws VirtException {
        ContainerConfig config = configs.build(def);
        try {
            String name = lxcName(def);
            Path dir = tools.containerDir(name);
            Files.createDirectories(dir);
            Files.createDirectories(logDir);
            Files.writeString(dir.resolve("config"), config.text() + "lxc.console.logfile = "
                    + consoleLog(def.name()) + "\n", StandardCharsets.UTF_8);
            ContainerProcess proc;
            try {
                proc = new ContainerStart(tools, startTimeout).run(name, logDir.resolve(def.name() + ".log"),
                        consoleLog(def.name()), config.initArgv());
            } catch (VirtException | RuntimeException e) {
                removeRunFolder(name);
                LeftoverCgroups.removePivot();
                throw e;
            }
            // libvirt's id is its controller's pid (virLXCProcessStart: def->id = vm->pid): virsh's
            // lxc-enter-namespace joins the cgroups of the process the id names (virDomainLxcEnterCGroup)
            DomainDef live = LiveDefinition.of(def, (int) proc.monitorPid(), config.veths(), proc);
            try {
                // liblxc made the veth pairs: their host ends get the QoS and port isolation before the domain runs
                qos.apply(live);
                networks.isolate(live);
            } catch (VirtException | RuntimeException e) {
                tools.kill(name);
                waitGone(proc, startTimeout);
                removeRunFolder(name);
                LeftoverCgroups.removePivot();
                throw e;
            }
            dom.attach(live.id(), live, proc, DomainStateInfo.of(StateReason.RUNNING_BOOTED));
            try {
                host.saveStatus(dom);
            } catch (VirtException | RuntimeException e) {
                tools.kill(name);
                dom.detach(StateReason.SHUTOFF_FAILED);
                cleanup(dom.uuid(), name);
                throw e;
            }
            LOG.info("container '{}' started: init pid {}, monitor pid {}", def.name(), proc.initPid(),
                    proc.monitorPid());
            watching.run();
            host.events().emit(dom, dom.id(), DomainEventType.STARTED, DomainEventType.STARTED_BOOTED);
        } catch (IOException e) {
            throw LxcErrors.system("cannot write the configuration of container '" + def.name() + "': " + e);
        } finally {
            veths.release(config.veths());
        }
    }

    /** liblxc names the container's folder, cgroups and command socket after it: the domain's name. */
    static String lxcName(DomainDef def) {
        return def.name();
    }

    Path consoleLog(String name) {
        return logDir.resolve(name + ".console.log");
    }

    /** {@code virLXCProcessStop} for destroy: kills every process of the container. */
    void destroy(LxcDomain dom) throws VirtException {
        ContainerProcess proc = requireActive(dom);
        dom.expectStop(StateReason.SHUTOFF_DESTROYED);
        LxcTools.Result r = tools.kill(proc.lxcName());
        if (!r.ok() && proc.initAlive()) {
            // lxc-stop could not reach the monitor: kill the init, the kernel ends the PID namespace
            ProcessHandle.of(proc.initPid()).ifPresent(ProcessHandle::destroyForcibly);
        }
        waitGone(proc, startTimeout);
        stopped(dom, proc, StateReason.SHUTOFF_DESTROYED, DomainEventType.STOPPED_DESTROYED);
    }

    /** libvirt's shutdown: initctl, else SIGTERM to the container's init, which decides ({@link ContainerPower}). */
    void shutdown(LxcDomain dom, int flags) throws VirtException {
        ContainerPower.shutdown(dom, flags);
    }

    /** libvirt's reboot: initctl, else SIGHUP to the container's init. */
    void reboot(LxcDomain dom, int flags) throws VirtException {
        ContainerPower.reboot(dom, flags);
    }

    void suspend(LxcDomain dom) throws VirtException {
        ContainerProcess proc = requireActive(dom);
        if (dom.state().state() == DomainState.PAUSED) {
            throw LxcErrors.invalid("domain is not running");
        }
        LxcTools.Result r = tools.freeze(proc.lxcName());
        if (!r.ok()) {
            throw LxcErrors.failed("Suspend operation failed: " + r.output());
        }
        dom.setState(StateReason.PAUSED_USER);
        host.saveStatus(dom);
        host.events().emit(dom, dom.id(), DomainEventType.SUSPENDED, DomainEventType.SUSPENDED_PAUSED);
    }

    void resume(LxcDomain dom) throws VirtException {
        ContainerProcess proc = requireActive(dom);
        if (dom.state().state() != DomainState.PAUSED) {
            throw LxcErrors.invalid("domain is not paused");
        }
        LxcTools.Result r = tools.unfreeze(proc.lxcName());
        if (!r.ok()) {
            throw LxcErrors.failed("Resume operation failed: " + r.output());
        }
        dom.setState(StateReason.RUNNING_UNPAUSED);
        host.saveStatus(dom);
        host.events().emit(dom, dom.id(), DomainEventType.RESUMED, DomainEventType.RESUMED_UNPAUSED);
    }

    private static ContainerProcess requireActive(LxcDomain dom) throws VirtException {
        ContainerProcess proc = dom.process();
        if (proc == null) {
            throw LxcErrors.notRunning();
        }
        return proc;
    }

    /**
     * The container of {@code dom} is gone: libvirt's {@code virLXCProcessCleanup}. Records the
     * state, removes the status record and what liblxc leaves, emits the event, and forgets a
     * transient domain. Does nothing when {@code proc} is no longer the domain's container.
     */
    void stopped(LxcDomain dom, ContainerProcess proc, StateReason reason, int eventDetail) {
        if (dom.process() != proc) {
            return;
        }
        int id = dom.id();
        DomainDef live = dom.liveDef();
        dom.detach(reason);
        qos.clear(live);
        networks.unplug(live);
        cleanup(dom.uuid(), proc.lxcName());
        LOG.info("container '{}' stopped: {}", dom.name(), reason.label());
        // libvirt removes a transient domain before it queues the event: who hears it no longer finds it
        host.removeIfTransient(dom);
        host.events().emit(dom, id, DomainEventType.STOPPED, eventDetail);
    }

    private void cleanup(UUID uuid, String lxcName) {
        host.deleteStatus(uuid);
        LeftoverCgroups.removePivot();
        removeRunFolder(lxcName);
    }

    private void removeRunFolder(String lxcName) {
        Path dir = tools.containerDir(lxcName);
        try {
            Files.deleteIfExists(dir.resolve("config"));
            Files.deleteIfExists(dir.resolve(RebootAction.MARKER));
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            LOG.debug("cannot remove {}: {}", dir, e.toString());
        }
    }

    /** Waits until the monitor and the init have exited. */
    static boolean waitGone(ContainerProcess proc, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (proc.initAlive() || proc.monitorAlive()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
