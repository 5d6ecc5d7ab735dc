package org.jvirt.driver.esx.vmx;

import org.jvirt.api.xml.Address;

/**
 * Disk target names and drive addresses: libvirt's virIndexToDiskName, virDiskNameToIndex and
 * virDomainDiskDefAssignAddress with the VMX parser's wide SCSI buses (unit 7 is the controller).
 */
final class DiskNames {
    /** Units on a SCSI bus before virtual hardware 13 (SCSI_WIDE_BUS_MAX_CONT_UNIT). */
    static final int WIDE_SCSI_UNITS = 16;
    /** Units on a SCSI bus from virtual hardware 13 on (SCSI_SUPER_WIDE_BUS_MAX_CONT_UNIT). */
    static final int SUPER_WIDE_SCSI_UNITS = 64;
    /** The unit the SCSI controller itself takes. */
    static final int SCSI_CONTROLLER_UNIT = 7;

    private static final String[] PREFIXES = {"fd", "hd", "vd", "sd", "xvd", "ubd"};

    private DiskNames() {
    }

    /** virIndexToDiskName: 0 is {@code sda}, 25 {@code sdz}, 26 {@code sdaa}. */
    static String name(int index, String prefix) {
        StringBuilder letters = new StringBuilder();
        for (int n = index; n >= 0; n = n / 26 - 1) {
            letters.insert(0, (char) ('a' + n % 26));
        }
        return prefix + letters;
    }

    /** virDiskNameToIndex: the index of {@code sdb} is 1; -1 when the name is no disk name. */
    static int index(String name) {
        if (name == null) {
            return -1;
        }
        String rest = null;
        for (String prefix : PREFIXES) {
            if (name.startsWith(prefix)) {
                rest = name.substring(prefix.length());
                break;
            }
        }
        if (rest == null) {
            return -1;
        }
        long idx = 0;
        int i = 0;
        while (i < rest.length() && rest.charAt(i) >= 'a' && rest.charAt(i) <= 'z') {
            idx = (idx + (i < 1 ? 0 : 1)) * 26 + (rest.charAt(i) - 'a');
            if (idx > Integer.MAX_VALUE) {
                return -1;
            }
            i++;
        }
        if (i == 0 || !rest.substring(i).chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return (int) idx;
    }

    /**
     * virDomainDiskDefAssignAddress for the buses VMX knows, or null for another bus or a name
     * without an index.
     *
     * @param scsiUnits units on a SCSI bus ({@link #WIDE_SCSI_UNITS} or {@link #SUPER_WIDE_SCSI_UNITS})
     */
    static Address assign(String dev, String bus, int scsiUnits) {
        int idx = index(dev);
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
