package org.jvirt.driver.esx.vmx;

import java.util.Locale;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Disk;
import org.jvirt.api.xml.DiskNames;

/** One drive as VMX entries (virVMXFormatDisk, virVMXFormatFloppy). */
final class DiskFormatter {
    private static final String CDROM_DEVICES = "/vmfs/devices/cdrom/";

    private final VmxContext.FileNames files;

    DiskFormatter(VmxContext.FileNames files) {
        this.files = files;
    }

    void disk(Disk d, VmxLines out) throws VirtException {
        String bus = DeviceText.bus(d);
        String device = DeviceText.device(d);
        String type = DeviceText.type(d);
        if (!type.equals("file") && !type.equals("block")) {
            throw VmxErrors.unsupported(bus + " " + device + " '" + d.targetDev() + "' has unsupported type '" + type
                    + "', expecting 'file' or 'block'");
        }
        int[] place = switch (bus) {
            case "scsi" -> scsiPlace(d.targetDev());
            case "ide" -> idePlace(d.targetDev());
            default -> throw VmxErrors.unsupported("Unsupported bus type '" + bus + "' for " + device);
        };
        String src = d.sourcePath();
        String vmxDeviceType;
        if (device.equals("disk") && type.equals("file")) {
            vmxDeviceType = bus.equals("scsi") ? "scsi-hardDisk" : "ata-hardDisk";
        } else if (device.equals("cdrom")) {
            vmxDeviceType = type.equals("file") ? "cdrom-image" : "atapi-cdrom";
        } else if (device.equals("lun")) {
            vmxDeviceType = bus.equals("scsi") && src != null && src.startsWith(CDROM_DEVICES) ? "scsi-passthru"
                    : "cdrom-raw";
        } else {
            throw VmxErrors.unsupported(bus + " " + device + " '" + d.targetDev() + "' has an unsupported type '" + type
                    + "'");
        }
        String prefix = bus + place[0] + ":" + place[1] + ".";
        out.put(prefix + "present", "true").put(prefix + "deviceType", vmxDeviceType);
        if (type.equals("file")) {
            String extension = device.equals("disk") ? ".vmdk" : ".iso";
            String fileName;
            if (src != null) {
                if (!src.toLowerCase(Locale.ROOT).endsWith(extension)) {
                    throw VmxErrors.internal("Image file for " + bus + " " + device + " '" + d.targetDev()
                            + "' has unsupported suffix, expecting '" + extension + "'");
                }
                fileName = files.format(src);
            } else if (device.equals("cdrom")) {
                fileName = "emptyBackingString";
            } else {
                throw VmxErrors.internal("Image file for " + bus + " " + device + " '" + d.targetDev()
                        + "' is missing");
            }
            out.put(prefix + "fileName", fileName);
        } else if (src == null && d.source() != null && "optional".equals(d.source().startupPolicy())) {
            out.put(prefix + "autodetect", "true").put(prefix + "fileName", "auto detect");
        } else {
            out.put(prefix + "fileName", src);
        }
        if (bus.equals("scsi")) {
            String cache = d.driver() == null ? null : d.driver().cache();
            if ("writethrough".equals(cache)) {
                out.put(prefix + "writeThrough", "true");
            } else if (cache != null && !cache.equals("default")) {
                throw VmxErrors.unsupported(bus + " harddisk '" + d.targetDev() + "' has unsupported cache mode '"
                        + cache + "'");
            }
        }
        if (d.transientDisk()) {
            out.put(prefix + "mode", "independent-nonpersistent");
        }
    }

    /** Writes a floppy drive and answers its unit. */
    int floppy(Disk d, VmxLines out) throws VirtException {
        int unit = index(d.targetDev(), "fd");
        if (unit >= 2) {
            throw VmxErrors.internal("Floppy disk index (parsed from '" + d.targetDev() + "') is too large");
        }
        String type = DeviceText.type(d);
        String src = d.sourcePath();
        String prefix = "floppy" + unit + ".";
        out.put(prefix + "present", "true");
        if (type.equals("file")) {
            out.put(prefix + "fileType", "file");
            if (src != null) {
                out.put(prefix + "fileName", files.format(src));
            }
        } else if (type.equals("block")) {
            out.put(prefix + "fileType", "device");
            if (src != null) {
                out.put(prefix + "fileName", src);
            }
        } else {
            throw VmxErrors.unsupported("Floppy '" + d.targetDev() + "' has unsupported type '" + type
                    + "', expecting 'file' or 'block'");
        }
        return unit;
    }

    /** virVMXSCSIDiskNameToControllerAndUnit: 15 disks a controller, unit 7 skipped. */
    private static int[] scsiPlace(String dev) throws VirtException {
        int idx = index(dev, "sd");
        if (idx >= 4 * 15) {
            throw VmxErrors.internal("SCSI disk index (parsed from '" + dev + "') is too large");
        }
        int unit = idx % 15;
        return new int[] {idx / 15, unit >= 7 ? unit + 1 : unit};
    }

    /** virVMXIDEDiskNameToBusAndUnit: 2 buses of 2 units. */
    private static int[] idePlace(String dev) throws VirtException {
        int idx = index(dev, "hd");
        if (idx >= 2 * 2) {
            throw VmxErrors.internal("IDE disk index (parsed from '" + dev + "') is too large");
        }
        return new int[] {idx / 2, idx % 2};
    }

    private static int index(String dev, String prefix) throws VirtException {
        if (dev == null || !dev.startsWith(prefix)) {
            throw VmxErrors.internal("Expecting domain XML attribute 'dev' of entry 'devices/disk/target' to start with '"
                    + prefix + "'");
        }
        int idx = DiskNames.index(dev);
        if (idx < 0) {
            throw VmxErrors.internal("Could not parse valid disk index from '" + dev + "'");
        }
        return idx;
    }
}
