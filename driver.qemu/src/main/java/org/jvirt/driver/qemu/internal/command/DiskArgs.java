package org.jvirt.driver.qemu.internal.command;

import java.util.List;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Address;
import org.jvirt.api.xml.Controller;
import org.jvirt.api.xml.Disk;
import org.jvirt.api.xml.DiskDriver;
import org.jvirt.api.xml.DiskEncryption;
import org.jvirt.api.xml.DiskGeometry;
import org.jvirt.api.xml.DiskNames;
import org.jvirt.api.xml.DiskSource;

/** Disks as {@code -blockdev} storage and format nodes plus their frontend {@code -device}. */
final class DiskArgs {
    private static final DiskDriver NO_DRIVER = DiskDriver.builder().build();

    private final QemuMachine m;
    private final BootIndex boot;
    private final CommandEnv env;

    DiskArgs(QemuMachine m, CommandEnv env) {
        this.m = m;
        this.env = env;
        this.boot = new BootIndex(m.def());
    }

    void disks(Argv a) throws VirtException {
        List<Disk> disks = m.def().devices().disks();
        for (Disk disk : disks) {
            if ("fdc".equals(disk.targetBus()) && boot.of(disk) != null) {
                int unit = unit(disk.info().address());
                a.add("-global", "isa-fdc.bootindex" + (unit == 0 ? "A" : "B") + "=" + boot.of(disk));
            }
        }
        // libvirt numbers storage nodes per disk, the last disk first
        int node = disks.size();
        for (Disk disk : disks) {
            String nodeName = null;
            if (hasSource(disk.source())) {
                nodeName = blockdev(a, disk, node);
            }
            node--;
            device(a, disk, nodeName);
        }
    }

    /**
     * One disk plugged into a running guest as storage node {@code n}: its nodes and frontend as a
     * start would write them (libvirt's qemuDomainAttachDiskGeneric builds the same props), so a
     * hot-plugged disk is named like a cold-plugged one.
     */
    void hotplug(Argv a, Disk disk, int n) throws VirtException {
        String nodeName = hasSource(disk.source()) ? blockdev(a, disk, n) : null;
        device(a, disk, nodeName);
    }

    /** The storage (and format) nodes of a new medium for {@code disk}, numbered {@code n}; returns the top node. */
    String medium(Argv a, Disk disk, int n) throws VirtException {
        return blockdev(a, disk, n);
    }

    static boolean hasSource(DiskSource s) {
        return s != null && (s.file() != null || s.dev() != null || s.name() != null || s.dir() != null
                || s.protocol() != null);
    }

    /** Writes the secrets and the storage (and format) nodes; returns the node the frontend attaches to. */
    private String blockdev(Argv a, Disk disk, int n) throws VirtException {
        String type = disk.type() == null ? "file" : disk.type();
        DiskSource src = disk.source();
        DiskDriver driver = driver(disk);
        String format = driver.type() == null ? "raw" : driver.type();
        boolean readOnly = disk.readOnly() || "cdrom".equals(disk.device());
        Json cache = cacheJson(driver.cache());
        DiskEncryption enc = StorageSecrets.encryption(disk);
        // libvirt's qemuBlockStorageSourceNeedsFormatLayer: QEMU's LUKS on a raw image is a format node
        boolean formatLayer = !format.equals("raw") || StorageSecrets.qemuDecrypts(enc);
        String storageName = "libvirt-" + n + "-storage";
        String formatName = "libvirt-" + n + "-format";
        StorageSecrets secrets = new StorageSecrets(disk, storageName, formatLayer ? formatName : storageName);
        secrets.objects(a, env.secrets());
        Json storage = Json.object();
        switch (type) {
            case "block" -> storage.put("driver", "cdrom".equals(disk.device()) && env.host().isCdrom(src.dev())
                    ? "host_cdrom" : "host_device").put("filename", src.dev());
            case "network" -> NetworkStorage.props(storage, src, secrets);
            default -> storage.put("driver", "file").put("filename", src.file());
        }
        if (driver.io() != null && !type.equals("network")) {
            storage.put("aio", driver.io());
        }
        storage.put("node-name", storageName);
        if (formatLayer) {
            storage.put("auto-read-only", true).put("discard", "unmap");
        } else {
            storage.put("read-only", readOnly).put("discard", driver.discard())
                    .put("detect-zeroes", driver.detectZeroes());
        }
        storage.put("cache", cache);
        a.add("-blockdev", storage.toString());
        if (!formatLayer) {
            return storageName;
        }
        Json fmt = Json.object().put("node-name", formatName).put("read-only", readOnly)
                .put("discard", driver.discard()).put("detect-zeroes", driver.detectZeroes())
                .put("cache", cache);
        formatDriver(fmt, format, enc, secrets);
        fmt.put("file", storageName);
        a.add("-blockdev", fmt.toString());
        return formatName;
    }

    /** libvirt's qemuBlockStorageSourceGetBlockdevFormatProps: raw with QEMU's LUKS is the luks driver. */
    private static void formatDriver(Json fmt, String format, DiskEncryption enc, StorageSecrets secrets) {
        boolean qemuLuks = StorageSecrets.qemuDecrypts(enc) && "luks".equals(enc.format());
        String key = secrets.encryptionAliases.isEmpty() ? null : secrets.encryptionAliases.get(0);
        if (format.equals("raw")) {
            fmt.put("driver", qemuLuks ? "luks" : "raw");
            if (qemuLuks) {
                fmt.put("key-secret", key);
            }
            return;
        }
        fmt.put("driver", format);
        if (qemuLuks && format.equals("qcow2")) {
            fmt.put("encrypt", Json.object().put("format", "luks").put("key-secret", key));
        }
    }

    private static Json cacheJson(String mode) {
        if (mode == null || mode.equals("default")) {
            return null;
        }
        boolean direct = mode.equals("none") || mode.equals("directsync");
        boolean noFlush = mode.equals("unsafe");
        return Json.object().put("direct", direct).put("no-flush", noFlush);
    }

    private void device(Argv a, Disk disk, String nodeName) {
        String bus = disk.targetBus() == null ? "" : disk.targetBus();
        String devType = disk.device() == null ? "disk" : disk.device();
        Address addr = disk.info().address();
        DiskDriver driver = driver(disk);
        Json j = Json.object();
        Integer bootIndex = boot.of(disk);
        switch (bus) {
            case "ide", "sata" -> {
                j.put("driver", devType.equals("cdrom") ? "ide-cd" : "ide-hd");
                int ctrl = controller(addr);
                int busNo = bus(addr);
                int unit = unit(addr);
                if (bus.equals("ide")) {
                    j.put("bus", "ide." + busNo).put("unit", unit);
                } else {
                    j.put("bus", (m.isQ35() && ctrl == 0 ? "ide" : "sata" + ctrl) + "." + unit);
                }
                j.put("drive", nodeName).put("id", bus + ctrl + "-" + busNo + "-" + unit);
            }
            case "fdc" -> {
                int unit = unit(addr);
                j.put("driver", "floppy").put("unit", unit).put("drive", nodeName).put("id", "fdc0-0-" + unit);
                bootIndex = null;
            }
            case "virtio" -> {
                j.put("driver", "virtio-blk-pci");
                VirtioOptions.put(j, driver.iommu(), driver.ats(), driver.packed(), driver.pagePerVq());
                j.putOnOff("ioeventfd", driver.ioeventfd());
                j.putOnOff("event_idx", driver.eventIdx());
                if (driver.iothread() != null) {
                    j.put("iothread", "iothread" + driver.iothread());
                }
                j.put("num-queues", driver.queues()).put("queue-size", driver.queueSize());
                ControllerArgs.putIothreadVqMapping(j, driver.iothreads());
                PciBus.put(m, disk.info(), j);
                j.put("drive", nodeName).put("id", "virtio-disk" + DiskNames.index(disk.targetDev()));
            }
            case "scsi" -> scsi(j, devType, addr, nodeName);
            case "usb" -> {
                j.put("driver", "usb-storage");
                UsbBus.put(disk.info(), j);
                j.put("drive", nodeName).put("id", "usb-disk" + DiskNames.index(disk.targetDev()))
                        .put("removable", "on".equals(disk.target().removable()));
            }
            default -> {
                return;
            }
        }
        j.put("bootindex", bootIndex);
        frontendOptions(j, disk, driver);
        a.device(j);
    }

    private void scsi(Json j, String devType, Address addr, String nodeName) {
        // a LUN passes SCSI commands through (scsi-block), which has no device_id
        boolean lun = devType.equals("lun");
        j.put("driver", lun ? "scsi-block" : devType.equals("cdrom") ? "scsi-cd" : "scsi-hd");
        String deviceId = lun ? null : "drive-scsi";
        int ctrl = controller(addr);
        int busNo = bus(addr);
        int target = addr == null || addr.target() == null ? 0 : addr.target();
        int unit = unit(addr);
        Controller c = m.controller("scsi", ctrl);
        String model = c == null || c.model() == null ? "lsilogic" : c.model();
        if (model.startsWith("virtio") || model.equals("vmpvscsi")) {
            String suffix = ctrl + "-" + busNo + "-" + target + "-" + unit;
            j.put("bus", "scsi" + ctrl + ".0").put("channel", busNo).put("scsi-id", target).put("lun", unit)
                    .put("device_id", deviceId == null ? null : deviceId + suffix).put("drive", nodeName)
                    .put("id", "scsi" + suffix);
        } else {
            String suffix = ctrl + "-" + busNo + "-" + unit;
            j.put("bus", "scsi" + ctrl + ".0").put("scsi-id", unit)
                    .put("device_id", deviceId == null ? null : deviceId + suffix)
                    .put("drive", nodeName).put("id", "scsi" + suffix);
        }
    }

    /** Geometry, WWN, serial, rotation rate, vendor/product, write cache and error policies. */
    private static void frontendOptions(Json j, Disk disk, DiskDriver driver) {
        DiskGeometry geo = disk.geometry();
        if (geo != null) {
            j.put("cyls", geo.cyls()).put("heads", geo.heads()).put("secs", geo.secs()).put("bios-chs-trans", geo.trans());
        }
        if (disk.wwn() != null) {
            // libvirt keeps the WWN as written and converts it here (virStrToLong_ull base 16)
            String wwn = disk.wwn().trim();
            j.put("wwn", Long.parseUnsignedLong(wwn.startsWith("0x") ? wwn.substring(2) : wwn, 16));
        }
        j.put("serial", disk.serial()).put("rotation_rate", disk.target().rotationRate());
        j.put("vendor", disk.vendor()).put("product", disk.product());
        String cacheMode = driver.cache();
        if (cacheMode != null && !cacheMode.equals("default")) {
            j.put("write-cache", cacheMode.equals("writethrough") || cacheMode.equals("directsync") ? "off" : "on");
        }
        if (driver.errorPolicy() != null) {
            String w = driver.errorPolicy();
            String r = driver.rerrorPolicy() != null ? driver.rerrorPolicy() : w;
            j.put("werror", w);
            if (!r.equals("enospace")) {
                j.put("rerror", r);
            }
        } else if (driver.rerrorPolicy() != null) {
            j.put("rerror", driver.rerrorPolicy());
        }
    }

    private static DiskDriver driver(Disk disk) {
        return disk.driver() == null ? NO_DRIVER : disk.driver();
    }

    private static int controller(Address a) {
        return a == null || a.controller() == null ? 0 : a.controller();
    }

    private static int bus(Address a) {
        return a == null || a.bus() == null ? 0 : a.bus();
    }

    private static int unit(Address a) {
        return a == null || a.unit() == null ? 0 : a.unit();
    }
}
