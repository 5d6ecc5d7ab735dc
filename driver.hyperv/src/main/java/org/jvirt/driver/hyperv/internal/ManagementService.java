package org.jvirt.driver.hyperv.internal;

import org.jvirt.api.VirtException;
import org.jvirt.driver.hyperv.internal.wsman.EmbeddedInstance;
import org.jvirt.driver.hyperv.internal.wsman.HypervErrors;
import org.jvirt.driver.hyperv.internal.wsman.MethodInput;
import org.jvirt.driver.hyperv.internal.wsman.WmiObject;
import org.jvirt.driver.hyperv.internal.wsman.WmiReference;
import org.jvirt.driver.hyperv.internal.wsman.WsmanXml;
import org.w3c.dom.Element;

/**
 * The host's {@code Msvm_VirtualSystemManagementService} (Microsoft's page of that class and of its
 * methods DefineSystem, DestroySystem, ModifySystemSettings, ModifyResourceSettings): found once per
 * call by WQL, addressed by its four keys.
 */
final class ManagementService {
    private final Wmi wmi;

    ManagementService(Wmi wmi) {
        this.wmi = wmi;
    }

    private WmiReference service() throws VirtException {
        WmiObject vsms = wmi.queryOne("Msvm_VirtualSystemManagementService",
                "SELECT * FROM Msvm_VirtualSystemManagementService");
        return Wmi.reference("Msvm_VirtualSystemManagementService",
                "CreationClassName", vsms.string("CreationClassName"), "Name", vsms.string("Name"),
                "SystemCreationClassName", vsms.string("SystemCreationClassName"),
                "SystemName", vsms.string("SystemName"));
    }

    /**
     * DefineSystem; returns ResultingSystem, the reference to the new VM's {@code Msvm_ComputerSystem},
     * whose {@code Name} key is its GUID.
     */
    WmiReference defineSystem(EmbeddedInstance systemSettings) throws VirtException {
        Element out = wmi.invoke(service(), "DefineSystem", new MethodInput().embedded("SystemSettings",
                systemSettings));
        Element resulting = WsmanXml.child(out, null, "ResultingSystem");
        WmiReference ref = resulting == null ? null : WmiReference.of(resulting);
        String name = ref == null ? null : ref.selectors().get("Name");
        if (name == null) {
            throw HypervErrors.internal("Could not lookup ResultingSystem of DefineSystem invocation");
        }
        return ref.resourceUri().isEmpty() ? new WmiReference(Wmi.classUri("Msvm_ComputerSystem"), ref.selectors())
                : ref;
    }

    void destroySystem(Vm vm) throws VirtException {
        destroySystem(vm.uuid().toString());
    }

    /** DestroySystem of the VM whose {@code Msvm_ComputerSystem.Name} is {@code name} (also one not yet looked up). */
    void destroySystem(String name) throws VirtException {
        wmi.invoke(service(), "DestroySystem", new MethodInput().reference("AffectedSystem",
                Wmi.reference("Msvm_ComputerSystem", "CreationClassName", "Msvm_ComputerSystem", "Name", name)));
    }

    void modifySystemSettings(EmbeddedInstance settings) throws VirtException {
        wmi.invoke(service(), "ModifySystemSettings", new MethodInput().embedded("SystemSettings", settings));
    }

    /**
     * AddResourceSettings of one resource to the VM whose settings are {@code vssd} (libvirt's
     * {@code hypervMsvmVSMSAddResourceSettings}); returns the InstanceID of the resulting setting,
     * which a device's next part names as its Parent.
     */
    String addResourceSettings(WmiObject vssd, EmbeddedInstance resource) throws VirtException {
        Element out = wmi.invoke(service(), "AddResourceSettings", new MethodInput()
                .reference("AffectedConfiguration", Wmi.reference("Msvm_VirtualSystemSettingData",
                        "InstanceID", vssd.string("InstanceID")))
                .embedded("ResourceSettings", resource));
        Element resulting = WsmanXml.child(out, null, "ResultingResourceSettings");
        WmiReference ref = resulting == null ? null : WmiReference.of(resulting);
        String id = ref == null ? null : ref.selectors().get("InstanceID");
        if (id == null) {
            throw HypervErrors.internal("Could not find selectors in method response");
        }
        return id;
    }

    void modifyResourceSettings(EmbeddedInstance settings) throws VirtException {
        wmi.invoke(service(), "ModifyResourceSettings", new MethodInput().embedded("ResourceSettings", settings));
    }
}
