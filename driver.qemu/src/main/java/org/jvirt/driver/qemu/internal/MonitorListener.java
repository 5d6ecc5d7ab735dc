package org.jvirt.driver.qemu.internal;

import org.jvirt.api.DomainEventType;
import org.jvirt.api.DomainState;
import org.jvirt.api.StateReason;
import org.jvirt.driver.qemu.internal.domain.QemuDomainObj;
import org.jvirt.driver.qemu.internal.qmp.QmpClient;
import org.jvirt.driver.qemu.internal.qmp.QmpException;
import org.jvirt.driver.qemu.internal.qmp.QmpListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Turns one guest's QMP events into states and lifecycle events, as libvirt's
 * {@code qemuProcessHandle*} callbacks: STOP/RESUME pause and resume, SHUTDOWN ends the guest
 * (QEMU runs with {@code -no-shutdown}, so the driver stops the process), and a monitor that
 * closes by itself means QEMU is gone.
 */
final class MonitorListener implements QmpListener {
    private static final Logger LOG = LoggerFactory.getLogger(MonitorListener.class);

    private final Lifecycle lifecycle;
    private final QemuDomainObj dom;
    private volatile QmpClient client;

    MonitorListener(Lifecycle lifecycle, QemuDomainObj dom) {
        this.lifecycle = lifecycle;
        this.dom = dom;
    }

    void setClient(QmpClient client) {
        this.client = client;
    }

    @Override
    public void onEvent(String event, JsonNode data) {
        synchronized (dom) {
            if (client == null || dom.qmp() != client) {
                return;
            }
            EventBus events = lifecycle.host().events();
            switch (event) {
                // events are handled after the driver's own stop/cont returned, possibly after a later
                // command: judge by what QEMU says now, not by the event's order
                case "STOP", "RESUME" -> syncRunState(events);
                case "SHUTDOWN" -> shutdown(data, events);
                case "BALLOON_CHANGE" -> MemoryResize.balloonChanged(lifecycle.host(), dom, data);
                default -> LOG.debug("domain '{}': QMP event {} {}", dom.name(), event, data);
            }
        }
    }

    private void syncRunState(EventBus events) {
        if (dom.shutdownSeen() || dom.stopping()) {
            return;
        }
        boolean running;
        try {
            JsonNode status = client.execute("query-status", null);
            if ("shutdown".equals(status.path("status").asText())) {
                return; // the SHUTDOWN event is on its way and decides
            }
            running = status.path("running").asBoolean();
        } catch (QmpException e) {
            LOG.debug("domain '{}': query-status after a run-state event failed: {}", dom.name(), e.getMessage());
            return;
        }
        if (running && dom.isState(DomainState.PAUSED)) {
            dom.setState(StateReason.RUNNING_UNPAUSED);
            lifecycle.host().saveStatusQuietly(dom);
            events.emit(dom, DomainEventType.RESUMED, DomainEventType.RESUMED_UNPAUSED);
        } else if (!running && dom.isState(DomainState.RUNNING)) {
            dom.setState(StateReason.PAUSED_UNKNOWN);
            lifecycle.host().saveStatusQuietly(dom);
            events.emit(dom, DomainEventType.SUSPENDED, DomainEventType.SUSPENDED_PAUSED);
        }
    }

    private void shutdown(JsonNode data, EventBus events) {
        if (dom.shutdownSeen() || dom.stopping()) {
            return;
        }
        boolean guest = data.path("guest").asBoolean(false);
        dom.setShutdownSeen(true);
        dom.setState(StateReason.SHUTDOWN_USER);
        lifecycle.host().saveStatusQuietly(dom);
        LOG.info("domain '{}': shutdown ({})", dom.name(), data.path("reason").asText(guest ? "guest" : "host"));
        events.emit(dom, DomainEventType.SHUTDOWN, guest ? 1 : 2);
        // -no-shutdown keeps QEMU alive after the guest powered off: end it; the monitor's
        // close then records shut off / shutdown
        ProcessHandle.of(dom.pid()).ifPresent(ProcessHandle::destroy);
    }

    @Override
    public void onClose(boolean requested) {
        if (requested || client == null) {
            return;
        }
        lifecycle.monitorClosed(dom, client);
    }
}
