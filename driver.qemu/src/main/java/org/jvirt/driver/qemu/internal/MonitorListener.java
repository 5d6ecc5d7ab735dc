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
 * {@code qemuProcessHandle*} callbacks: STOP/RESUME pause and resume, SHUTDOWN and RESET are the
 * guest's power events ({@link PowerEvents}), and a monitor that closes by itself means QEMU is gone.
 */
final class MonitorListener implements QmpListener {
    private static final Logger LOG = LoggerFactory.getLogger(MonitorListener.class);

    private final Lifecycle lifecycle;
    private final QemuDomainObj dom;
    private final PowerEvents power;
    private volatile QmpClient client;

    MonitorListener(Lifecycle lifecycle, QemuDomainObj dom) {
        this.lifecycle = lifecycle;
        this.dom = dom;
        this.power = new PowerEvents(lifecycle, dom);
    }

    void setClient(QmpClient client) {
        this.client = client;
    }

    /** A new driver instance found the guest powered off: complete it (see {@link PowerEvents#finishPowerOff}). */
    void finishPowerOff() {
        synchronized (dom) {
            power.finishPowerOff(client);
        }
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
                case "SHUTDOWN" -> power.shutdown(client, data);
                case "RESET" -> power.reset(data);
                case "BALLOON_CHANGE" -> MemoryResize.balloonChanged(lifecycle.host(), dom, data);
                // a detach the guest acknowledged after the driver stopped waiting for it
                case "DEVICE_DELETED" -> {
                    String id = data.path("device").asText();
                    if (!new NetHotplug(lifecycle.host()).deviceDeleted(dom, id)) {
                        new DiskHotplug(lifecycle.host()).deviceDeleted(dom, id);
                    }
                }
                // the guest refused an unplug (qemuProcessHandleDeviceUnplugErr)
                case "DEVICE_UNPLUG_GUEST_ERROR" -> {
                    if (!data.path("device").asText().isEmpty()) {
                        events.deviceRemovalFailed(dom, data.path("device").asText());
                    }
                }
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

    @Override
    public void onClose(boolean requested) {
        if (requested || client == null) {
            return;
        }
        lifecycle.monitorClosed(dom, client);
    }
}
