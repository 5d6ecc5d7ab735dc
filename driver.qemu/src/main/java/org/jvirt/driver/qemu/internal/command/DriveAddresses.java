package org.jvirt.driver.qemu.internal.command;

import org.jvirt.api.xml.Address;
import org.jvirt.api.xml.DiskNames;

/** virDomainDiskDefAssignAddress: the drive address implied by a disk's target name. */
final class DriveAddresses {
    private DriveAddresses() {
    }

    /**
     * The drive address of target {@code dev} on {@code bus} (ide: two units on two buses per
     * controller, sata six units, fdc two, scsi seven), or null for other buses and names that
     * are no disk names.
     */
    static Address forTarget(String bus, String dev) {
        int idx = DiskNames.index(dev == null ? "" : dev);
        if (idx < 0 || bus == null) {
            return null;
        }
        return switch (bus) {
            case "ide" -> Address.drive(idx / 4, (idx % 4) / 2, 0, idx % 2);
            case "sata" -> Address.drive(idx / 6, 0, 0, idx % 6);
            case "fdc" -> Address.drive(idx / 2, 0, 0, idx % 2);
            case "scsi" -> Address.drive(idx / 7, 0, 0, idx % 7);
            default -> null;
        };
    }
}
