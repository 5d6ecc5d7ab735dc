package org.jvirt.driver.hyperv.internal.sim;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.w3c.dom.Element;

/**
 * Adding devices and typing: Microsoft's "AddResourceSettings method of the
 * Msvm_VirtualSystemManagementService class" (AffectedConfiguration, ResourceSettings[] as
 * embedded instances; ResultingResourceSettings[], Job; 0, 4096, 32773 Invalid parameter) and
 * "PressKey", "ReleaseKey" and "TypeKey" methods of the Msvm_Keyboard class (keyCode, a Windows
 * virtual-key code; 0 on success; the keyboard answers only while the VM runs).
 *
 * <p>What Hyper-V checks and the simulator checks too: a drive's Parent is a controller of the same
 * VM and AddressOnParent a free slot (IDE: 0-1, SCSI: 0-63); at most 4 SCSI controllers; an image's
 * Parent is a drive of the VM without an image; a pass-through drive's HostResource is an
 * Msvm_DiskDrive of the host; a switch connection's Parent is a synthetic port of the VM and its
 * HostResource a virtual switch. A missing image file fails the job ("The system cannot find the
 * file specified.") as Hyper-V's job does. The new setting exists when the job completes.
 */
final class SimDeviceMethods {
    private SimDeviceMethods() {
    }

    static String add(SimMethods m, String uri, Element input) throws Exception {
        SimHost host = m.host();
        Element epr = SimXml.child(input, "AffectedConfiguration");
        Map<String, String> keys = epr == null ? Map.of() : SimSystemMethods.selectors(epr);
        SimInstance vssd = keys.get("InstanceID") == null ? null : host.byInstanceId(keys.get("InstanceID"));
        List<String> texts = SimMethods.values(input, "ResourceSettings");
        if (vssd == null || !vssd.className.equals("Msvm_VirtualSystemSettingData") || texts.size() != 1) {
            return SimJobs.output("AddResourceSettings", uri, SimMethods.INVALID_PARAMETER);
        }
        SimInstance vm = host.vmOf(vssd);
        Map<String, String> rs = SimMethods.embedded(texts.get(0), null);
        SimInstance created = rs == null ? null : create(host, vm, rs);
        if (created == null) {
            return SimJobs.output("AddResourceSettings", uri, SimMethods.INVALID_PARAMETER);
        }
        String file = created.className.equals("Msvm_StorageAllocationSettingData") ? created.get("HostResource") : null;
        SimInstance job = m.jobs().start("Adding resource settings", () -> host.addComponent(vssd, created));
        if (file != null && !host.files.contains(file.toLowerCase(Locale.ROOT))) {
            m.jobs().failJob(job, "Failed to add device 'Virtual Hard Disk'. '" + file
                    + "': The system cannot find the file specified. (0x80070002).");
        }
        return SimJobs.jobOutput("AddResourceSettings", uri, job, "<p:ResultingResourceSettings>"
                + SimXml.reference(created, "InstanceID") + "</p:ResultingResourceSettings>");
    }

    /** The setting Hyper-V would create, or null when it refuses the parameters (32773). */
    private static SimInstance create(SimHost host, SimInstance vm, Map<String, String> rs) {
        String prefix = "Microsoft:" + vm.get("Name") + "\\";
        String subType = rs.get("ResourceSubType");
        int type;
        try {
            type = Integer.parseInt(rs.getOrDefault("ResourceType", ""));
        } catch (NumberFormatException e) {
            return null;
        }
        SimInstance parent = rs.get("Parent") == null ? null : host.byPath(rs.get("Parent"));
        boolean ownParent = parent != null && parent.get("InstanceID") != null && vm.equals(host.vmOf(parent));
        String hostResource = rs.get("HostResource");
        switch (type) {
            case 6 -> {
                long controllers = host.instances.stream().filter(i -> i.has("ResourceType")
                        && i.get("ResourceType").equals("6") && vm.equals(host.vmOf(i))).count();
                if (controllers >= 4 || !"Microsoft:Hyper-V:Synthetic SCSI Controller".equals(subType)) {
                    return null;
                }
                return new SimInstance("Msvm_ResourceAllocationSettingData").set("InstanceID", prefix
                        + SimDevices.newGuid()).set("ElementName", "SCSI Controller").set("ResourceType", 6)
                        .set("ResourceSubType", subType).set("HostResource", List.of());
            }
            case 16, 17 -> {
                if (!ownParent || !List.of("5", "6").contains(parent.get("ResourceType"))) {
                    return null;
                }
                int slots = parent.get("ResourceType").equals("5") ? 2 : 64;
                int address;
                try {
                    address = Integer.parseInt(rs.getOrDefault("AddressOnParent", ""));
                } catch (NumberFormatException e) {
                    return null;
                }
                boolean taken = SimDevices.children(host, vm, parent).stream()
                        .anyMatch(c -> String.valueOf(address).equals(c.get("AddressOnParent")));
                boolean physical = "Microsoft:Hyper-V:Physical Disk Drive".equals(subType);
                if (address < 0 || address >= slots || taken || !(type == 16
                        ? "Microsoft:Hyper-V:Synthetic DVD Drive".equals(subType)
                        : physical || "Microsoft:Hyper-V:Synthetic Disk Drive".equals(subType))) {
                    return null;
                }
                SimInstance disk = physical && hostResource != null ? host.byPath(hostResource) : null;
                if (physical && (disk == null || !disk.className.equals("Msvm_DiskDrive"))) {
                    return null;
                }
                return new SimInstance("Msvm_ResourceAllocationSettingData")
                        .set("InstanceID", parent.get("InstanceID") + "\\" + address + "\\D")
                        .set("ElementName", type == 16 ? "DVD Drive" : "Hard Drive").set("ResourceType", type)
                        .set("ResourceSubType", subType).set("Parent", SimDevices.path(parent))
                        .set("AddressOnParent", String.valueOf(address))
                        .set("HostResource", physical ? List.of(hostResource) : List.of());
            }
            case 31 -> {
                if (!ownParent || hostResource == null || hostResource.isEmpty()
                        || !List.of("14", "16", "17").contains(parent.get("ResourceType"))
                        || !SimDevices.children(host, vm, parent).isEmpty()
                        || !List.of("Microsoft:Hyper-V:Virtual Hard Disk", "Microsoft:Hyper-V:Virtual CD/DVD Disk",
                        "Microsoft:Hyper-V:Virtual Floppy Disk").contains(subType)) {
                    return null;
                }
                return new SimInstance("Msvm_StorageAllocationSettingData")
                        .set("InstanceID", parent.get("InstanceID") + "\\L").set("ElementName", "Hard Disk Image")
                        .set("ResourceType", 31).set("ResourceSubType", subType)
                        .set("Parent", SimDevices.path(parent)).set("HostResource", List.of(hostResource));
            }
            case 10 -> {
                String mac = rs.get("Address");
                if (!"Microsoft:Hyper-V:Synthetic Ethernet Port".equals(subType)
                        || ("true".equalsIgnoreCase(rs.get("StaticMacAddress"))
                        && (mac == null || !mac.matches("[0-9a-fA-F]{12}")))) {
                    return null;
                }
                return new SimInstance("Msvm_SyntheticEthernetPortSettingData")
                        .set("InstanceID", prefix + SimDevices.newGuid()).set("ElementName", "Network Adapter")
                        .set("ResourceType", 10).set("ResourceSubType", subType)
                        .set("Address", mac == null ? "00155D000000" : mac.toUpperCase(Locale.ROOT))
                        .set("StaticMacAddress", rs.getOrDefault("StaticMacAddress", "false"))
                        .set("VirtualSystemIdentifiers", SimDevices.values(rs, "VirtualSystemIdentifiers"));
            }
            case 33 -> {
                SimInstance vswitch = hostResource == null ? null : host.byPath(hostResource);
                if (!ownParent || !parent.className.equals("Msvm_SyntheticEthernetPortSettingData") || vswitch == null
                        || !vswitch.className.equals("Msvm_VirtualEthernetSwitch")
                        || !"Microsoft:Hyper-V:Ethernet Connection".equals(subType)) {
                    return null;
                }
                return new SimInstance("Msvm_EthernetPortAllocationSettingData")
                        .set("InstanceID", parent.get("InstanceID") + "\\C").set("ElementName", "Dynamic Ethernet"
                                + " Switch Port").set("ResourceType", 33).set("ResourceSubType", subType)
                        .set("EnabledState", rs.getOrDefault("EnabledState", "2")).set("Parent", SimDevices.path(parent))
                        .set("HostResource", List.of(SimDevices.path(vswitch)));
            }
            default -> {
                return null;
            }
        }
    }

    /** PressKey, ReleaseKey, TypeKey: recorded in the keyboard's log, only while the VM runs. */
    static String key(SimMethods m, String uri, SimInstance keyboard, String method, Element input) {
        SimInstance vm = m.host().find("Msvm_ComputerSystem", Map.of("Name", keyboard.get("SystemName")));
        String code = SimXml.text(input, "keyCode");
        int value;
        try {
            value = Integer.parseInt(code == null ? "" : code);
        } catch (NumberFormatException e) {
            return SimJobs.output(method, uri, SimMethods.INVALID_PARAMETER);
        }
        if (value < 1 || value > 254) {
            return SimJobs.output(method, uri, SimMethods.INVALID_PARAMETER);
        }
        if (vm == null || vm.number("EnabledState") != 2) {
            return SimJobs.output(method, uri, SimMethods.INVALID_STATE);
        }
        m.keys().add(method + " " + value);
        return SimJobs.output(method, uri, 0);
    }
}
