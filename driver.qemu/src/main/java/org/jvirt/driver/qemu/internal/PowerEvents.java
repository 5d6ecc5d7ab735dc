package org.jvirt.driver.qemu.internal;

import org.jvirt.api.DomainEventType;
import org.jvirt.api.DomainState;
import org.jvirt.api.StateReason;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.driver.qemu.internal.domain.QemuDomainObj;
import org.jvirt.driver.qemu.internal.qmp.QmpClient;
import org.jvirt.driver.qemu.internal.qmp.QmpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a guest's power-off and reset mean, as libvirt's qemuProcessHandleShutdown,
 * qemuProcessShutdownOrReboot, qemuProcessFakeReboot and qemuProcessHandleReset. QEMU runs with
 * {@code -no-shutdown}, so a powered-off guest waits paused: the driver either ends QEMU (the
 * domain shuts off, reason shutdown) or, for a reboot it asked for ({@code virsh reboot} in ACPI
 * mode) and for {@code <on_poweroff>restart}, resets the guest and lets it run again ("fake
 * reboot"). A guest's own reboot is QEMU's (a RESET), unless {@code <on_reboot>destroy} made QEMU
 * turn it into a power-off ({@code -no-reboot} or {@code set-action reboot=shutdown}). Every
 * method runs under the domain's lock, on the monitor's event thread.
 */
final class PowerEvents {
    private static final Logger LOG = LoggerFactory.getLogger(PowerEvents.class);
    /** libvirt's VIR_DOMAIN_EVENT_SHUTDOWN_GUEST and _HOST. */
    private static final int SHUTDOWN_GUEST = 1;
    private static final int SHUTDOWN_HOST = 2;

    private final Lifecycle lifecycle;
    private final QemuDomainObj dom;

    PowerEvents(Lifecycle lifecycle, QemuDomainObj dom) {
        this.lifecycle = lifecycle;
        this.dom = dom;
    }

    /** QMP SHUTDOWN: the guest powered off (or QEMU was told to quit). */
    void shutdown(QmpClient client, JsonNode data) {
        if (dom.shutdownSeen() || dom.stopping() || !dom.isActive()) {
            return; // a repeated SHUTDOWN, or the driver is ending QEMU anyway
        }
        if (restartsOnPowerOff()) {
            // a transient power-off: neither the state nor an event shows it
            fakeReboot(client);
            return;
        }
        dom.setShutdownSeen(true);
        dom.setState(StateReason.SHUTDOWN_UNKNOWN);
        lifecycle.host().saveStatusQuietly(dom);
        JsonNode guest = data.path("guest");
        int detail = guest.isBoolean() ? (guest.asBoolean() ? SHUTDOWN_GUEST : SHUTDOWN_HOST)
                : DomainEventType.SHUTDOWN_FINISHED;
        LOG.info("domain '{}': shutdown ({})", dom.name(), data.path("reason").asText("unknown reason"));
        lifecycle.host().events().emit(dom, DomainEventType.SHUTDOWN, detail);
        // the monitor's end then records shut off / shutdown
        ProcessHandle.of(dom.pid()).ifPresent(ProcessHandle::destroy);
    }

    /**
     * Completes the power-off of a guest that a new driver instance finds powered off (QEMU's
     * status "shutdown"): it happened while no driver watched, so the SHUTDOWN event is lost. As
     * libvirt's qemuProcessReconnect calls qemuProcessShutdownOrReboot, the guest is restarted when
     * the earlier instance had asked for a reboot (the fake-reboot flag of the status record) or
     * {@code <on_poweroff>} says restart; otherwise QEMU is ended and the monitor's end records the
     * shutdown.
     */
    void finishPowerOff(QmpClient client) {
        if (restartsOnPowerOff()) {
            LOG.info("domain '{}' powered off while no driver watched; restarting it", dom.name());
            dom.setShutdownSeen(false);
            fakeReboot(client);
            return;
        }
        LOG.info("domain '{}' powered off while no driver watched; ending it", dom.name());
        dom.setShutdownSeen(true);
        ProcessHandle.of(dom.pid()).ifPresent(ProcessHandle::destroy);
    }

    /** A reboot the driver asked for, or {@code <on_poweroff>restart}: the power-off is a reboot. */
    private boolean restartsOnPowerOff() {
        return dom.fakeReboot() || isRestart(dom.def().onPoweroff());
    }

    /**
     * QMP RESET: the guest rebooted (QEMU reset it) or the driver reset it (a fake reboot,
     * {@code virsh reset}). As libvirt's qemuProcessHandleReset this raises the reboot event, for
     * every reset, and ends a pending fake reboot.
     */
    void reset(JsonNode data) {
        if (dom.state().namedReason() == StateReason.PAUSED_STARTING_UP) {
            return; // a reset while starting is the driver's own
        }
        LOG.info("domain '{}': reset ({})", dom.name(), data.path("reason").asText("unknown reason"));
        dom.setFakeReboot(false);
        lifecycle.host().saveStatusQuietly(dom);
        lifecycle.host().events().reboot(dom);
    }

    /**
     * Resets the powered-off guest and runs its vCPUs again; the domain is running (booted, or
     * crashed after a crash). If that fails QEMU is killed, as in libvirt.
     */
    private void fakeReboot(QmpClient client) {
        dom.setFakeReboot(false);
        StateReason reason = dom.isState(DomainState.CRASHED) ? StateReason.RUNNING_CRASHED
                : StateReason.RUNNING_BOOTED;
        try {
            client.execute("system_reset", null);
            client.execute("cont", null);
        } catch (QmpException e) {
            LOG.warn("domain '{}': reboot after power-off failed, killing it: {}", dom.name(), e.getMessage());
            ProcessHandle.of(dom.pid()).ifPresent(ProcessHandle::destroyForcibly);
            return;
        }
        LOG.info("domain '{}': restarted after power-off", dom.name());
        dom.setState(reason);
        lifecycle.host().saveStatusQuietly(dom);
    }

    /** {@code restart} and {@code rename-restart} restart the guest (libvirt's isReboot). */
    static boolean isRestart(String action) {
        return "restart".equals(action) || "rename-restart".equals(action);
    }

    /** {@code destroy} and {@code preserve} of {@code <on_reboot>} turn a reboot into a shutdown. */
    static boolean rebootEndsGuest(DomainDef def) {
        return "destroy".equals(def.onReboot()) || "preserve".equals(def.onReboot());
    }
}
