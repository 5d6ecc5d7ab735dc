package org.jvirt.driver.hyperv.internal.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The devices of the simulated host and its VMs, with the classes and property names of
 * Microsoft's pages: "Msvm_ResourceAllocationSettingData class" (ResourceType, ResourceSubType,
 * Parent, AddressOnParent, Address, HostResource[], Connection[]), "Msvm_StorageAllocationSettingData
 * class" (the image of a drive: ResourceType 31, HostResource[] the file), "Msvm_SerialPortSettingData
 * class" (a subclass of Msvm_ResourceAllocationSettingData; "COM 1", "COM 2"),
 * "Msvm_SyntheticEthernetPortSettingData class" (Address, StaticMacAddress,
 * VirtualSystemIdentifiers[]), "Msvm_EthernetPortAllocationSettingData class" (EnabledState, Parent,
 * HostResource[] the switch), "Msvm_VirtualEthernetSwitch class" (Name is a GUID, ElementName the
 * name people see), "Msvm_DiskDrive class" (DriveNumber), "Msvm_Keyboard class".
 *
 * <p>A new VM has what Hyper-V gives a generation 1 VM: the two channels of its emulated IDE
 * controller (Address "0" and "1"), COM 1 and COM 2 unconnected, a diskette drive on the floppy
 * controller, and a keyboard. InstanceIDs follow Hyper-V's form {@code Microsoft:VMGUID\DEVICEGUID\N};
 * the device GUIDs here are the simulator's own.
 */
final class SimDevices {
    static final String DEFAULT_SWITCH = "C08CB7B8-9B3C-408E-8E30-5E16A3AEB444";
    static final String POOL_GUID = "C7E7F1F6-91D4-4B95-9D3E-3F2D0B0A9A11";
    private static final String IDE_GUID = "83F8638B-8DCA-4152-9EDA-2CA8B33039B4";
    private static final String COM_GUID = "4EE3B2E4-0E52-4E0C-9C6B-0E3C4B7F6A01";
    private static final String FLOPPY_GUID = "1F1C5A67-6A7B-4C2E-9F0E-4B9C3D2E1A02";
    private static final String KEYBOARD_GUID = "4A1E0C35-2E1B-4F8A-9B57-7C6E5D4A3B03";

    private SimDevices() {
    }

    /** WMI's class hierarchy for the classes the simulator has: a query for a class includes its subclasses. */
    static boolean isA(String className, String wanted) {
        return className.equalsIgnoreCase(wanted) || (className.equals("Msvm_SerialPortSettingData")
                && wanted.equalsIgnoreCase("Msvm_ResourceAllocationSettingData"));
    }

    /** Two switches, the physical-disk pool's default drive setting, two pass-through disks, some files. */
    static void addHostDevices(SimHost host) {
        host.add(new SimInstance("Msvm_VirtualEthernetSwitch").set("CreationClassName", "Msvm_VirtualEthernetSwitch")
                .set("Name", DEFAULT_SWITCH).set("ElementName", "Default Switch").set("EnabledState", 2));
        host.add(new SimInstance("Msvm_VirtualEthernetSwitch").set("CreationClassName", "Msvm_VirtualEthernetSwitch")
                .set("Name", "6F2B5C4A-3D1E-4B8A-9C7F-2E1D0C9B8A77").set("ElementName", "External")
                .set("EnabledState", 2));
        host.add(new SimInstance("Msvm_ResourceAllocationSettingData")
                .set("InstanceID", "Microsoft:Definition\\" + POOL_GUID + "\\Default").set("ResourceType", 17)
                .set("ResourceSubType", "Microsoft:Hyper-V:Physical Disk Drive").set("HostResource", List.of()));
        for (int n = 2; n <= 3; n++) {
            host.add(new SimInstance("Msvm_DiskDrive").set("CreationClassName", "Msvm_DiskDrive")
                    .set("DeviceID", "Microsoft:" + POOL_GUID + "\\" + n).set("SystemCreationClassName",
                            "Msvm_ComputerSystem").set("SystemName", SimHost.HOST_NAME).set("DriveNumber", n)
                    .set("ElementName", "Disk " + n));
        }
        for (String f : List.of("C:\\VMs\\disk0.vhdx", "C:\\VMs\\data.vhd", "C:\\VMs\\data2.vhdx",
                "C:\\ISO\\install.iso", "C:\\VMs\\boot.vfd")) {
            host.files.add(f.toLowerCase(Locale.ROOT));
        }
    }

    static void addVmDevices(SimHost host, SimInstance vm, SimInstance vssd) {
        String prefix = "Microsoft:" + vm.get("Name") + "\\";
        for (int channel = 0; channel < 2; channel++) {
            host.addComponent(vssd, new SimInstance("Msvm_ResourceAllocationSettingData")
                    .set("InstanceID", prefix + IDE_GUID + "\\" + channel).set("ElementName", "IDE Controller " + channel)
                    .set("ResourceType", 5).set("ResourceSubType", "Microsoft:Hyper-V:Emulated IDE Controller")
                    .set("Address", String.valueOf(channel)).set("HostResource", List.of()));
        }
        for (int com = 1; com <= 2; com++) {
            host.addComponent(vssd, new SimInstance("Msvm_SerialPortSettingData")
                    .set("InstanceID", prefix + COM_GUID + "\\" + (com - 1)).set("ElementName", "COM " + com)
                    .set("ResourceType", 21).set("ResourceSubType", "Microsoft:Hyper-V:Serial Port")
                    .set("Connection", List.of("")).set("DebuggerMode", "false"));
        }
        SimInstance floppyController = host.addComponent(vssd, new SimInstance("Msvm_ResourceAllocationSettingData")
                .set("InstanceID", prefix + FLOPPY_GUID + "\\0").set("ElementName", "Floppy Controller")
                .set("ResourceType", 1).set("ResourceSubType", "Microsoft:Hyper-V:Emulated Floppy Controller")
                .set("HostResource", List.of()));
        host.addComponent(vssd, new SimInstance("Msvm_ResourceAllocationSettingData")
                .set("InstanceID", prefix + FLOPPY_GUID + "\\0\\0\\D").set("ElementName", "Diskette Drive")
                .set("ResourceType", 14).set("ResourceSubType", "Microsoft:Hyper-V:Synthetic Diskette Drive")
                .set("Parent", path(floppyController)).set("AddressOnParent", "0").set("HostResource", List.of()));
        host.addDevice(vm, new SimInstance("Msvm_Keyboard").set("CreationClassName", "Msvm_Keyboard")
                .set("DeviceID", prefix + KEYBOARD_GUID).set("SystemCreationClassName", "Msvm_ComputerSystem")
                .set("SystemName", vm.get("Name")).set("ElementName", "Keyboard").set("UnicodeSupported", "true")
                .set("Layout", "00000409").set("IsLocked", "false"));
    }

    /** The WMI object path of an instance, as {@code __PATH} gives it. */
    static String path(SimInstance i) {
        StringBuilder out = new StringBuilder("\\\\").append(SimHost.HOST_NAME).append('\\')
                .append(i.className.startsWith("Win32_") ? "root\\cimv2" : "root\\virtualization\\v2").append(':')
                .append(i.className).append('.');
        String[] keys = SimHost.keys(i.className);
        for (int k = 0; k < keys.length; k++) {
            out.append(k == 0 ? "" : ",").append(keys[k]).append("=\"")
                    .append(i.get(keys[k]).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return out.toString();
    }

    /** The settings of a VM's devices of {@code type} under {@code parent}. */
    static List<SimInstance> children(SimHost host, SimInstance vm, SimInstance parent) {
        List<SimInstance> out = new ArrayList<>();
        for (SimInstance i : host.instances) {
            String p = i.get("Parent");
            if (p != null && host.byPath(p) == parent && vm.equals(host.vmOf(i))) {
                out.add(i);
            }
        }
        return out;
    }

    /** The values of an instance's array property (a list), or of a scalar. */
    static List<String> values(Map<String, String> embedded, String name) {
        String v = embedded.get(name);
        return v == null ? List.of() : List.of(v);
    }

    static String newGuid() {
        return UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
    }
}
