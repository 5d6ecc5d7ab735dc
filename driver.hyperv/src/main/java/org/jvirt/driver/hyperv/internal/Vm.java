package org.jvirt.driver.hyperv.internal;

import java.util.UUID;

import org.jvirt.api.DomainState;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.driver.hyperv.internal.wsman.HypervErrors;
import org.jvirt.driver.hyperv.internal.wsman.WmiObject;
import org.jvirt.driver.hyperv.internal.wsman.WmiReference;

/**
 * A virtual machine as an {@code Msvm_ComputerSystem} shows it: ElementName is the name, Name the
 * UUID (Hyper-V's VM GUID), ProcessID (the worker process) the ID while it is active, as libvirt's
 * {@code hypervMsvmComputerSystemToDomain}.
 */
record Vm(String name, UUID uuid, int enabledState, int processId) {

    static Vm of(WmiObject cs) throws VirtException {
        String guid = cs.string("Name");
        UUID uuid;
        try {
            uuid = UUID.fromString(guid == null ? "" : guid);
        } catch (IllegalArgumentException e) {
            throw HypervErrors.internal("Could not parse UUID from string '" + guid + "'");
        }
        return new Vm(cs.string("ElementName"), uuid, (int) cs.number("EnabledState", 0),
                (int) cs.number("ProcessID", -1));
    }

    boolean active() {
        return VmStates.active(enabledState);
    }

    DomainState state() {
        return VmStates.domainState(enabledState);
    }

    int id() {
        return active() && processId > 0 ? processId : -1;
    }

    DomainRef domainRef() {
        return new DomainRef(name, uuid, id());
    }

    /** The WMI path of this VM: {@code Msvm_ComputerSystem.CreationClassName="Msvm_ComputerSystem",Name="GUID"}. */
    String wmiPath() {
        return "Msvm_ComputerSystem.CreationClassName=\"Msvm_ComputerSystem\",Name=\"" + uuid + "\"";
    }

    WmiReference reference() {
        return Wmi.reference("Msvm_ComputerSystem", "CreationClassName", "Msvm_ComputerSystem",
                "Name", uuid.toString());
    }
}
