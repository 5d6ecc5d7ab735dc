package org.jvirt.driver.qemu.internal.hotplug;

import java.util.List;
import java.util.Map;

import org.jvirt.api.xml.CharDevice;
import org.jvirt.api.xml.Device;
import org.jvirt.api.xml.Disk;
import org.jvirt.api.xml.DiskNames;

/**
 * Names and orders of device kinds as libvirt's domain_conf knows them: the kind
 * {@code virDomainDeviceTypeToString} prints in "persistent attach of device '%s'", the order the
 * kinds format in, and the bus a disk target's name implies before the driver's defaults.
 */
public final class DeviceKinds {
    /** libvirt's formatting order of {@code <devices>} children. */
    private static final List<String> FORMAT_ORDER = List.of("disk", "controller", "lease", "filesystem",
            "interface", "smartcard", "serial", "parallel", "console", "channel", "input", "tpm", "graphics",
            "sound", "audio", "video", "hostdev", "redirdev", "redirfilter", "hub", "watchdog", "memballoon", "rng",
            "nvram", "panic", "shmem", "memory", "iommu", "vsock", "crypto", "pstore");
    /** Element names whose virDomainDeviceType has another name. */
    private static final Map<String, String> TYPE_NAMES = Map.of("serial", "chr", "parallel", "chr", "console", "chr",
            "channel", "chr");

    private DeviceKinds() {
    }

    /** virDomainDeviceTypeToString of the device's type. */
    public static String typeName(Device d) {
        if (d instanceof CharDevice) {
            return "chr";
        }
        return TYPE_NAMES.getOrDefault(d.elementName(), d.elementName());
    }

    static int formatRank(Device d) {
        int i = FORMAT_ORDER.indexOf(d.elementName());
        return i < 0 ? FORMAT_ORDER.size() : i;
    }

    /** The disk's bus: as written, else the one its target's prefix implies (libvirt's post-parse default). */
    public static String diskBus(Disk d) {
        if (d.targetBus() != null) {
            return d.targetBus();
        }
        String dev = d.targetDev() == null ? "" : d.targetDev();
        if (dev.startsWith("hd")) {
            return "ide";
        } else if (dev.startsWith("sd")) {
            return "scsi";
        } else if (dev.startsWith("vd")) {
            return "virtio";
        } else if (dev.startsWith("fd")) {
            return "fdc";
        } else if (dev.startsWith("xvd")) {
            return "xen";
        } else if (dev.startsWith("ubd")) {
            return "uml";
        }
        return "ide";
    }

    /** virDiskNameToIndex, -1 for a name that is none. */
    static int diskIndex(Disk d) {
        return d.targetDev() == null ? -1 : DiskNames.index(d.targetDev());
    }
}
