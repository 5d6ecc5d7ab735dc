package org.jvirt.driver.qemu.internal.hotplug;

import java.util.Objects;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Address;
import org.jvirt.api.xml.Disk;
import org.jvirt.api.xml.DomainDef;

/**
 * Which disks go into and out of a running guest, with libvirt 9.0's words
 * (qemuDomainAttachDeviceDiskLiveInternal, qemuDomainDetachPrepDisk): virtio, SCSI and USB disks
 * and LUNs, SCSI and USB cdroms; never a floppy, a virtio cdrom, a USB LUN; IDE, SATA and
 * floppy-controller disks go to QEMU, which refuses them; other buses (Xen, UML, SD) are refused here.
 */
public final class DiskBuses {
    private DiskBuses() {
    }

    /**
     * Refuses a disk that cannot be plugged into a running guest. IDE, SATA and floppy-controller
     * disks pass: libvirt 9.0 reports "disk bus '%s' cannot be hotplugged." for them but goes on
     * (its switch lacks the jump to cleanup), so what its callers see is QEMU's refusal of the
     * {@code device_add} ("Bus 'ide.0' does not support hotplugging"); jvirt lets QEMU answer too.
     */
    public static void checkAttach(Disk disk) throws VirtException {
        String device = device(disk);
        String bus = DeviceKinds.diskBus(disk);
        boolean removable = device.equals("cdrom") || device.equals("floppy");
        if (removable && bus.equals("virtio")) {
            // virDomainDiskDefValidate, when the device XML is parsed
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.DOMAIN,
                    "disk type of '" + disk.targetDev() + "' does not support ejectable media");
        }
        if (device.equals("floppy")) {
            throw unsupported("floppy device hotplug isn't supported");
        }
        switch (bus) {
            case "usb" -> {
                if (device.equals("lun")) {
                    throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                            "disk device='lun' is not supported for usb bus");
                }
            }
            case "virtio", "ide", "sata", "fdc" -> {
                // QEMU decides for the last three
            }
            case "scsi" -> {
                Address a = disk.info().address();
                if (a != null && !a.is("drive")) {
                    throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU,
                            "unexpected disk address type " + a.type());
                }
            }
            default -> throw unsupported("disk bus '" + bus + "' cannot be hotplugged.");
        }
    }

    /** Refuses a disk of the running guest that cannot be unplugged. */
    public static void checkDetach(Disk disk) throws VirtException {
        String device = device(disk);
        String bus = DeviceKinds.diskBus(disk);
        boolean pluggableBus = bus.equals("virtio") || bus.equals("usb") || bus.equals("scsi");
        switch (device) {
            case "disk", "lun" -> {
                if (!pluggableBus) {
                    throw unsupported("This type of disk cannot be hot unplugged");
                }
            }
            case "cdrom" -> {
                if (!bus.equals("usb") && !bus.equals("scsi")) {
                    throw unsupported("disk device type 'cdrom' cannot be detached");
                }
            }
            default -> throw unsupported("disk device type '" + device + "' cannot be detached");
        }
    }

    /**
     * virDomainSCSIDriveAddressIsUsed for a disk: another SCSI disk of {@code live} on the same
     * controller, bus, target and unit.
     */
    public static void checkScsiAddressFree(DomainDef live, Disk disk) throws VirtException {
        Address a = disk.info().address();
        for (Disk d : live.devices().disks()) {
            Address b = d.info().address();
            if ("scsi".equals(DeviceKinds.diskBus(d)) && b != null && b.is("drive") && sameDrive(a, b)) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                        "Domain already contains a disk with that address");
            }
        }
    }

    private static boolean sameDrive(Address a, Address b) {
        return num(a.controller()) == num(b.controller()) && num(a.bus()) == num(b.bus())
                && num(a.target()) == num(b.target()) && num(a.unit()) == num(b.unit());
    }

    private static int num(Integer n) {
        return Objects.requireNonNullElse(n, 0);
    }

    private static String device(Disk d) {
        return d.device() == null ? "disk" : d.device();
    }

    private static VirtException unsupported(String detail) {
        return new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.QEMU, detail);
    }
}
