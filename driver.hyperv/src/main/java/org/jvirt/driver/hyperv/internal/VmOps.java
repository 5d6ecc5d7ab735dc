package org.jvirt.driver.hyperv.internal;

import java.util.List;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.driver.hyperv.internal.wsman.HypervErrors;
import org.jvirt.driver.hyperv.internal.wsman.MethodInput;
import org.jvirt.driver.hyperv.internal.wsman.WmiObject;
import org.jvirt.driver.hyperv.internal.wsman.WmiReference;

/**
 * The lifecycle of a VM, as libvirt's Hyper-V driver: {@code Msvm_ComputerSystem.RequestStateChange}
 * (Microsoft's "RequestStateChange method of the Msvm_ComputerSystem class") for start, destroy,
 * reboot, reset, suspend and resume; {@code Msvm_ShutdownComponent.InitiateShutdown} ("InitiateShutdown
 * method of the Msvm_ShutdownComponent class") for a guest shutdown. Each checks the state first,
 * with libvirt's messages, then waits for the job.
 */
final class VmOps {
    private final Wmi wmi;

    VmOps(Wmi wmi) {
        this.wmi = wmi;
    }

    /** {@code hypervDomainCreateWithFlags}. */
    void start(Vm vm) throws VirtException {
        if (vm.active()) {
            throw invalid("Domain is already active or is in state transition");
        }
        requestState(vm, VmStates.ENABLED);
    }

    /** {@code hypervDomainDestroyFlags}: a hard power off. */
    void destroy(Vm vm) throws VirtException {
        requireStableActive(vm);
        requestState(vm, VmStates.DISABLED);
    }

    /** {@code hypervDomainShutdownFlags}: the guest's shutdown through the integration service. */
    void shutdown(Vm vm) throws VirtException {
        requireStableActive(vm);
        List<WmiObject> found = wmi.query("Msvm_ShutdownComponent", "ASSOCIATORS OF {" + vm.wmiPath() + "}"
                + " WHERE ResultClass = Msvm_ShutdownComponent");
        if (found.isEmpty()) {
            throw HypervErrors.internal("Could not get Msvm_ShutdownComponent for domain with UUID '" + vm.uuid()
                    + "' (is the guest's shutdown integration service enabled?)");
        }
        WmiObject component = found.get(0);
        WmiReference target = Wmi.reference("Msvm_ShutdownComponent",
                "CreationClassName", component.string("CreationClassName"),
                "DeviceID", component.string("DeviceID"),
                "SystemCreationClassName", component.string("SystemCreationClassName"),
                "SystemName", component.string("SystemName"));
        wmi.invoke(target, "InitiateShutdown", new MethodInput().value("Force", "true")
                .value("Reason", "Planned shutdown via libvirt"));
    }

    /** {@code hypervDomainReboot}: CIM's Reboot (10). */
    void reboot(Vm vm) throws VirtException {
        requireStableActive(vm);
        requestState(vm, VmStates.REBOOT);
    }

    /** {@code hypervDomainReset}: CIM's Reset (11), a hard reset. */
    void reset(Vm vm) throws VirtException {
        requireStableActive(vm);
        requestState(vm, VmStates.RESET);
    }

    /** {@code hypervDomainSuspend}: only a running VM pauses. */
    void suspend(Vm vm) throws VirtException {
        if (vm.enabledState() != VmStates.ENABLED) {
            throw invalid("Domain is not active");
        }
        requestState(vm, VmStates.PAUSED);
    }

    /** {@code hypervDomainResume}. */
    void resume(Vm vm) throws VirtException {
        if (vm.enabledState() != VmStates.PAUSED) {
            throw invalid("Domain is not paused");
        }
        requestState(vm, VmStates.ENABLED);
    }

    /** {@code hypervDomainManagedSave}: RequestStateChange to Offline (6), Hyper-V's saved state. */
    void managedSave(Vm vm) throws VirtException {
        requireStableActive(vm);
        requestState(vm, VmStates.OFFLINE);
    }

    /** {@code hypervDomainHasManagedSaveImage}: a saved VM (EnabledState 32769) has one. */
    static boolean hasManagedSaveImage(Vm vm) {
        return vm.enabledState() == VmStates.SUSPENDED;
    }

    /** {@code hypervDomainManagedSaveRemove}: turning a saved VM off discards its saved state. */
    void managedSaveRemove(Vm vm) throws VirtException {
        if (!hasManagedSaveImage(vm)) {
            throw invalid("Domain has no managed save image");
        }
        requestState(vm, VmStates.DISABLED);
    }

    private static void requireStableActive(Vm vm) throws VirtException {
        if (!vm.active() || VmStates.inTransition(vm.enabledState())) {
            throw invalid("Domain is not active or is in state transition");
        }
    }

    private void requestState(Vm vm, int state) throws VirtException {
        wmi.invoke(vm.reference(), "RequestStateChange", new MethodInput().value("RequestedState",
                Integer.toString(state)));
    }

    private static VirtException invalid(String detail) {
        return HypervErrors.of(ErrorCode.OPERATION_INVALID, detail);
    }
}
