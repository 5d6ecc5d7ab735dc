package org.jvirt.driver.qemu.internal.command;

import org.jvirt.api.xml.Address;

/** virDomainDiskDefAssignAddress: the drive address implied by a disk's target name. */
final class DriveAddresses {
    private DriveAddresses() {
    }

    /** The index of a target name: {@code hda} → 0, {@code sdb} → 1, {@code vdaa} → 26. */
    static int diskIndex(String dev) {
        String rest = null;
        for (String prefix : new String[] {"xvd", "ubd", "fd", "hd", "vd", "sd"}) {
            if (dev.startsWith(prefix)) {
                rest = dev.substring(prefix.length());
                break;
            }
        }
        if (rest == null || rest.isEmpty()) {
            return -1;
        }
        int idx = 0;
        for (char ch : rest.toCharArray()) {
            if (ch < 'a' || ch > 'z') {
                return -1;
            }
            idx = idx * 26 + (ch - 'a' + 1);
        }
        return idx - 1;
    }

    /**
     * The drive address a disk's target implies (virDomainDiskDefAssignAddress), or null when the
     * bus has no drive addresses or the name is not a disk name.
     */
    static Address forTarget(String bus, String dev) {
        int idx = diskIndex(dev);
        if (idx < 0) {
            return null;
        }
        Address.Builder a = Address.builder().type("drive").target(0);
        return switch (bus == null ? "" : bus) {
            case "ide" -> a.controller(idx / 4).bus((idx % 4) / 2).unit(idx % 2).build();
            case "sata" -> a.controller(idx / 6).bus(0).unit(idx % 6).build();
            case "fdc" -> a.controller(idx / 2).bus(0).unit(idx % 2).build();
            case "scsi" -> a.controller(idx / 7).bus(0).unit(idx % 7).build();
            default -> null;
        };
    }
}
