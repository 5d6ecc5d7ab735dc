package org.jvirt.driver.qemu.internal;

import java.util.BitSet;
import java.util.List;

import org.jvirt.api.DomainEventType;
import org.jvirt.api.DomainState;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.StateReason;
import org.jvirt.api.VcpuInfo;
import org.jvirt.api.VirtException;
import org.jvirt.driver.qemu.internal.domain.QemuDomainObj;
import org.jvirt.driver.qemu.internal.qmp.QmpClient;
import org.jvirt.driver.qemu.internal.qmp.QmpException;

/** Operations on a running guest through its monitor: pause, resume, power-down, reset, vCPUs. */
public final class GuestControl {
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

    /** ACPI power button; the guest decides (a guest without ACPI support ignores it). */
    public void shutdown(QemuDomainObj dom) throws VirtException {
        synchronized (dom) {
            run(monitor(dom), "system_powerdown");
        }
    }

    /** Resets the guest's virtual hardware ({@code system_reset}). */
    public void reboot(QemuDomainObj dom) throws VirtException {
        synchronized (dom) {
            run(monitor(dom), "system_reset");
        }
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
