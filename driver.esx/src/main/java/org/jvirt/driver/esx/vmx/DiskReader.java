package org.jvirt.driver.esx.vmx;

import java.util.Locale;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Address;
import org.jvirt.api.xml.DeviceInfo;
import org.jvirt.api.xml.Disk;
import org.jvirt.api.xml.DiskBuilder;
import org.jvirt.api.xml.DiskDriver;
import org.jvirt.api.xml.DiskNames;
import org.jvirt.api.xml.DiskSource;
import org.jvirt.api.xml.DiskTarget;

/**
 * One drive of a VMX file (virVMXParseDisk): {@code scsiC:U}, {@code sataC:U}, {@code ideB:U} or
 * {@code floppyU}, read as a hard disk, a CD-ROM (an image, a host drive, raw access or SCSI
 * passthrough, the last two as {@code device='lun'}) or a floppy. A drive that is not of the kind
 * asked for answers null, so that the caller can ask for the other kind, as vmx.c does.
 */
final class DiskReader {
    private static final String CDROM_DEVICES = "/vmfs/devices/cdrom/";

    private final VmxConfig conf;
    private final VmxContext.FileNames files;
    private final int scsiUnits;

    DiskReader(VmxConfig conf, VmxContext.FileNames files, int scsiUnits) {
        this.conf = conf;
        this.files = files;
        this.scsiUnits = scsiUnits;
    }

    /** A hard disk, or else a CD-ROM, at that place; null when there is none. */
    Disk diskOrCdrom(String bus, int controllerOrBus, int unit) throws VirtException {
        Disk disk = read("disk", bus, controllerOrBus, unit);
        return disk != null ? disk : read("cdrom", bus, controllerOrBus, unit);
    }

    Disk floppy(int unit) throws VirtException {
        return read("floppy", "fdc", 0, unit);
    }

    private Disk read(String device, String bus, int controllerOrBus, int unit) throws VirtException {
        String prefix;
        String dst;
        switch (bus) {
            case "scsi" -> {
                prefix = "scsi" + controllerOrBus + ":" + unit;
                dst = DiskNames.name(controllerOrBus * 15 + (unit < 7 ? unit : unit - 1), "sd");
            }
            case "sata" -> {
                prefix = "sata" + controllerOrBus + ":" + unit;
                dst = DiskNames.name(controllerOrBus * 30 + unit, "sd");
            }
            case "ide" -> {
                prefix = "ide" + controllerOrBus + ":" + unit;
                dst = DiskNames.name(controllerOrBus * 2 + unit, "hd");
            }
            default -> {
                prefix = "floppy" + unit;
                dst = DiskNames.name(unit, "fd");
            }
        }
        boolean present = conf.bool(prefix + ".present", false);
        conf.bool(prefix + ".startConnected", true);
        if (!present) {
            return null;
        }
        String deviceType = conf.string(prefix + ".deviceType");
        boolean clientDevice = conf.bool(prefix + ".clientDevice", false);
        String mode = conf.string(prefix + ".mode");
        if (clientDevice) {
            // client devices are connected through the VI client; nothing to describe here
            return null;
        }
        String fileType = conf.string(prefix + ".fileType");
        String fileName = conf.string(prefix + ".fileName");
        boolean writeThrough = conf.bool(prefix + ".writeThrough", false);
        Drive d = new Drive(prefix, deviceType, fileName);
        DiskBuilder disk = Disk.builder().device(device);
        boolean found = switch (device) {
            case "disk" -> hardDisk(disk, d, bus, writeThrough, mode);
            case "cdrom" -> cdrom(disk, d, bus);
            default -> floppy(disk, d, fileType);
        };
        if (!found) {
            return null;
        }
        Address address = DriveSlots.assign(dst, bus, scsiUnits);
        return disk.target(DiskTarget.builder().dev(dst).bus(bus).build())
                .info(DeviceInfo.builder().address(address).build()).build();
    }

    private record Drive(String prefix, String deviceType, String fileName) {
        boolean typeIs(String type) {
            return deviceType != null && deviceType.equalsIgnoreCase(type);
        }

        boolean fileEndsWith(String suffix) {
            return fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(suffix);
        }

        VirtException unhandled() {
            return VmxErrors.internal("Invalid or not yet handled value '" + (fileName == null ? "(null)" : fileName)
                    + "' for VMX entry '" + prefix + ".fileName' for device type '"
                    + (deviceType == null ? "unknown" : deviceType) + "'");
        }

        VirtException expecting(String what) {
            return VmxErrors.internal("Expecting VMX entry '" + prefix + ".deviceType' to be " + what
                    + " but found '" + deviceType + "'");
        }
    }

    private boolean hardDisk(DiskBuilder disk, Drive d, String bus, boolean writeThrough, String mode)
            throws VirtException {
        if (d.fileName() == null || d.fileEndsWith(".iso") || d.fileName().equals("emptyBackingString")
                || d.typeIs("atapi-cdrom") || d.typeIs("cdrom-raw") || d.typeIs("cdrom-image")
                || (d.typeIs("scsi-passthru") && d.fileName().startsWith(CDROM_DEVICES))) {
            return false;
        }
        if (!d.fileEndsWith(".vmdk")) {
            throw d.unhandled();
        }
        if (d.deviceType() != null && !d.typeIs("disk")) {
            if (bus.equals("scsi") && !d.typeIs("scsi-hardDisk")) {
                throw d.expecting("'scsi-hardDisk' or 'disk'");
            } else if (bus.equals("ide") && !d.typeIs("ata-hardDisk")) {
                throw d.expecting("'ata-hardDisk' or 'disk'");
            }
        }
        disk.type("file").source(DiskSource.builder().file(files.parse(d.fileName(), false)).build());
        if (writeThrough) {
            disk.driver(DiskDriver.builder().cache("writethrough").build());
        }
        if (mode != null) {
            disk.transientDisk(mode.equalsIgnoreCase("independent-nonpersistent"));
        }
        return true;
    }

    private boolean cdrom(DiskBuilder disk, Drive d, String bus) throws VirtException {
        disk.readOnly(true);
        if (d.fileEndsWith(".vmdk")) {
            return false;
        } else if (d.fileEndsWith(".iso")) {
            if (d.deviceType() != null && !d.typeIs("cdrom-image")) {
                throw d.expecting("'cdrom-image'");
            }
            disk.type("file").source(fileSource(files.parse(d.fileName(), true)));
        } else if (d.typeIs("atapi-cdrom") || d.typeIs("cdrom-raw")) {
            // raw access CD-ROMs are device='lun'
            disk.type("block").device(d.typeIs("cdrom-raw") ? "lun" : "cdrom").source(hostDrive(d.fileName()));
        } else if (bus.equals("scsi") && d.typeIs("scsi-passthru")) {
            if (d.fileName() == null || !d.fileName().startsWith(CDROM_DEVICES)) {
                return false;
            }
            disk.type("block").device("lun").source(DiskSource.builder().dev(d.fileName()).build());
        } else if (d.fileName() != null && (d.fileName().equals("emptyBackingString") || d.fileName().isEmpty())) {
            // an empty file name is what ESX 8 writes for a drive without media
            if (d.deviceType() != null && !d.typeIs("cdrom-image")) {
                throw d.expecting("'cdrom-image'");
            }
            disk.type("file");
        } else {
            throw d.unhandled();
        }
        return true;
    }

    private boolean floppy(DiskBuilder disk, Drive d, String fileType) throws VirtException {
        if ("device".equalsIgnoreCase(fileType)) {
            disk.type("block").source(d.fileName() == null ? null : DiskSource.builder().dev(d.fileName()).build());
        } else if ("file".equalsIgnoreCase(fileType)) {
            disk.type("file").source(d.fileName() == null ? null : fileSource(files.parse(d.fileName(), false)));
        } else {
            throw d.unhandled();
        }
        return true;
    }

    private static DiskSource fileSource(String path) {
        return path == null ? null : DiskSource.builder().file(path).build();
    }

    /** A host drive; {@code auto detect} means whichever drive there is, so the source is optional. */
    private static DiskSource hostDrive(String fileName) {
        if (fileName != null && fileName.equalsIgnoreCase("auto detect")) {
            return DiskSource.builder().startupPolicy("optional").build();
        }
        return fileName == null ? null : DiskSource.builder().dev(fileName).build();
    }
}
