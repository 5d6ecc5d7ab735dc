package org.jvirt.driver.qemu.internal.command;

import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.xml.Address;
import org.jvirt.api.xml.Controller;
import org.jvirt.api.xml.Device;
import org.jvirt.api.xml.Disk;
import org.jvirt.api.xml.DiskNames;
import org.jvirt.api.xml.DomainDef;

/**
 * The aliases of a running guest's disks and controllers, as libvirt's qemuAssignDeviceAliases
 * gives them at start (qemu_alias.c): the {@code id} each has on QEMU's command line, shown as
 * {@code <alias name=>} in the live XML and used to find the device again (device_del, the
 * DEVICE_DELETED event, the device-removed event). A device that has an alias keeps it.
 */
public final class DeviceAliases {
    private DeviceAliases() {
    }

    /** {@code def} with an alias on every disk and controller that has none. */
    public static DomainDef assign(DomainDef def) {
        List<Device> all = new ArrayList<>(def.devices().all());
        boolean changed = false;
        for (int i = 0; i < all.size(); i++) {
            Device d = all.get(i);
            if (d.info().alias() != null) {
                continue;
            }
            String alias = d instanceof Disk disk ? disk(def, disk)
                    : d instanceof Controller c ? controller(def, c) : null;
            if (alias != null) {
                all.set(i, d.withInfo(d.info().toBuilder().alias(alias).build()));
                changed = true;
            }
        }
        return changed ? def.withDevices(def.devices().withAll(all)) : def;
    }

    /**
     * qemuAssignDeviceDiskAlias: disks with a drive address are named by it ({@code ide0-1-0},
     * {@code scsi0-0-0-1} on a controller that addresses targets, {@code scsi0-0-1} on lsilogic),
     * the others by bus and target index ({@code virtio-disk0}, {@code usb-disk1}); null for a
     * target name that is no disk name. The same ids the command line gives the disks.
     */
    public static String disk(DomainDef def, Disk d) {
        String bus = d.targetBus() == null ? "ide" : d.targetBus();
        Address a = d.info().address();
        if (a != null && a.is("drive")) {
            int ctrl = num(a.controller());
            int busNo = num(a.bus());
            int unit = num(a.unit());
            if (bus.equals("scsi") && targetAddressed(def, ctrl)) {
                return "scsi" + ctrl + "-" + busNo + "-" + num(a.target()) + "-" + unit;
            }
            return bus + ctrl + "-" + busNo + "-" + unit;
        }
        int idx = d.targetDev() == null ? -1 : DiskNames.index(d.targetDev());
        return idx < 0 ? null : bus + "-disk" + idx;
    }

    /** qemuAssignDeviceControllerAlias, for the machines jvirt starts (x86 pc and q35). */
    public static String controller(DomainDef def, Controller c) {
        int idx = Math.max(c.index(), 0);
        String model = c.model() == null ? "" : c.model();
        boolean q35 = isQ35(def);
        return switch (c.type()) {
            // QEMU hard-codes the root bus names
            case "pci" -> model.equals("pcie-root") ? "pcie." + idx : "pci." + idx;
            case "ide" -> !q35 && idx == 0 ? "ide" : "ide" + idx;
            case "sata" -> q35 && idx == 0 ? "ide" : "sata" + idx;
            case "usb" -> idx == 0 ? "usb" : "usb" + idx;
            default -> c.type() + idx;
        };
    }

    /**
     * Whether the SCSI controller {@code index} addresses disks by target and LUN (every model
     * the command line writes {@code channel}/{@code scsi-id}/{@code lun} for).
     */
    static boolean targetAddressed(DomainDef def, int index) {
        for (Controller c : def.devices().controllers()) {
            if ("scsi".equals(c.type()) && c.index() == index) {
                String model = c.model() == null ? "lsilogic" : c.model();
                return model.startsWith("virtio") || model.equals("vmpvscsi");
            }
        }
        return false;
    }

    private static boolean isQ35(DomainDef def) {
        String m = def.os() == null ? null : def.os().machine();
        return m != null && (m.equals("q35") || m.startsWith("pc-q35"));
    }

    private static int num(Integer n) {
        return n == null ? 0 : n;
    }
}
