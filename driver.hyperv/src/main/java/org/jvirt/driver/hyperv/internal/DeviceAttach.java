package org.jvirt.driver.hyperv.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jvirt.api.VirtException;
import org.jvirt.driver.hyperv.internal.devices.DevicePlan;
import org.jvirt.driver.hyperv.internal.devices.DevicePlan.DiskPlan;
import org.jvirt.driver.hyperv.internal.devices.DevicePlan.NetPlan;
import org.jvirt.driver.hyperv.internal.devices.DevicePlan.SerialPlan;
import org.jvirt.driver.hyperv.internal.devices.ResourceTypes;
import org.jvirt.driver.hyperv.internal.wsman.EmbeddedInstance;
import org.jvirt.driver.hyperv.internal.wsman.HypervErrors;
import org.jvirt.driver.hyperv.internal.wsman.WmiObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Attaches a new VM's devices as libvirt's {@code hypervDomainDefineXML} does after DefineSystem
 * (Microsoft's "AddResourceSettings method of the Msvm_VirtualSystemManagementService class"):
 * SCSI controllers; for each disk a drive on its controller (the IDE channel or SCSI controller;
 * the VM's own diskette drive for a floppy), then the image as a logical disk whose Parent is the
 * drive, or for a physical disk a drive whose HostResource is the host's Msvm_DiskDrive; serial
 * ports by ModifyResourceSettings of the VM's COM port ({@code Msvm_SerialPortSettingData.Connection}:
 * a named pipe); network adapters as an {@code Msvm_SyntheticEthernetPortSettingData} with a static
 * MAC and an {@code Msvm_EthernetPortAllocationSettingData} connecting it to the virtual switch whose
 * Name the XML's bridge gives. Parents and host resources are WMI object paths on the host, written
 * as libvirt writes them. The caller destroys the VM when any step fails.
 */
final class DeviceAttach {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceAttach.class);
    private static final String RASD = "Msvm_ResourceAllocationSettingData";
    private static final Pattern GUID = Pattern.compile(
            "[a-fA-F0-9]{8}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{12}");

    private final Wmi wmi;
    private final VmSettings settings;
    private final ManagementService vsms;
    private final HostInfo host;

    DeviceAttach(Wmi wmi, VmSettings settings, ManagementService vsms, HostInfo host) {
        this.wmi = wmi;
        this.settings = settings;
        this.vsms = vsms;
        this.host = host;
    }

    void attach(Vm vm, DevicePlan plan) throws VirtException {
        if (plan.disks().isEmpty() && plan.serials().isEmpty() && plan.nets().isEmpty() && plan.scsiControllers() == 0) {
            return;
        }
        String hostname = host.hostname();
        WmiObject vssd = settings.systemSettings(vm);
        attachStorage(vssd, plan, hostname);
        for (int i = 0; i < plan.serials().size(); i++) {
            try {
                attachSerial(vssd, plan.serials().get(i));
            } catch (VirtException e) {
                throw HypervErrors.internal("Could not attach serial port " + i, e);
            }
        }
        for (int i = 0; i < plan.nets().size(); i++) {
            try {
                attachNet(vssd, plan.nets().get(i), hostname);
            } catch (VirtException e) {
                throw HypervErrors.internal("Could not attach network " + i, e);
            }
        }
    }

    /** {@code hypervDomainAttachStorage}. */
    private void attachStorage(WmiObject vssd, DevicePlan plan, String hostname) throws VirtException {
        for (int i = 0; i < plan.scsiControllers(); i++) {
            LOG.debug("Attaching SCSI Controller");
            vsms.addResourceSettings(vssd, resource(RASD, ResourceTypes.PARALLEL_SCSI_HBA,
                    "Microsoft:Hyper-V:Synthetic SCSI Controller"));
        }
        if (plan.disks().isEmpty()) {
            return;
        }
        Map<Integer, WmiObject> ideChannels = new HashMap<>();
        List<WmiObject> scsiControllers = new ArrayList<>();
        WmiObject floppyDrive = null;
        for (WmiObject rasd : settings.components(vssd, RASD)) {
            long type = rasd.number("ResourceType", -1);
            String address = rasd.string("Address");
            if (type == ResourceTypes.IDE_CONTROLLER && address != null && !address.isEmpty()) {
                ideChannels.put(address.charAt(0) - '0', rasd);
            } else if (type == ResourceTypes.PARALLEL_SCSI_HBA) {
                scsiControllers.add(rasd);
            } else if (type == ResourceTypes.DISKETTE_DRIVE) {
                floppyDrive = rasd;
            }
        }
        for (DiskPlan disk : plan.disks()) {
            WmiObject parent = switch (disk.bus()) {
                case "ide" -> ideChannels.get(disk.channel());
                case "scsi" -> disk.channel() < scsiControllers.size() ? scsiControllers.get(disk.channel()) : null;
                default -> floppyDrive;
            };
            if (parent == null) {
                throw HypervErrors.internal("Could not find controller for disk '" + disk.dev() + "'");
            }
            LOG.debug("Now attaching disk '{}' with address {} to bus {} of type {}", disk.path(), disk.unit(),
                    disk.channel(), disk.bus());
            attachDisk(vssd, disk, parent, hostname);
        }
    }

    private void attachDisk(WmiObject vssd, DiskPlan disk, WmiObject controller, String hostname)
            throws VirtException {
        String controllerPath = rasdPath(hostname, controller.string("InstanceID"));
        switch (disk.device()) {
            case "floppy" -> vsms.addResourceSettings(vssd, resource(RASD, ResourceTypes.LOGICAL_DISK,
                    "Microsoft:Hyper-V:Virtual Floppy Disk").property("Parent", "string", controllerPath)
                    .arrayProperty("HostResource", "string", disk.path()));
            case "cdrom" -> {
                String drive = vsms.addResourceSettings(vssd, drive(ResourceTypes.DVD_DRIVE,
                        "Microsoft:Hyper-V:Synthetic DVD Drive", controllerPath, disk.unit()));
                vsms.addResourceSettings(vssd, resource(RASD, ResourceTypes.LOGICAL_DISK,
                        "Microsoft:Hyper-V:Virtual CD/DVD Disk").property("Parent", "string", rasdPath(hostname, drive))
                        .arrayProperty("HostResource", "string", disk.path()));
            }
            default -> {
                if (disk.block()) {
                    attachPhysicalDisk(vssd, disk, controllerPath, hostname);
                } else {
                    String drive = vsms.addResourceSettings(vssd, drive(ResourceTypes.DISK_DRIVE,
                            "Microsoft:Hyper-V:Synthetic Disk Drive", controllerPath, disk.unit()));
                    vsms.addResourceSettings(vssd, resource(RASD, ResourceTypes.LOGICAL_DISK,
                            "Microsoft:Hyper-V:Virtual Hard Disk").property("Parent", "string",
                            rasdPath(hostname, drive)).arrayProperty("HostResource", "string", disk.path()));
                }
            }
        }
    }

    /**
     * {@code hypervDomainAttachPhysicalDisk}: the host's physical disks are Msvm_DiskDrive instances
     * whose DeviceID is {@code Microsoft:GUID\PATH}, GUID taken from the resource pool's default
     * physical disk drive setting. A path naming {@code NODRIVE} is skipped, as libvirt does.
     */
    private void attachPhysicalDisk(WmiObject vssd, DiskPlan disk, String controllerPath, String hostname)
            throws VirtException {
        if (disk.path().contains("NODRIVE")) {
            LOG.debug("Skipping empty LUN '{}'", disk.path());
            return;
        }
        List<WmiObject> defaults = wmi.query(RASD, "SELECT * FROM " + RASD + " WHERE ResourceSubType = "
                + Wmi.quote("Microsoft:Hyper-V:Physical Disk Drive") + " AND InstanceID LIKE \"%Default%\"");
        if (defaults.isEmpty()) {
            throw HypervErrors.internal("Could not retrieve default Msvm_DiskDrive object");
        }
        Matcher guid = GUID.matcher(String.valueOf(defaults.get(0).string("InstanceID")));
        if (!guid.find()) {
            throw HypervErrors.internal("Could not get Msvm_DiskDrive default InstanceID");
        }
        String hostResource = "\\\\" + hostname + "\\Root\\Virtualization\\V2:Msvm_DiskDrive.CreationClassName="
                + "\"Msvm_DiskDrive\",DeviceID=\"Microsoft:" + guid.group() + "\\\\" + disk.path()
                + "\",SystemCreationClassName=\"Msvm_ComputerSystem\",SystemName=\"" + hostname + "\"";
        vsms.addResourceSettings(vssd, drive(ResourceTypes.DISK_DRIVE, "Microsoft:Hyper-V:Physical Disk Drive",
                controllerPath, disk.unit()).arrayProperty("HostResource", "string", hostResource));
    }

    /**
     * {@code hypervDomainAttachSerial}: the VM has its COM ports already ("COM 1", "COM 2"); the
     * one of the target port is connected to the pipe ("-1": disconnected, an empty Connection).
     */
    private void attachSerial(WmiObject vssd, SerialPlan serial) throws VirtException {
        String name = "COM " + serial.port();
        WmiObject port = null;
        for (WmiObject p : settings.components(vssd, "Msvm_SerialPortSettingData")) {
            if (p.number("ResourceType", -1) == ResourceTypes.SERIAL_PORT && name.equals(p.string("ElementName"))) {
                port = p;
                break;
            }
        }
        if (port == null) {
            throw HypervErrors.internal("Could not find serial port '" + name + "'");
        }
        vsms.modifyResourceSettings(new EmbeddedInstance("Msvm_SerialPortSettingData")
                .arrayProperty("Connection", "string", serial.path().equals("-1") ? "" : serial.path())
                .property("InstanceID", "string", port.string("InstanceID"))
                .property("ResourceType", "uint16", port.string("ResourceType"))
                .property("ResourceSubType", "string", port.string("ResourceSubType")));
    }

    /** {@code hypervDomainAttachSyntheticEthernetAdapter}: the port, the switch by Name, the connection. */
    private void attachNet(WmiObject vssd, NetPlan net, String hostname) throws VirtException {
        String port = vsms.addResourceSettings(vssd, resource("Msvm_SyntheticEthernetPortSettingData",
                ResourceTypes.ETHERNET_ADAPTER, "Microsoft:Hyper-V:Synthetic Ethernet Port")
                .arrayProperty("VirtualSystemIdentifiers", "string", "{" + UUID.randomUUID() + "}")
                .property("Address", "string", net.mac().replace(":", ""))
                .property("StaticMacAddress", "boolean", "true"));
        List<WmiObject> switches = wmi.query("Msvm_VirtualEthernetSwitch",
                "SELECT * FROM Msvm_VirtualEthernetSwitch WHERE Name = " + Wmi.quote(net.switchName()));
        if (switches.isEmpty()) {
            throw HypervErrors.internal("Could not find virtual switch '" + net.switchName() + "'");
        }
        String switchPath = "\\\\" + hostname + "\\Root\\Virtualization\\V2:Msvm_VirtualEthernetSwitch"
                + ".CreationClassName=\"Msvm_VirtualEthernetSwitch\",Name=\"" + switches.get(0).string("Name") + "\"";
        String portPath = "\\\\" + hostname + "\\root\\virtualization\\v2:Msvm_SyntheticEthernetPortSettingData"
                + ".InstanceID=\"" + port.replace("\\", "\\\\") + "\"";
        vsms.addResourceSettings(vssd, resource("Msvm_EthernetPortAllocationSettingData",
                ResourceTypes.ETHERNET_CONNECTION, "Microsoft:Hyper-V:Ethernet Connection")
                .property("EnabledState", "uint16", "2")
                .arrayProperty("HostResource", "string", switchPath)
                .property("Parent", "string", portPath));
    }

    private static EmbeddedInstance resource(String className, int type, String subType) {
        return new EmbeddedInstance(className).property("ResourceType", "uint16", Integer.toString(type))
                .property("ResourceSubType", "string", subType);
    }

    private static EmbeddedInstance drive(int type, String subType, String parent, int unit) {
        return resource(RASD, type, subType).property("Parent", "string", parent)
                .property("AddressOnParent", "string", Integer.toString(unit));
    }

    /** {@code \\HOST\Root\Virtualization\V2:Msvm_ResourceAllocationSettingData.InstanceID="ID"}, backslashes escaped. */
    static String rasdPath(String hostname, String instanceId) {
        return "\\\\" + hostname + "\\Root\\Virtualization\\V2:" + RASD + ".InstanceID=\""
                + instanceId.replace("\\", "\\\\") + "\"";
    }
}
