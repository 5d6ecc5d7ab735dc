package org.jvirt.driver.qemu.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jvirt.api.DomainEventType;
import org.jvirt.api.DomainState;
import org.jvirt.api.DomainStateInfo;
import org.jvirt.api.StateReason;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.driver.qemu.internal.domain.QemuDomainObj;
import org.jvirt.driver.qemu.internal.domain.RuntimeStatus;
import org.jvirt.driver.qemu.internal.process.QemuProcesses;
import org.jvirt.driver.qemu.internal.qmp.QmpClient;
import org.jvirt.driver.qemu.internal.qmp.QmpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Takes over the guests an earlier driver instance started (libvirt's {@code qemuProcessReconnect}):
 * checks that the recorded pid is still that QEMU (start time, and a command line naming the
 * monitor socket), reconnects QMP, refreshes the state and the vCPU thread ids. A guest whose
 * process vanished is recorded as shut off / crashed. As libvirt does, a guest whose start did not
 * finish (status "paused, starting up") or whose monitor cannot be reached again is killed: its
 * start or its management cannot be completed, and it must not end up running twice.
 */
final class Reattach {
    private static final Logger LOG = LoggerFactory.getLogger(Reattach.class);

    private final QemuHost host;
    private final HostContext ctx;

    Reattach(QemuHost host) {
        this.host = host;
        this.ctx = host.context();
    }

    void all(Map<String, byte[]> statuses) {
        for (Map.Entry<String, byte[]> e : statuses.entrySet()) {
            try {
                one(UUID.fromString(e.getKey()), RuntimeStatus.fromBytes(e.getValue()));
            } catch (IOException | IllegalArgumentException | VirtException ex) {
                LOG.error("cannot reattach status record {} of {}: {}", e.getKey(), ctx.storeDriver(),
                        ex.getMessage());
            }
        }
    }

    private void one(UUID uuid, RuntimeStatus st) throws VirtException {
        DomainDef live;
        try {
            live = ctx.codec().parse(st.liveXml(), 0);
        } catch (VirtException | RuntimeException e) {
            discard(uuid, st, "its live definition does not parse: " + e.getMessage());
            return;
        }
        QemuDomainObj dom = host.byUuid(uuid);
        if (dom == null) {
            dom = new QemuDomainObj(uuid, st.name());
        }
        synchronized (dom) {
            Path monitor = Path.of(st.monitor());
            dom.attach(st.id(), live, st.pid(), st.startTime(), monitor, Path.of(st.log()));
            dom.setState(new DomainStateInfo(DomainState.ofNumber(st.state()), st.reason()));
            dom.restoreVcpuThreads(st.vcpuThreads());
            dom.setFakeReboot(st.fakeReboot());
            ctx.cgroups().reattach(uuid.toString(), st.id(), live);
            ctx.networks().reserve(live);
            host.put(dom);
            String mismatch = identityMismatch(st);
            if (st.state() == DomainState.PAUSED.number() && st.reason() == StateReason.PAUSED_STARTING_UP.number()) {
                // libvirt's qemuProcessReconnect: a guest that "wasn't fully started yet" is killed
                LOG.warn("domain '{}' was not fully started (pid {}); killing it", st.name(), st.pid());
                if (mismatch == null) {
                    QemuProcesses.terminate(st.pid(), ctx.destroyTimeout(), ctx.destroyTimeout());
                }
                host.lifecycle().stopped(dom, StateReason.SHUTOFF_DAEMON, DomainEventType.STOPPED_FAILED);
                return;
            }
            if (mismatch != null) {
                LOG.warn("domain '{}': {}; marking it crashed", st.name(), mismatch);
                host.lifecycle().stopped(dom, StateReason.SHUTOFF_CRASHED, DomainEventType.STOPPED_FAILED);
                return;
            }
            MonitorListener listener = new MonitorListener(host.lifecycle(), dom);
            try {
                QmpClient qmp = QmpClient.connect(st.name(), monitor, ctx.monitorTimeout(),
                        () -> QemuProcesses.isAlive(st.pid()), ctx.maxMessageBytes(), ctx.commandTimeout(), listener);
                listener.setClient(qmp);
                dom.setQmp(qmp);
                refreshState(dom, qmp.execute("query-status", null));
                if (dom.shutdownSeen()) {
                    // the guest powered off while no driver watched: shut it down or reboot it as the
                    // SHUTDOWN event would have
                    listener.finishPowerOff();
                }
                if (dom.shutdownSeen()) {
                    // QEMU is ending: the monitor's end records the shutdown, there is nothing to refresh
                    host.saveStatus(dom);
                    LOG.info("domain '{}' reattached while powered off: pid {} ends", st.name(), st.pid());
                    return;
                }
                if (dom.state().namedReason() == StateReason.PAUSED_SAVE) {
                    ManagedSave.recoverInterrupted(host, dom, qmp);
                }
                ctx.vcpus().refresh(dom);
                host.saveStatus(dom);
                LOG.info("domain '{}' reattached: pid {}, state {}", st.name(), st.pid(), dom.state().namedReason());
            } catch (QmpException | VirtException e) {
                // libvirt kills a guest whose monitor it cannot get back, lest it end up running twice
                LOG.warn("domain '{}': cannot reattach to pid {}: {}; killing it", st.name(), st.pid(),
                        e.getMessage());
                if (dom.qmp() != null) {
                    dom.qmp().close();
                }
                QemuProcesses.terminate(st.pid(), ctx.destroyTimeout(), ctx.destroyTimeout());
                host.lifecycle().stopped(dom, StateReason.SHUTOFF_CRASHED, DomainEventType.STOPPED_FAILED);
            }
        }
    }

    /**
     * A status record the driver cannot take over: its QEMU (when the pid is still that process)
     * is killed and its files and the record removed; the domain, if defined, stays shut off.
     */
    private void discard(UUID uuid, RuntimeStatus st, String why) {
        LOG.error("domain '{}': cannot take over pid {}: {}; killing it", st.name(), st.pid(), why);
        if (identityMismatch(st) == null) {
            QemuProcesses.terminate(st.pid(), ctx.destroyTimeout(), ctx.destroyTimeout());
        }
        Lifecycle.deleteQuietly(Path.of(st.monitor()));
        Lifecycle.deleteQuietly(ctx.runDir().resolve(uuid + ".pid"));
        ctx.argv().cleanup(st.id(), st.name());
        ctx.cgroups().remove(st.id(), st.name());
        host.deleteStatus(new QemuDomainObj(uuid, st.name()));
    }

    /** Why the recorded pid is not our QEMU any more, or null when it is. */
    private static String identityMismatch(RuntimeStatus st) {
        if (!QemuProcesses.isSameProcess(st.pid(), st.startTime())) {
            return "process " + st.pid() + " (started at tick " + st.startTime() + ") is gone";
        }
        List<String> cmdline = QemuProcesses.cmdline(st.pid()).orElse(List.of());
        boolean namesMonitor = cmdline.stream().anyMatch(a -> a.contains(st.monitor()));
        if (!namesMonitor) {
            return "process " + st.pid() + " is not the QEMU of this domain (command line " + cmdline + ")";
        }
        return null;
    }

    /** {@code query-status} → running or paused; keeps the recorded reason when it agrees. */
    private static void refreshState(QemuDomainObj dom, JsonNode status) {
        boolean running = status.path("running").asBoolean();
        String qemuState = status.path("status").asText();
        DomainStateInfo recorded = dom.state();
        if (running) {
            if (recorded.state() != DomainState.RUNNING) {
                dom.setState(StateReason.RUNNING_UNPAUSED);
            }
        } else if ("shutdown".equals(qemuState)) {
            dom.setState(StateReason.SHUTDOWN_USER);
            dom.setShutdownSeen(true);
        } else if (recorded.state() != DomainState.PAUSED) {
            dom.setState(StateReason.PAUSED_UNKNOWN);
        }
    }
}
