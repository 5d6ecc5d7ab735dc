package org.jvirt.driver.qemu.internal.command;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.jvirt.api.xml.Device;
import org.jvirt.api.xml.Disk;
import org.jvirt.api.xml.DomainDef;

/**
 * Boot order as QEMU bootindex values: per-device {@code <boot order=>} as given, or the
 * {@code <os><boot dev=>} list mapped to the first disk, CD-ROM, floppy or NIC.
 */
final class BootIndex {
    private final Map<Device, Integer> index = new IdentityHashMap<>();

    /** Boot indexes of the devices of a typed definition; look them up with {@link #of(Device)}. */
    BootIndex(DomainDef def) {
        boolean perDevice = false;
        for (Device dev : def.devices().all()) {
            if (dev.info().bootOrder() != null) {
                index.put(dev, dev.info().bootOrder());
                perDevice = true;
            }
        }
        if (perDevice) {
            return;
        }
        List<String> order = def.os().bootDevices();
        for (int i = 0; i < order.size(); i++) {
            Device dev = switch (order.get(i)) {
                case "hd" -> firstDisk(def, "disk");
                case "cdrom" -> firstDisk(def, "cdrom");
                case "fd" -> firstDisk(def, "floppy");
                case "network" -> def.devices().interfaces().isEmpty() ? null : def.devices().interfaces().get(0);
                default -> null;
            };
            if (dev != null && !index.containsKey(dev)) {
                index.put(dev, i + 1);
            }
        }
    }

    private static Disk firstDisk(DomainDef def, String device) {
        for (Disk disk : def.devices().disks()) {
            if (device.equals(disk.device() == null ? "disk" : disk.device())) {
                return disk;
            }
        }
        return null;
    }

    /** The bootindex of a device of the typed definition this was made from, or null. */
    Integer of(Device dev) {
        return index.get(dev);
    }
}
