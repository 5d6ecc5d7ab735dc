package org.jvirt.driver.esx.vmx;

import org.jvirt.api.xml.Address;
import org.jvirt.api.xml.DiskNames;

/**
 * Drive addresses of disk target names: libvirt's virDomainDiskDefAssignAddress with the VMX
 * parser's wide SCSI buses (unit 7 is the controller). Names and indexes: {@link DiskNames}.
 */
final class DriveSlots {
    /** Units on a SCSI bus before virtual hardware 13 (SCSI_WIDE_BUS_MAX_CONT_UNIT). */
    static final int WIDE_SCSI_UNITS = 16;
    /** Units on a SCSI bus from virtual hardware 13 on (SCSI_SUPER_WIDE_BUS_MAX_CONT_UNIT). */
    static final int SUPER_WIDE_SCSI_UNITS = 64;
    /** The unit the SCSI controller itself takes. */
    static final int SCSI_CONTROLLER_UNIT = 7;

    private DriveSlots() {
    }

    /**
     * virDomainDiskDefAssignAddress for the buses VMX knows, or null for another bus or a name
     * without an index.
     *
     * @param scsiUnits units on a SCSI bus ({@link #WIDE_SCSI_UNITS} or {@link #SUPER_WIDE_SCSI_UNITS})
     */
    static Address assign(String dev, String bus, int scsiUnits) {
        int idx = DiskNames.index(dev);
        if (idx < 0 || bus == null) {
            return null;
        }
        return switch (bus) {
            case "scsi" -> {
                int unit = idx % (scsiUnits - 1);
                yield drive(idx / (scsiUnits - 1), 0, unit >= SCSI_CONTROLLER_UNIT ? unit + 1 : unit);
            }
            case "sata" -> drive(idx / 6, 0, idx % 6);
            case "ide" -> drive(idx / 4, (idx % 4) / 2, idx % 2);
            case "fdc" -> drive(idx / 2, 0, idx % 2);
            default -> null;
        };
    }

    static Address drive(int controller, int bus, int unit) {
        return Address.builder().type("drive").controller(controller).bus(bus).target(0).unit(unit).build();
    }
}
