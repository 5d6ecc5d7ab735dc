package org.jvirt.driver.qemu.internal.hotplug;

import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.xml.Device;
import org.jvirt.api.xml.Disk;
import org.jvirt.api.xml.DomainDef;

/** A definition with one device more or less, placed as libvirt's insert functions place it. */
public final class DeviceLists {
    private DeviceLists() {
    }

    /**
     * {@code virDomainDiskInsert} for disks (before the first disk on the same bus with a higher
     * target index, else after the last disk on that bus, else after all disks); other devices go
     * after the last device of their kind, so the definition formats in libvirt's order.
     */
    public static DomainDef with(DomainDef def, Device device) {
        List<Device> all = new ArrayList<>(def.devices().all());
        all.add(position(all, device), device);
        return def.withDevices(def.devices().withAll(all));
    }

    public static DomainDef without(DomainDef def, Device device) {
        List<Device> all = new ArrayList<>(def.devices().all());
        all.removeIf(d -> d == device);
        return def.withDevices(def.devices().withAll(all));
    }

    public static DomainDef replaced(DomainDef def, Device old, Device updated) {
        List<Device> all = new ArrayList<>(def.devices().all());
        all.replaceAll(d -> d == old ? updated : d);
        return def.withDevices(def.devices().withAll(all));
    }

    private static int position(List<Device> all, Device device) {
        if (device instanceof Disk disk) {
            String bus = DeviceKinds.diskBus(disk);
            int insertAt = -1;
            for (int i = all.size() - 1; i >= 0; i--) {
                if (all.get(i) instanceof Disk cur && DeviceKinds.diskBus(cur).equals(bus)) {
                    if (DeviceKinds.diskIndex(cur) > DeviceKinds.diskIndex(disk)) {
                        insertAt = i;
                    } else if (insertAt == -1) {
                        insertAt = i + 1;
                    }
                }
            }
            if (insertAt >= 0) {
                return insertAt;
            }
        }
        int rank = DeviceKinds.formatRank(device);
        int at = 0;
        for (int i = 0; i < all.size(); i++) {
            if (DeviceKinds.formatRank(all.get(i)) <= rank) {
                at = i + 1;
            }
        }
        return at;
    }
}
