package org.jvirt.driver.hyperv.internal.sim;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The simulated Hyper-V host's WMI repository: instances of the classes libvirt reads, with the
 * property names, types and values of Microsoft's pages (root/virtualization/v2: "Msvm_ComputerSystem
 * class", "Msvm_VirtualSystemSettingData class", "Msvm_ProcessorSettingData class",
 * "Msvm_MemorySettingData class", "Msvm_ShutdownComponent class", "Msvm_VirtualSystemManagementService
 * class"; root/cimv2: "Win32_ComputerSystem class", "Win32_Processor class", "Win32_OperatingSystem
 * class"), and the associations libvirt follows (Msvm_SettingsDefineState,
 * Msvm_VirtualSystemSettingDataComponent, Msvm_SystemDevice, Win32_ComputerSystemProcessor).
 * Devices ({@link SimDevices}): "Msvm_ResourceAllocationSettingData class",
 * "Msvm_StorageAllocationSettingData class", "Msvm_SerialPortSettingData class",
 * "Msvm_SyntheticEthernetPortSettingData class", "Msvm_EthernetPortAllocationSettingData class",
 * "Msvm_VirtualEthernetSwitch class", "Msvm_DiskDrive class", "Msvm_Keyboard class".
 * All access is synchronized on the host.
 */
final class SimHost {
    static final String HOST_NAME = "HYPERV-SIM";
    /** Hyper-V's fixed part of a processor and memory setting's InstanceID (Microsoft's examples). */
    private static final String PROCESSOR_ID = "b637f346-6a6e-4dec-af52-bd70cb80a21d";
    private static final String MEMORY_ID = "4764334d-e001-4176-82ee-5594ec9b530e";
    private static final String SHUTDOWN_ID = "9F8233AC-BE49-4C79-8EE3-E7E1985B2077";

    private record Association(String assocClass, SimInstance from, SimInstance to) {
    }

    final List<SimInstance> instances = new ArrayList<>();
    /** Files on the host's disks (lower case, as NTFS compares names): what a disk image may be. */
    final Set<String> files = new HashSet<>();
    private final List<Association> associations = new ArrayList<>();
    private int nextProcessId = 4000;

    SimHost() {
        add(new SimInstance("Msvm_ComputerSystem").set("Caption", "Hosting Computer System")
                .set("Description", "Microsoft Hosting Computer System").set("ElementName", HOST_NAME)
                .set("Name", HOST_NAME).set("CreationClassName", "Msvm_ComputerSystem").set("EnabledState", 2)
                .set("HealthState", 5).set("ProcessID", null));
        add(new SimInstance("Msvm_VirtualSystemManagementService").set("Caption", "Hyper-V Virtual System Management Service")
                .set("CreationClassName", "Msvm_VirtualSystemManagementService").set("ElementName", "vmms")
                .set("Name", "vmms").set("SystemCreationClassName", "Msvm_ComputerSystem")
                .set("SystemName", HOST_NAME).set("EnabledState", 2).set("Started", "true"));
        SimInstance cs = add(new SimInstance("Win32_ComputerSystem").set("Name", HOST_NAME)
                .set("DNSHostName", "hyperv-sim").set("Domain", "example.test").set("Manufacturer", "jvirt")
                .set("Model", "simulator").set("NumberOfProcessors", 2).set("NumberOfLogicalProcessors", 32)
                .set("TotalPhysicalMemory", 68_719_476_736L));
        for (int socket = 0; socket < 2; socket++) {
            SimInstance cpu = add(new SimInstance("Win32_Processor").set("DeviceID", "CPU" + socket)
                    .set("Name", "Intel(R) Xeon(R) Silver 4110 CPU @ 2.10GHz").set("Architecture", 9)
                    .set("Manufacturer", "GenuineIntel").set("MaxClockSpeed", 2100).set("NumberOfCores", 8)
                    .set("NumberOfLogicalProcessors", 16));
            associations.add(new Association("Win32_ComputerSystemProcessor", cs, cpu));
        }
        SimDevices.addHostDevices(this);
        add(new SimInstance("Win32_OperatingSystem").set("Caption", "Microsoft Windows Server 2019 Datacenter")
                .set("Version", "10.0.17763").set("BuildNumber", "17763").set("CSName", HOST_NAME));
    }

    /** WinRM's selector for the WMI namespace of an instance (in the EPRs it hands back). */
    static final String CIM_NAMESPACE = "__cimnamespace";

    /** The key properties of a class (its MOF's [Key] qualifiers), which make up its references. */
    static String[] keys(String className) {
        return switch (className) {
            case "Msvm_ComputerSystem" -> new String[] {"CreationClassName", "Name"};
            case "Msvm_VirtualSystemManagementService", "Msvm_ShutdownComponent" -> new String[] {"CreationClassName",
                    className.equals("Msvm_ShutdownComponent") ? "DeviceID" : "Name", "SystemCreationClassName",
                    "SystemName"};
            case "Msvm_VirtualEthernetSwitch" -> new String[] {"CreationClassName", "Name"};
            case "Msvm_DiskDrive", "Msvm_Keyboard" -> new String[] {"CreationClassName", "DeviceID",
                    "SystemCreationClassName", "SystemName"};
            case "Win32_ComputerSystem" -> new String[] {"Name"};
            case "Win32_Processor" -> new String[] {"DeviceID"};
            case "Win32_OperatingSystem" -> new String[] {"CSName"};
            default -> new String[] {"InstanceID"};
        };
    }

    SimInstance add(SimInstance instance) {
        instances.add(instance);
        return instance;
    }

    /** A VM with its settings, as Hyper-V creates them (defaults of New-VM: 1 processor, 1024 MB). */
    synchronized SimInstance addVm(String name, int enabledState, int vcpus, long memoryMb) {
        String guid = UUID.randomUUID().toString().toUpperCase();
        SimInstance vm = add(new SimInstance("Msvm_ComputerSystem").set("Caption", "Virtual Machine")
                .set("Description", "Microsoft Virtual Machine").set("ElementName", name).set("Name", guid)
                .set("CreationClassName", "Msvm_ComputerSystem").set("EnabledState", enabledState)
                .set("RequestedState", 12).set("HealthState", 5).set("ProcessID", null));
        setRunning(vm, enabledState);
        SimInstance vssd = add(new SimInstance("Msvm_VirtualSystemSettingData").set("InstanceID", "Microsoft:" + guid)
                .set("ElementName", name).set("VirtualSystemIdentifier", guid)
                .set("VirtualSystemType", "Microsoft:Hyper-V:System:Realized").set("Notes", List.of())
                .set("AutomaticStartupAction", 3).set("AutomaticStopAction", 3));
        associations.add(new Association("Msvm_SettingsDefineState", vm, vssd));
        SimInstance cpu = add(new SimInstance("Msvm_ProcessorSettingData")
                .set("InstanceID", "Microsoft:" + guid + "\\" + PROCESSOR_ID + "\\0").set("ResourceType", 3)
                .set("ResourceSubType", "Microsoft:Hyper-V:Processor").set("AllocationUnits", "percent / 1000")
                .set("VirtualQuantity", vcpus).set("Reservation", 0).set("Limit", 100000).set("Weight", 100));
        SimInstance memory = add(new SimInstance("Msvm_MemorySettingData")
                .set("InstanceID", "Microsoft:" + guid + "\\" + MEMORY_ID).set("ResourceType", 4)
                .set("ResourceSubType", "Microsoft:Hyper-V:Memory").set("AllocationUnits", "byte * 2^20")
                .set("VirtualQuantity", memoryMb).set("Reservation", memoryMb).set("Limit", memoryMb)
                .set("DynamicMemoryEnabled", "false"));
        associations.add(new Association("Msvm_VirtualSystemSettingDataComponent", vssd, cpu));
        associations.add(new Association("Msvm_VirtualSystemSettingDataComponent", vssd, memory));
        SimInstance shutdown = add(new SimInstance("Msvm_ShutdownComponent").set("CreationClassName",
                "Msvm_ShutdownComponent").set("DeviceID", "Microsoft:" + guid + "\\" + SHUTDOWN_ID)
                .set("SystemCreationClassName", "Msvm_ComputerSystem").set("SystemName", guid)
                .set("ElementName", "Shutdown").set("EnabledState", 2));
        associations.add(new Association("Msvm_SystemDevice", vm, shutdown));
        SimDevices.addVmDevices(this, vm, vssd);
        return vm;
    }

    /** A setting of a VM's devices, associated with its settings as Hyper-V does. */
    synchronized SimInstance addComponent(SimInstance vssd, SimInstance setting) {
        add(setting);
        associations.add(new Association("Msvm_VirtualSystemSettingDataComponent", vssd, setting));
        return setting;
    }

    /** A logical device of a VM (Msvm_SystemDevice). */
    synchronized SimInstance addDevice(SimInstance vm, SimInstance device) {
        add(device);
        associations.add(new Association("Msvm_SystemDevice", vm, device));
        return device;
    }

    /**
     * The instance at a WMI object path {@code \\HOST\NAMESPACE:Class.Key="value",...} (values with
     * backslash and quote escaped), as WMI resolves {@code __PATH}: the host is this one, names and
     * values compare case-insensitively.
     */
    synchronized SimInstance byPath(String path) {
        SimPath p = SimPath.parse(path);
        SimInstance found = p == null ? null : find(p.className(), p.keys());
        return found != null && p.names(found) ? found : null;
    }

    /** A WMI object path, parsed. */
    record SimPath(String host, String namespace, String className, Map<String, String> keys) {
        /** Whether this path is the instance's: this host, the class's namespace, every key of the class. */
        boolean names(SimInstance i) {
            String expected = i.className.startsWith("Win32_") ? "root\\cimv2" : "root\\virtualization\\v2";
            if (!(host.equalsIgnoreCase(HOST_NAME) || host.equalsIgnoreCase("hyperv-sim"))
                    || !namespace.equalsIgnoreCase(expected) || !className.equalsIgnoreCase(i.className)) {
                return false;
            }
            for (String key : SimHost.keys(i.className)) {
                String value = keys.get(key);
                if (value == null || !value.equalsIgnoreCase(i.get(key))) {
                    return false;
                }
            }
            return true;
        }

        static SimPath parse(String path) {
            if (path == null || !path.startsWith("\\\\")) {
                return null;
            }
            int slash = path.indexOf('\\', 2);
            int colon = path.indexOf(':', 2);
            int dot = colon < 0 ? -1 : path.indexOf('.', colon);
            if (slash < 0 || colon < slash || dot < 0) {
                return null;
            }
            Map<String, String> keys = new LinkedHashMap<>();
            String rest = path.substring(dot + 1);
            int i = 0;
            while (i < rest.length()) {
                int eq = rest.indexOf('=', i);
                if (eq < 0 || eq + 1 >= rest.length() || rest.charAt(eq + 1) != '"') {
                    return null;
                }
                StringBuilder value = new StringBuilder();
                int j = eq + 2;
                while (j < rest.length() && rest.charAt(j) != '"') {
                    char c = rest.charAt(j);
                    if (c == '\\' && j + 1 < rest.length()) {
                        c = rest.charAt(++j);
                    }
                    value.append(c);
                    j++;
                }
                if (j >= rest.length()) {
                    return null;
                }
                keys.put(rest.substring(i, eq).trim(), value.toString());
                i = j + 1;
                if (i < rest.length() && rest.charAt(i) == ',') {
                    i++;
                }
            }
            return new SimPath(path.substring(2, slash), path.substring(slash + 1, colon).toLowerCase(Locale.ROOT),
                    path.substring(colon + 1, dot), keys);
        }
    }

    /** A running VM has a worker process (ProcessID); an off or saved one has none. */
    void setRunning(SimInstance vm, int enabledState) {
        vm.set("EnabledState", enabledState);
        boolean active = enabledState != 0 && enabledState != 3 && enabledState != 32769;
        if (active && vm.get("ProcessID") == null) {
            vm.set("ProcessID", nextProcessId++);
        } else if (!active) {
            vm.set("ProcessID", null);
        }
    }

    /** Removes a VM and everything associated with it (DestroySystem). */
    synchronized void removeVm(SimInstance vm) {
        List<SimInstance> gone = new ArrayList<>(List.of(vm));
        for (int round = 0; round < 2; round++) {
            for (Association a : associations) {
                if (gone.contains(a.from()) && !gone.contains(a.to())) {
                    gone.add(a.to());
                }
            }
        }
        associations.removeIf(a -> gone.contains(a.from()) || gone.contains(a.to()));
        instances.removeAll(gone);
    }

    synchronized List<SimInstance> select(SimWql.Select q) {
        List<SimInstance> out = new ArrayList<>();
        for (SimInstance i : instances) {
            if (i.className.equalsIgnoreCase(q.className()) && q.where().test(i)) {
                out.add(i);
            }
        }
        return out;
    }

    synchronized List<SimInstance> associators(SimWql.Associators q) {
        SimInstance source = find(q.className(), q.keys());
        List<SimInstance> out = new ArrayList<>();
        if (source == null) {
            return out;
        }
        for (Association a : associations) {
            SimInstance other = a.from() == source ? a.to() : a.to() == source ? a.from() : null;
            if (other != null && (q.assocClass() == null || q.assocClass().equalsIgnoreCase(a.assocClass()))
                    && (q.resultClass() == null || SimDevices.isA(other.className, q.resultClass()))) {
                out.add(other);
            }
        }
        return out;
    }

    /** The instance of {@code className} whose properties equal every key (case-insensitive values, as WMI). */
    synchronized SimInstance find(String className, Map<String, String> keys) {
        for (SimInstance i : instances) {
            if (!i.className.equalsIgnoreCase(className)) {
                continue;
            }
            boolean all = !keys.isEmpty();
            for (Map.Entry<String, String> k : keys.entrySet()) {
                String have = k.getKey().equals(CIM_NAMESPACE) ? i.namespace() : i.get(k.getKey());
                all &= k.getValue() != null && k.getValue().equalsIgnoreCase(have);
            }
            if (all) {
                return i;
            }
        }
        return null;
    }

    synchronized SimInstance byInstanceId(String instanceId) {
        for (SimInstance i : instances) {
            if (instanceId.equalsIgnoreCase(i.get("InstanceID"))) {
                return i;
            }
        }
        return null;
    }

    /** The VM a setting belongs to (its GUID follows {@code Microsoft:} in the InstanceID). */
    synchronized SimInstance vmOf(SimInstance setting) {
        String id = setting.get("InstanceID");
        String guid = id.substring("Microsoft:".length()).split("\\\\")[0];
        return find("Msvm_ComputerSystem", Map.of("Name", guid));
    }
}
