package org.jvirt.driver.hyperv.internal;

import java.util.List;

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
        return wmi.queryOne(resultClass, componentsQuery(vssd, resultClass));
    }

    /**
     * Every setting of {@code resultClass} (WMI includes its subclasses) of the VM, as libvirt's
     * {@code hypervGetSettingData}: the devices' Msvm_ResourceAllocationSettingData,
     * Msvm_StorageAllocationSettingData (disk images), Msvm_SerialPortSettingData,
     * Msvm_EthernetPortAllocationSettingData (switch connections).
     */
    List<WmiObject> components(WmiObject vssd, String resultClass) throws VirtException {
        return wmi.query(resultClass, componentsQuery(vssd, resultClass));
    }

    /** The instance of {@code className} at a WMI object path (a Parent or HostResource value), or null. */
    WmiObject byPath(String className, String path) throws VirtException {
        List<WmiObject> found = wmi.query(className, "SELECT * FROM " + className + " WHERE __PATH = "
                + Wmi.quote(path));
        return found.isEmpty() ? null : found.get(0);
    }

    private static String componentsQuery(WmiObject vssd, String resultClass) {
        return "ASSOCIATORS OF {Msvm_VirtualSystemSettingData.InstanceID=" + Wmi.quote(vssd.string("InstanceID"))
                + "} WHERE AssocClass = Msvm_VirtualSystemSettingDataComponent ResultClass = " + resultClass;
    }
}
