package org.jvirt.driver.hyperv.internal.devices;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Address;
import org.jvirt.api.xml.CharDevice;
import org.jvirt.api.xml.CharSource;
import org.jvirt.api.xml.CharTarget;
import org.jvirt.api.xml.Controller;
import org.jvirt.api.xml.DeviceInfo;
import org.jvirt.api.xml.Device;
import org.jvirt.api.xml.Disk;
import org.jvirt.api.xml.DiskSource;
import org.jvirt.api.xml.DiskTarget;
import org.jvirt.api.xml.NetInterface;
import org.jvirt.api.xml.NetSource;
import org.jvirt.driver.hyperv.internal.wsman.HypervErrors;
import org.jvirt.driver.hyperv.internal.wsman.WmiObject;

/**
 * A VM's devices as libvirt's {@code hypervDomainGetXMLDesc} reads them from its settings
 * ({@code hypervDomainDefParseStorage}, {@code hypervDomainDefParseSerial},
 * {@code hypervDomainDefParseEthernet}): one IDE controller for Hyper-V's two IDE channels and a SCSI
 * controller per synthetic SCSI controller; physical disks (drive settings with a HostResource)
 * by the DriveNumber of their Msvm_DiskDrive, then images (storage settings) with their drive and
 * controller found through Parent; COM ports as pipes; network adapters connected to a switch as
 * bridges named by the switch's Name, with the port's MAC.
 *
 * <p>Two differences from libvirt, both so that what define wrote reads back the same: a physical
 * disk on IDE is named as an image there is ({@code hd} + channel * 2 + unit; libvirt uses
 * channel * 4 for physical disks, a name its own parser places elsewhere), and an empty Connection
 * (what define writes for "-1") reads as "-1" as a missing one does.
 */
public final class DeviceReader {
    /** Finds the instance at a WMI object path (libvirt's {@code WHERE __PATH = '…'} queries). */
    @FunctionalInterface
    public interface PathLookup {
        WmiObject byPath(String className, String path) throws VirtException;
    }

    private final PathLookup lookup;

    public DeviceReader(PathLookup lookup) {
        this.lookup = lookup;
    }

    /**
     * @param rasd   the VM's Msvm_ResourceAllocationSettingData (controllers, drives)
     * @param sasd   its Msvm_StorageAllocationSettingData (images)
     * @param serial its Msvm_SerialPortSettingData
     * @param ports  its Msvm_EthernetPortAllocationSettingData
     */
    public List<Device> read(List<WmiObject> rasd, List<WmiObject> sasd, List<WmiObject> serial,
                             List<WmiObject> ports) throws VirtException {
        List<Device> out = new ArrayList<>();
        readStorage(out, rasd, sasd);
        for (WmiObject port : ports) {
            NetInterface net = net(port);
            if (net != null) {
                out.add(net);
            }
        }
        for (WmiObject s : serial) {
            CharDevice c = serial(s);
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    private void readStorage(List<Device> out, List<WmiObject> rasd, List<WmiObject> sasd) throws VirtException {
        Map<WmiObject, Integer> controllerIndex = new HashMap<>();
        boolean ide = false;
        int scsi = 0;
        List<Device> controllers = new ArrayList<>();
        for (WmiObject r : rasd) {
            long type = r.number("ResourceType", -1);
            if (type == ResourceTypes.IDE_CONTROLLER) {
                String address = r.string("Address");
                controllerIndex.put(r, address == null || address.isEmpty() ? 0 : address.charAt(0) - '0');
                if (!ide) {
                    // Hyper-V shows its PIIX4 controller's two channels as two objects
                    controllers.add(Controller.builder().type("ide").index(0).build());
                    ide = true;
                }
            } else if (type == ResourceTypes.PARALLEL_SCSI_HBA) {
                controllerIndex.put(r, scsi);
                controllers.add(Controller.builder().type("scsi").index(scsi++).build());
            }
        }
        for (WmiObject r : rasd) {
            String host = first(r, "HostResource");
            if (r.number("ResourceType", -1) == ResourceTypes.DISK_DRIVE && host != null && !host.contains("NODRIVE")) {
                out.add(physicalDisk(r, host, rasd, controllerIndex));
            }
        }
        for (WmiObject s : sasd) {
            Disk disk = virtualDisk(s, rasd, controllerIndex);
            if (disk != null) {
                out.add(disk);
            }
        }
        out.addAll(controllers);
    }

    private Disk physicalDisk(WmiObject drive, String host, List<WmiObject> rasd, Map<WmiObject, Integer> index)
            throws VirtException {
        int addr = address(drive);
        WmiObject controller = parent(drive.string("Parent"), rasd);
        WmiObject diskDrive = lookup.byPath("Msvm_DiskDrive", host.replace("\\\"", "\""));
        if (diskDrive == null) {
            throw HypervErrors.internal("Could not find Msvm_DiskDrive object");
        }
        long type = controller.number("ResourceType", -1);
        if (type != ResourceTypes.PARALLEL_SCSI_HBA && type != ResourceTypes.IDE_CONTROLLER) {
            throw HypervErrors.internal("Invalid controller type for LUN");
        }
        return disk("block", "disk", DiskSource.builder().dev(diskDrive.string("DriveNumber")).build(), type,
                index.get(controller), addr);
    }

    private Disk virtualDisk(WmiObject image, List<WmiObject> rasd, Map<WmiObject, Integer> index)
            throws VirtException {
        String host = first(image, "HostResource");
        if (host == null) {
            return null;
        }
        WmiObject drive = parent(image.string("Parent"), rasd);
        WmiObject controller = parent(drive.string("Parent"), rasd);
        String device = "Microsoft:Hyper-V:Virtual CD/DVD Disk".equals(image.string("ResourceSubType")) ? "cdrom"
                : "disk";
        DiskSource source = DiskSource.builder().file(host).build();
        long type = controller.number("ResourceType", -1);
        if (type == ResourceTypes.PARALLEL_SCSI_HBA || type == ResourceTypes.IDE_CONTROLLER) {
            return disk("file", device, source, type, index.get(controller), address(drive));
        }
        if (type == ResourceTypes.OTHER && drive.number("ResourceType", -1) == ResourceTypes.DISKETTE_DRIVE) {
            return Disk.builder().type("file").device("floppy").source(source)
                    .target(DiskTarget.builder().dev("fda").bus("fdc").build())
                    .info(DeviceInfo.builder().address(Address.drive(0, 0, 0, 0)).build()).build();
        }
        throw HypervErrors.internal("Unrecognized controller type " + type);
    }

    /** {@code hypervDomainDefAppendDisk}: the name and drive address from the controller and the unit. */
    private static Disk disk(String type, String device, DiskSource source, long controllerType, Integer ctrl,
                             int addr) throws VirtException {
        if (ctrl == null) {
            throw HypervErrors.internal("Could not find controller for disk!");
        }
        boolean scsi = controllerType == ResourceTypes.PARALLEL_SCSI_HBA;
        String dev = scsi ? DevicePlan.diskName(ctrl * DevicePlan.MAX_SCSI_UNITS + addr, "sd")
                : DevicePlan.diskName(ctrl * DevicePlan.IDE_UNITS + addr, "hd");
        Address address = scsi ? Address.drive(ctrl, 0, 0, addr) : Address.drive(0, ctrl, 0, addr);
        return Disk.builder().type(type).device(device).source(source)
                .target(DiskTarget.builder().dev(dev).bus(scsi ? "scsi" : "ide").build())
                .info(DeviceInfo.builder().address(address).build()).build();
    }

    private static int address(WmiObject drive) throws VirtException {
        long addr = drive.number("AddressOnParent", -1);
        if (addr < 0) {
            throw HypervErrors.internal("Invalid AddressOnParent '" + drive.string("AddressOnParent") + "' of "
                    + drive.string("InstanceID"));
        }
        return (int) addr;
    }

    /** {@code hypervGetDeviceParentRasdFromDeviceId}: the setting whose escaped InstanceID ends the path. */
    static WmiObject parent(String parentPath, List<WmiObject> rasd) throws VirtException {
        if (parentPath != null) {
            for (WmiObject r : rasd) {
                String id = r.string("InstanceID");
                if (id != null && parentPath.endsWith(id.replace("\\", "\\\\") + "\"")) {
                    return r;
                }
            }
        }
        throw HypervErrors.internal("Failed to locate parent device with ID '" + parentPath + "'");
    }

    /** {@code hypervDomainDefParseSerial}: "COM N" is port N, a pipe; no connection is "-1". */
    private static CharDevice serial(WmiObject port) {
        String name = port.string("ElementName");
        if (port.number("ResourceType", -1) != ResourceTypes.SERIAL_PORT || name == null || name.length() < 5
                || name.charAt(4) - '0' < 1) {
            return null;
        }
        String connection = first(port, "Connection");
        return CharDevice.builder().elementName("serial").type("pipe")
                .source(CharSource.builder().path(connection == null || connection.isEmpty() ? "-1" : connection)
                        .build())
                .target(CharTarget.builder().port(name.charAt(4) - '0').build()).build();
    }

    /** {@code hypervDomainDefParseEthernetAdapter}: only adapters connected to a switch and enabled. */
    private NetInterface net(WmiObject connection) throws VirtException {
        String switchPath = first(connection, "HostResource");
        if (switchPath == null || switchPath.isEmpty() || connection.number("EnabledState", 2) == 3) {
            return null;
        }
        WmiObject port = lookup.byPath("Msvm_SyntheticEthernetPortSettingData", connection.string("Parent"));
        if (port == null) {
            throw HypervErrors.internal("Could not retrieve NIC settings");
        }
        String mac = mac(port.string("Address"));
        WmiObject vswitch = lookup.byPath("Msvm_VirtualEthernetSwitch", switchPath);
        if (vswitch == null) {
            throw HypervErrors.internal("Could not retrieve virtual switch");
        }
        return NetInterface.builder().type("bridge").mac(mac)
                .source(NetSource.builder().bridge(vswitch.string("Name")).build()).build();
    }

    /** {@code virMacAddrParseHex}: twelve hex digits. */
    static String mac(String hex) throws VirtException {
        if (hex == null || !hex.matches("[0-9a-fA-F]{12}")) {
            throw HypervErrors.internal("Could not parse MAC address '" + hex + "'");
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 12; i += 2) {
            out.append(i == 0 ? "" : ":").append(hex, i, i + 2);
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    private static String first(WmiObject o, String property) {
        List<String> values = o.strings(property);
        return values.isEmpty() ? null : values.get(0);
    }
}
