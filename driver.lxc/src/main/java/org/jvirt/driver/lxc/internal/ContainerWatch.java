package org.jvirt.driver.lxc.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jvirt.api.DomainEventType;
import org.jvirt.api.StateReason;
import org.jvirt.api.VirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices containers whose init ended (libvirt learns it from its controller's exit event): a
 * periodic check of each running container's init by pid and start time. When the init is gone
 * and liblxc's monitor too, the container stopped: as libvirt reports it, {@code shutdown} unless
 * a destroy asked for it. When the monitor still runs and liblxc reports a new init, the container
 * rebooted (an init killed by SIGHUP, which liblxc restarts: {@code on_reboot} restart).
 */
final class ContainerWatch implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(ContainerWatch.class);
    private static final Pattern PID = Pattern.compile("(?m)^PID:\\s+(\\d+)");

    private final LxcHost host;
    private final ContainerLifecycle lifecycle;
    private final WatchSchedule schedule;

    ContainerWatch(LxcHost host, ContainerLifecycle lifecycle, WatchSchedule schedule) {
        this.host = host;
        this.lifecycle = lifecycle;
        this.schedule = schedule;
    }

    @Override
    public void run() {
        for (LxcDomain dom : host.all()) {
            ContainerProcess proc = dom.process();
            if (proc == null || proc.initAlive()) {
                continue;
            }
            try {
                synchronized (dom) {
                    if (dom.process() == proc) {
                        check(dom, proc);
                    }
                }
            } catch (VirtException | RuntimeException e) {
                LOG.warn("container '{}': cannot check its state: {}", dom.name(), e.getMessage());
            }
        }
        schedule.idleIfNoneActive();
    }

    private void check(LxcDomain dom, ContainerProcess proc) throws VirtException {
        if (proc.monitorAlive()) {
            ContainerProcess rebooted = newInit(proc);
            if (rebooted != null) {
                dom.attach(dom.id(), dom.liveDef(), rebooted, dom.state());
                host.saveStatus(dom);
                LOG.info("container '{}' rebooted: init pid {}", dom.name(), rebooted.initPid());
                host.events().reboot(dom);
            }
            return;   // liblxc is cleaning up or restarting it: seen again on the next check
        }
        StateReason expected = dom.expectedStop();
        StateReason reason = expected != null ? expected : StateReason.SHUTOFF_SHUTDOWN;
        int detail = reason == StateReason.SHUTOFF_DESTROYED ? DomainEventType.STOPPED_DESTROYED
                : DomainEventType.STOPPED_SHUTDOWN;
        lifecycle.stopped(dom, proc, reason, detail);
    }

    /** The container's new init after liblxc restarted it, or null. */
    private ContainerProcess newInit(ContainerProcess proc) throws VirtException {
        LxcTools.Result r = lifecycle.tools().info(proc.lxcName());
        Matcher m = PID.matcher(r.output());
        if (!r.ok() || !r.output().contains("RUNNING") || !m.find()) {
            return null;
        }
        long pid = Long.parseLong(m.group(1));
        ProcStat st = ProcStat.of(pid).orElse(null);
        if (st == null || st.ppid() != proc.monitorPid() || pid == proc.initPid() && st.startTime() == proc.initStart()) {
            return null;
        }
        return new ContainerProcess(proc.lxcName(), proc.monitorPid(), proc.monitorStart(), pid, st.startTime());
    }
}
