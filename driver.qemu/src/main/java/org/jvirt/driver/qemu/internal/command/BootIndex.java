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
    private final Map<XNode, Integer> index = new IdentityHashMap<>();
    private final Map<Device, Integer> typed = new IdentityHashMap<>();

    /** Boot indexes of the devices of a typed definition; look them up with {@link #of(Device)}. */
    BootIndex(DomainDef def) {
        boolean perDevice = false;
        for (Device dev : def.devices().all()) {
            if (dev.info().bootOrder() != null) {
                typed.put(dev, dev.info().bootOrder());
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
            if (dev != null && !typed.containsKey(dev)) {
                typed.put(dev, i + 1);
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
        return typed.get(dev);
    }

    BootIndex(QemuDomain d) {
        boolean perDevice = false;
        for (XNode dev : d.devices) {
            XNode boot = dev.child("boot");
            if (boot != null && boot.attr("order") != null) {
                index.put(dev, Integer.parseInt(boot.attr("order")));
                perDevice = true;
            }
        }
        if (perDevice) {
            return;
        }
        List<String> order = d.def.os().bootDevices();
        for (int i = 0; i < order.size(); i++) {
            XNode dev = switch (order.get(i)) {
                case "hd" -> first(d, "disk", "disk");
                case "cdrom" -> first(d, "disk", "cdrom");
                case "fd" -> first(d, "disk", "floppy");
                case "network" -> d.devices("interface").isEmpty() ? null : d.devices("interface").get(0);
                default -> null;
            };
            if (dev != null && !index.containsKey(dev)) {
                index.put(dev, i + 1);
            }
        }
    }

    private static XNode first(QemuDomain d, String kind, String device) {
        for (XNode disk : d.devices(kind)) {
            if (device.equals(disk.attr("device", "disk"))) {
                return disk;
            }
        }
        return null;
    }

    /** The bootindex of {@code dev}, or null. */
    Integer of(XNode dev) {
        return index.get(dev);
    }
}
