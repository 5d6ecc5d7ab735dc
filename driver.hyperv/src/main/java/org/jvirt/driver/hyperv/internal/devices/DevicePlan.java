package org.jvirt.driver.hyperv.internal.devices;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Address;
import org.jvirt.api.xml.CharDevice;
import org.jvirt.api.xml.Controller;
import org.jvirt.api.xml.Devices;
import org.jvirt.api.xml.Disk;
import org.jvirt.api.xml.DiskNames;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.NetInterface;
import org.jvirt.driver.hyperv.internal.wsman.HypervErrors;

/**
 * What define will attach, read from the domain XML and checked completely before DefineSystem, so
 * that XML the driver cannot carry out creates nothing. libvirt's {@code hypervDomainDefineXML}
 * finds most of these problems only while attaching (and then rolls back); the messages are
 * libvirt's where it has one. Drive addresses missing from the XML are assigned from the target
 * name as libvirt's {@code virDomainDiskDefAssignAddress} does; SCSI controllers referred to by a
 * disk exist as {@code virDomainDefAddImplicitControllers} adds them.
 *
 * @param scsiControllers SCSI controllers to create (Hyper-V: at most 4)
 * @param disks           disks in XML order
 * @param serials         serial ports in XML order
 * @param nets            network adapters in XML order
 */
public record DevicePlan(int scsiControllers, List<DiskPlan> disks, List<SerialPlan> serials, List<NetPlan> nets) {
    /** libvirt's HYPERV_MAX_SCSI_CONTROLLERS and HYPERV_MAX_DRIVES_PER_SCSI_CONTROLLER. */
    static final int MAX_SCSI_CONTROLLERS = 4;
    static final int MAX_SCSI_UNITS = 64;
    /** Hyper-V's IDE: two channels (libvirt's drive bus) of two drives. */
    static final int IDE_CHANNELS = 2;
    static final int IDE_UNITS = 2;

    /**
     * A disk: {@code channel} is the IDE channel (the drive address's bus) or the SCSI controller.
     *
     * @param bus    ide, scsi or fdc
     * @param device disk, cdrom or floppy
     * @param block  a physical disk ({@code type='block'}) rather than an image file
     */
    public record DiskPlan(String dev, String bus, String device, boolean block, String path, int channel, int unit) {
    }

    /** A serial port: COM {@code port}, connected to the named pipe {@code path} ("-1": none). */
    public record SerialPlan(int port, String path) {
    }

    /** A synthetic network adapter with a static MAC, connected to the virtual switch {@code switchName}. */
    public record NetPlan(String mac, String switchName) {
    }

    public static DevicePlan of(DomainDef def) throws VirtException {
        Devices devices = def.devices() == null ? Devices.NONE : def.devices();
        List<DiskPlan> disks = new ArrayList<>();
        TreeSet<Integer> scsi = new TreeSet<>();
        for (Controller c : devices.ofType(Controller.class)) {
            if ("scsi".equals(c.type())) {
                checkScsiController(c);
                scsi.add(c.index());
            }
        }
        for (Disk disk : devices.disks()) {
            DiskPlan plan = disk(disk);
            if (plan.bus().equals("scsi")) {
                for (int i = 0; i <= plan.channel(); i++) {
                    scsi.add(i);
                }
            }
            disks.add(plan);
        }
        if (!scsi.isEmpty() && (scsi.last() >= MAX_SCSI_CONTROLLERS || scsi.last() != scsi.size() - 1)) {
            throw unsupported("Hyper-V has SCSI controllers 0 to " + (MAX_SCSI_CONTROLLERS - 1)
                    + " numbered without gaps, not " + scsi);
        }
        List<SerialPlan> serials = new ArrayList<>();
        for (CharDevice c : devices.ofType(CharDevice.class)) {
            if (c.elementName().equals("serial")) {
                serials.add(serial(c));
            }
        }
        List<NetPlan> nets = new ArrayList<>();
        for (NetInterface net : devices.interfaces()) {
            nets.add(net(net));
        }
        return new DevicePlan(scsi.size(), disks, serials, nets);
    }

    private static void checkScsiController(Controller c) throws VirtException {
        if (c.model() != null && !c.model().equals("auto")) {
            throw HypervErrors.of(ErrorCode.CONFIG_UNSUPPORTED, "Unsupported SCSI controller model '" + c.model() + "'");
        }
        Address addr = c.info() == null ? null : c.info().address();
        if (addr != null && addr.type() != null) {
            throw HypervErrors.of(ErrorCode.CONFIG_UNSUPPORTED, "Unsupported SCSI controller address type '"
                    + addr.type() + "'");
        }
    }

    /** {@code hypervDomainAttachStorage} and {@code hypervDomainAttachStorageVolume}'s checks, made first. */
    private static DiskPlan disk(Disk disk) throws VirtException {
        String bus = disk.targetBus();
        String device = disk.device() == null ? "disk" : disk.device();
        String dev = disk.targetDev();
        if (bus == null || !List.of("ide", "scsi", "fdc").contains(bus)) {
            throw HypervErrors.internal("Unsupported controller type");
        }
        if (!List.of("disk", "cdrom", "floppy").contains(device)) {
            throw HypervErrors.internal("Unsupported disk bus");
        }
        String type = disk.type() == null ? "file" : disk.type();
        boolean block = type.equals("block");
        if (!type.equals("file") && !(block && device.equals("disk"))) {
            throw HypervErrors.internal("Unsupported disk type");
        }
        if (disk.sourcePath() == null || disk.sourcePath().isEmpty()) {
            throw HypervErrors.of(ErrorCode.CONFIG_UNSUPPORTED, "disk '" + dev + "' has no source: Hyper-V"
                    + " attaches only drives with an image or a physical disk");
        }
        if (device.equals("floppy") != bus.equals("fdc")) {
            throw unsupported("disk '" + dev + "': floppies are on the fdc bus, nothing else is");
        }
        Address addr = disk.info() == null ? null : disk.info().address();
        if (addr != null && addr.type() != null && !addr.is("drive")) {
            throw HypervErrors.internal("Unsupported disk address type");
        }
        int index = DiskNames.index(dev);
        int controller;
        int channel;
        int unit;
        if (addr != null && addr.is("drive")) {
            controller = value(addr.controller());
            channel = value(addr.bus());
            unit = value(addr.unit());
        } else if (index < 0) {
            throw HypervErrors.of(ErrorCode.XML_ERROR, "invalid disk target '" + dev + "'");
        } else if (bus.equals("ide")) {
            controller = index / 4;
            channel = index % 4 / 2;
            unit = index % 2;
        } else if (bus.equals("scsi")) {
            controller = index / 7;
            channel = 0;
            unit = index % 7;
        } else {
            controller = 0;
            channel = 0;
            unit = index;
        }
        switch (bus) {
            case "ide" -> {
                if (controller != 0 || channel < 0 || channel >= IDE_CHANNELS || unit < 0 || unit >= IDE_UNITS) {
                    throw unsupported("disk '" + dev + "': Hyper-V's IDE controller has channels 0 and 1 of units"
                            + " 0 and 1, not controller " + controller + " bus " + channel + " unit " + unit);
                }
                return new DiskPlan(dev, bus, device, block, disk.sourcePath(), channel, unit);
            }
            case "scsi" -> {
                if (controller < 0 || controller >= MAX_SCSI_CONTROLLERS || unit < 0 || unit >= MAX_SCSI_UNITS) {
                    throw unsupported("disk '" + dev + "': Hyper-V has SCSI controllers 0 to 3 of units 0 to 63,"
                            + " not controller " + controller + " unit " + unit);
                }
                return new DiskPlan(dev, bus, device, block, disk.sourcePath(), controller, unit);
            }
            default -> {
                if (unit != 0) {
                    throw unsupported("disk '" + dev + "': Hyper-V has one floppy drive");
                }
                return new DiskPlan(dev, bus, device, block, disk.sourcePath(), 0, 0);
            }
        }
    }

    /** {@code hypervDomainAttachSerial} connects a COM port to a named pipe; "-1" leaves it unconnected. */
    private static SerialPlan serial(CharDevice c) throws VirtException {
        if (!"pipe".equals(c.type())) {
            throw unsupported("serial port type '" + c.type() + "': Hyper-V's COM ports connect to named pipes"
                    + " (type 'pipe')");
        }
        String path = c.source() == null ? null : c.source().path();
        if (path == null || path.isEmpty()) {
            throw unsupported("serial port without a pipe path (use '-1' for an unconnected port)");
        }
        Integer port = c.target() == null ? null : c.target().port();
        return new SerialPlan(port == null ? 0 : port, path);
    }

    /** {@code hypervDomainAttachSyntheticEthernetAdapter}: a bridge whose name is the switch's Name. */
    private static NetPlan net(NetInterface net) throws VirtException {
        String bridge = net.source() == null ? null : net.source().bridge();
        if (!"bridge".equals(net.type()) || bridge == null || bridge.isEmpty()) {
            throw unsupported("interface type '" + net.type() + "': Hyper-V connects network adapters to a"
                    + " virtual switch, given as <interface type='bridge'> with <source bridge='switch Name'/>");
        }
        return new NetPlan(net.mac(), bridge);
    }

    private static int value(Integer i) {
        return i == null ? 0 : i;
    }


    /** libvirt's {@code virIndexToDiskName}: 0 {@code hda}, 25 {@code hdz}, 26 {@code hdaa}. */
    static String diskName(int index, String prefix) {
        StringBuilder out = new StringBuilder();
        for (int i = index; i >= 0; i = i / 26 - 1) {
            out.insert(0, (char) ('a' + i % 26));
        }
        return prefix + out;
    }

    private static VirtException unsupported(String detail) {
        return HypervErrors.of(ErrorCode.CONFIG_UNSUPPORTED, detail);
    }
}
