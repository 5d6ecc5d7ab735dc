package org.jvirt.driver.hyperv.internal;

import org.jvirt.api.VirtException;
import org.jvirt.driver.hyperv.internal.wsman.WmiObject;

/**
 * A VM's settings, reached as libvirt does through WQL associators: the active
 * {@code Msvm_VirtualSystemSettingData} by {@code Msvm_SettingsDefineState}, then its
 * {@code Msvm_ProcessorSettingData} and {@code Msvm_MemorySettingData} by
 * {@code Msvm_VirtualSystemSettingDataComponent} (Microsoft's pages of these classes).
 */
final class VmSettings {
    private final Wmi wmi;

    VmSettings(Wmi wmi) {
        this.wmi = wmi;
    }

    /** {@code hypervGetMsvmVirtualSystemSettingDataFromUUID}. */
    WmiObject systemSettings(Vm vm) throws VirtException {
        return wmi.queryOne("Msvm_VirtualSystemSettingData", "ASSOCIATORS OF {" + vm.wmiPath() + "}"
                + " WHERE AssocClass = Msvm_SettingsDefineState ResultClass = Msvm_VirtualSystemSettingData");
    }

    WmiObject processor(WmiObject vssd) throws VirtException {
        return component(vssd, "Msvm_ProcessorSettingData");
    }

    WmiObject memory(WmiObject vssd) throws VirtException {
        return component(vssd, "Msvm_MemorySettingData");
    }

    private WmiObject component(WmiObject vssd, String resultClass) throws VirtException {
        return wmi.queryOne(resultClass, "ASSOCIATORS OF {Msvm_VirtualSystemSettingData.InstanceID="
                + Wmi.quote(vssd.string("InstanceID")) + "} WHERE AssocClass = Msvm_VirtualSystemSettingDataComponent"
                + " ResultClass = " + resultClass);
    }
}
