package org.jvirt.driver.xen.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * Keeps jvirt's view in line with the domains Xen runs ({@code xl list -v}): after a restart it
 * reattaches to the domains its status records name (libvirt's {@code libxlReconnectDomain}), and
 * while domains run it notices what happened outside jvirt (guest shutdown, crash, a reboot by the
 * xl monitor, pause) and turns it into events, where libvirt's driver has libxl's event loop.
 */
final class XenReattach {
    private static final Logger LOG = LoggerFactory.getLogger(XenReattach.class);

    private final XenDomains domains;
    private final XenLifecycle lifecycle;
    private final Xl xl;

    XenReattach(XenDomains domains, XenLifecycle lifecycle, Xl xl) {
        this.domains = domains;
        this.lifecycle = lifecycle;
        this.xl = xl;
    }

    /**
     * Reattaches to every domain a status record names. When libxl cannot list the domains, the
     * recorded state is kept (a running guest is never forgotten because its host toolstack failed
     * once); the next {@link #poll} corrects it.
     */
    void reattachAll() throws VirtException {
        Map<String, byte[]> records = domains.statusRecords();
        if (records.keySet().stream().allMatch(XenAutostart.MARKER::equals)) {
            return;
        }
        Map<UUID, XlDomainList.Entry> running = runningDomains();
        for (Map.Entry<String, byte[]> rec : records.entrySet()) {
            if (rec.getKey().equals(XenAutostart.MARKER)) {
                continue;
            }
            try {
                reattach(UUID.fromString(rec.getKey()), XenStatus.parse(rec.getValue()), running);
            } catch (VirtException | RuntimeException e) {
                LOG.error("cannot reattach to Xen domain {}: {}", rec.getKey(), e.getMessage());
            }
        }
    }

    private void reattach(UUID uuid, XenStatus status, Map<UUID, XlDomainList.Entry> running) throws VirtException {
        DomainDef live = domains.codec().parse(status.liveXml(), 0);
        XenDomain dom = domains.byUuid(uuid);
        if (dom == null) {
            dom = domains.adopt(new XenDomain(uuid, live.name()));
        }
        synchronized (dom) {
            XlDomainList.Entry now = running == null ? null : running.get(uuid);
            if (running != null && now == null) {
                LOG.info("Xen domain '{}' ({}) ended while jvirt was away", live.name(), status.domid());
                dom.stopped(StateReason.SHUTOFF_UNKNOWN);
                domains.deleteStatus(dom);
                domains.removeIfUnused(dom);
                return;
            }
            int domid = now == null ? status.domid() : now.id();
            DomainStateInfo st = now == null ? status.state() : stateOf(now, status.state());
            dom.running(domid, live, st);
            if (now != null && (domid != status.domid() || !st.equals(status.state()))) {
                domains.saveStatus(dom);
            }
            LOG.info("reattached to Xen domain '{}' ({})", live.name(), domid);
        }
    }

    /** Looks at the running domains once; does nothing (no xl call) while none is active. */
    void poll() {
        List<XenDomain> active = domains.all().stream().filter(XenDomain::isActive).toList();
        if (active.isEmpty()) {
            return;
        }
        Map<UUID, XlDomainList.Entry> running = runningDomains();
        if (running == null) {
            return;
        }
        for (XenDomain dom : active) {
            synchronized (dom) {
                // a job (destroy, start, ...) records its own outcome; the next poll looks again
                if (dom.isActive() && !dom.inJob()) {
                    update(dom, running.get(dom.uuid()));
                }
            }
        }
    }

    private void update(XenDomain dom, XlDomainList.Entry now) {
        try {
            if (now == null) {
                boolean crashed = dom.state().state() == DomainState.CRASHED;
                lifecycle.stopped(dom, crashed ? StateReason.SHUTOFF_CRASHED : StateReason.SHUTOFF_SHUTDOWN,
                        crashed ? DomainEventType.STOPPED_CRASHED : DomainEventType.STOPPED_SHUTDOWN);
                return;
            }
            DomainStateInfo before = dom.state();
            if (now.id() != dom.id()) {
                // xl's monitor recreated the domain for on_reboot = restart
                dom.running(now.id(), dom.currentDef(), DomainStateInfo.of(StateReason.RUNNING_BOOTED));
                domains.saveStatus(dom);
                domains.events().reboot(dom);
                return;
            }
            DomainStateInfo after = stateOf(now, before);
            if (after.state() != before.state()) {
                dom.setState(after);
                domains.saveStatus(dom);
                if (after.state() == DomainState.PAUSED) {
                    domains.emit(dom, DomainEventType.SUSPENDED, DomainEventType.SUSPENDED_PAUSED);
                } else if (before.state() == DomainState.PAUSED && after.state() == DomainState.RUNNING) {
                    domains.emit(dom, DomainEventType.RESUMED, DomainEventType.RESUMED_UNPAUSED);
                }
            }
        } catch (VirtException e) {
            LOG.warn("domain '{}': cannot record its new state: {}", dom.name(), e.getMessage());
        }
    }

    /** The state libxl reports, keeping the recorded reason while the state is the same. */
    private static DomainStateInfo stateOf(XlDomainList.Entry now, DomainStateInfo recorded) {
        DomainState s = now.state();
        if (s == recorded.state()) {
            return recorded;
        }
        return DomainStateInfo.of(switch (s) {
            case PAUSED -> StateReason.PAUSED_UNKNOWN;
            case SHUTDOWN -> StateReason.SHUTDOWN_UNKNOWN;
            case CRASHED -> StateReason.CRASHED_UNKNOWN;
            default -> StateReason.RUNNING_UNKNOWN;
        });
    }

    /** The domains by UUID, or null when libxl could not list them. */
    private Map<UUID, XlDomainList.Entry> runningDomains() {
        try {
            Xl.Result r = xl.call("libxl_list_domain failed", "list", "-v");
            Map<UUID, XlDomainList.Entry> byUuid = new HashMap<>();
            for (XlDomainList.Entry e : XlDomainList.parse(r.out())) {
                byUuid.put(e.uuid(), e);
            }
            return byUuid;
        } catch (VirtException e) {
            if (Thread.currentThread().isInterrupted()) {
                LOG.debug("stopped while listing the Xen domains");
            } else {
                LOG.warn("cannot list the Xen domains: {}", e.getMessage());
            }
            return null;
        }
    }
}
