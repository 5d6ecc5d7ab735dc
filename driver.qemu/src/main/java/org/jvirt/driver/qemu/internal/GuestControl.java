package org.jvirt.driver.qemu.internal;

import java.util.BitSet;
import java.util.List;

import org.jvirt.api.DomainEventType;
import org.jvirt.api.DomainState;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.KeycodeSet;
import org.jvirt.api.Keycodes;
import org.jvirt.api.StateReason;
import org.jvirt.api.VcpuInfo;
import org.jvirt.api.VirtException;
import org.jvirt.driver.qemu.internal.domain.QemuDomainObj;
import org.jvirt.driver.qemu.internal.qmp.QmpClient;
import org.jvirt.driver.qemu.internal.qmp.QmpException;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Operations on a running guest through its monitor: pause, resume, power button, reboot, vCPUs. */
public final class GuestControl {
    /** VIR_DOMAIN_SHUTDOWN_ACPI_POWER_BTN / _GUEST_AGENT (and the same bits of the reboot flags). */
    private static final int SHUTDOWN_ACPI = 1;
    private static final int SHUTDOWN_AGENT = 2;

    private final QemuHost host;

    public GuestControl(QemuHost host) {
        this.host = host;
    }

    public void suspend(QemuDomainObj dom) throws VirtException {
        synchronized (dom) {
            QmpClient qmp = monitor(dom);
            if (dom.isState(DomainState.PAUSED)) {
                return;
            }
            run(qmp, "stop");
            dom.setState(StateReason.PAUSED_USER);
            host.saveStatusQuietly(dom);
            host.events().emit(dom, DomainEventType.SUSPENDED, DomainEventType.SUSPENDED_PAUSED);
        }
    }

    public void resume(QemuDomainObj dom) throws VirtException {
        synchronized (dom) {
            QmpClient qmp = monitor(dom);
            if (dom.isState(DomainState.SHUTDOWN) || dom.shutdownSeen()) {
                throw QemuErrors.invalid("domain is being shut down");
            }
            if (dom.isState(DomainState.RUNNING)) {
                throw QemuErrors.invalid("domain is already running");
            }
            run(qmp, "cont");
            dom.setState(StateReason.RUNNING_UNPAUSED);
            host.saveStatusQuietly(dom);
            host.events().emit(dom, DomainEventType.RESUMED, DomainEventType.RESUMED_UNPAUSED);
        }
    }

    /**
     * ACPI power button; the guest decides (a guest without ACPI support ignores it). With
     * {@code <on_poweroff>restart} the power-off that follows is a reboot (libvirt's
     * qemuDomainShutdownFlags). There is no guest agent: agent mode alone is refused.
     */
    public void shutdown(QemuDomainObj dom, int flags) throws VirtException {
        QemuErrors.checkFlags(flags, SHUTDOWN_ACPI | SHUTDOWN_AGENT, "qemuDomainShutdownFlags");
        synchronized (dom) {
            QmpClient qmp = monitor(dom);
            checkNoAgentOnly(flags);
            if (!dom.isState(DomainState.RUNNING)) {
                throw QemuErrors.notRunning();
            }
            powerButton(dom, qmp, PowerEvents.isRestart(dom.def().onPoweroff()));
        }
    }

    /**
     * libvirt's reboot in ACPI mode: the power button, and the power-off that follows becomes a
     * reset of the guest by the driver ("fake reboot"), unless {@code <on_reboot>} is
     * {@code destroy} (then it is a shutdown, as in libvirt's qemuDomainReboot).
     */
    public void reboot(QemuDomainObj dom, int flags) throws VirtException {
        QemuErrors.checkFlags(flags, SHUTDOWN_ACPI | SHUTDOWN_AGENT, "qemuDomainReboot");
        synchronized (dom) {
            QmpClient qmp = monitor(dom);
            checkNoAgentOnly(flags);
            powerButton(dom, qmp, !PowerEvents.rebootEndsGuest(dom.def()));
        }
    }

    /**
     * libvirt's qemuDomainReset: QEMU's {@code system_reset}, the guest restarts at once. QEMU's
     * RESET event then raises the reboot event ({@link PowerEvents#reset}); a crashed guest stays
     * paused, now with reason crashed, as libvirt records it.
     */
    public void reset(QemuDomainObj dom, int flags) throws VirtException {
        QemuErrors.checkFlags(flags, 0, "qemuDomainReset");
        synchronized (dom) {
            QmpClient qmp = monitor(dom);
            run(qmp, "system_reset");
            if (dom.isState(DomainState.CRASHED)) {
                dom.setState(StateReason.PAUSED_CRASHED);
                host.saveStatusQuietly(dom);
            }
        }
    }

    /**
     * Presses the power button with the fake-reboot flag set as {@code isReboot} says; the flag goes
     * into the status record (libvirt's qemuDomainSetFakeReboot saves the status), so that a driver
     * instance that takes over before the guest powers off still reboots it.
     */
    private void powerButton(QemuDomainObj dom, QmpClient qmp, boolean isReboot) throws VirtException {
        setFakeReboot(dom, isReboot);
        try {
            run(qmp, "system_powerdown");
        } catch (VirtException e) {
            setFakeReboot(dom, false);
            throw e;
        }
    }

    private void setFakeReboot(QemuDomainObj dom, boolean value) {
        if (dom.fakeReboot() != value) {
            dom.setFakeReboot(value);
            host.saveStatusQuietly(dom);
        }
    }

    /** Agent mode without ACPI mode needs a guest agent, which jvirt does not configure. */
    private static void checkNoAgentOnly(int flags) throws VirtException {
        if ((flags & SHUTDOWN_AGENT) != 0 && (flags & SHUTDOWN_ACPI) == 0) {
            throw new VirtException(ErrorCode.ARGUMENT_UNSUPPORTED, ErrorDomain.QEMU,
                    "QEMU guest agent is not configured");
        }
    }

    /**
     * libvirt's qemuDomainSendKey: the codes translated to QEMU's numbered codes (qnum), then QMP
     * {@code send-key} with {@code {"type": "number"}} keys and the hold time when one is given.
     */
    public void sendKey(QemuDomainObj dom, int codeset, int holdtime, int[] keycodes, int flags)
            throws VirtException {
        QemuErrors.checkFlags(flags, 0, "qemuDomainSendKey");
        ObjectNode args = sendKeyArguments(codeset, holdtime, keycodes);
        synchronized (dom) {
            QmpClient qmp = monitor(dom);
            try {
                qmp.execute("send-key", args);
            } catch (QmpException e) {
                throw e.isTimeout() ? new VirtException(ErrorCode.OPERATION_TIMEOUT,
                        ErrorDomain.QEMU, e.getMessage()) : QemuErrors.internal(e.getMessage(), e);
            }
        }
    }

    /** The arguments of QMP {@code send-key}, as libvirt's qemuMonitorJSONSendKey writes them. */
    static ObjectNode sendKeyArguments(int codeset, int holdtime, int[] keycodes) throws VirtException {
        KeycodeSet from = KeycodeSet.of(codeset);
        ArrayNode keys = JsonNodeFactory.instance.arrayNode();
        for (int code : keycodes) {
            int qnum = from == KeycodeSet.QNUM ? code : from == null ? -1 : Keycodes.translate(from, KeycodeSet.QNUM,
                    code);
            if (qnum < 0) {
                throw QemuErrors.internal("cannot translate keycode " + Integer.toUnsignedString(code) + " of "
                        + (from == null ? "(null)" : from.label()) + " codeset to qnum keycode");
            }
            keys.addObject().put("type", "number").put("data", qnum);
        }
        ObjectNode args = JsonNodeFactory.instance.objectNode();
        args.set("keys", keys);
        if (holdtime > 0) {
            args.put("hold-time", holdtime);
        }
        return args;
    }

    public List<VcpuInfo> vcpuInfo(QemuDomainObj dom) throws VirtException {
        synchronized (dom) {
            monitor(dom);
            List<VcpuInfo> info = host.context().vcpus().info(dom);
            host.saveStatusQuietly(dom);
            return info;
        }
    }

    public List<BitSet> vcpuPinInfo(QemuDomainObj dom) throws VirtException {
        synchronized (dom) {
            monitor(dom);
            return host.context().vcpus().pinInfo(dom);
        }
    }

    public void pinVcpu(QemuDomainObj dom, int vcpu, BitSet cpus) throws VirtException {
        synchronized (dom) {
            monitor(dom);
            host.context().vcpus().pin(dom, vcpu, cpus);
            host.saveStatusQuietly(dom);
        }
    }

    private static QmpClient monitor(QemuDomainObj dom) throws VirtException {
        if (!dom.isActive()) {
            throw QemuErrors.notRunning();
        }
        QmpClient qmp = dom.qmp();
        if (qmp == null || qmp.isClosed()) {
            throw QemuErrors.failed("monitor of domain '" + dom.name() + "' is not connected");
        }
        return qmp;
    }

    private static void run(QmpClient qmp, String command) throws VirtException {
        try {
            qmp.execute(command, null);
        } catch (QmpException e) {
            throw e.isTimeout() ? new VirtException(ErrorCode.OPERATION_TIMEOUT,
                    ErrorDomain.QEMU, e.getMessage()) : QemuErrors.internal(e.getMessage(), e);
        }
    }
}
