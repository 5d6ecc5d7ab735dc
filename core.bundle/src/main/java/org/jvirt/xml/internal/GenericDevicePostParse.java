package org.jvirt.xml.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jvirt.api.xml.Address;
import org.jvirt.api.xml.CharDevice;
import org.jvirt.api.xml.Controller;
import org.jvirt.api.xml.Device;
import org.jvirt.api.xml.Disk;
import org.jvirt.api.xml.DiskNames;
import org.jvirt.api.xml.DiskSource;
import org.jvirt.api.xml.Hostdev;
import org.jvirt.api.xml.HostdevSource;
import org.jvirt.api.xml.Smartcard;
import org.jvirt.api.xml.Video;

/**
 * The driver-neutral defaults libvirt's generic post-parse adds to devices: controllers that
 * devices refer to (virDomainDefAddImplicitControllers), smartcard CCID addresses and the
 * primary video; and where parsed controllers and disks go in the device list, as libvirt
 * inserts them.
 */
final class GenericDevicePostParse {
    private GenericDevicePostParse() {
    }

    /** virDomainControllerInsertPreAlloced: before the first same-type controller with a higher index. */
    static void insertController(List<Device> all, Controller ctl) {
        if (ctl.index() >= 0) {
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i) instanceof Controller c && c.type().equals(ctl.type()) && c.index() > ctl.index()) {
                    all.add(i, ctl);
                    return;
                }
            }
        }
        all.add(ctl);
    }

    /**
     * virDomainDiskInsert: disks are grouped by bus; a disk goes before the first one on its bus
     * with a higher drive index, else right after the last one on its bus, else at the end.
     */
    static void insertDisk(List<Device> all, Disk disk) {
        int insertAt = -1;
        int index = DiskNames.index(disk.targetDev());
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i) instanceof Disk d && Objects.equals(d.targetBus(), disk.targetBus())) {
                if (DiskNames.index(d.targetDev()) > index) {
                    insertAt = i;
                } else if (insertAt == -1) {
                    insertAt = i + 1;
                }
            }
        }
        if (insertAt == -1) {
            all.add(disk);
        } else {
            all.add(insertAt, disk);
        }
    }

    /**
     * virDomainPostParseCheckISCSIPath: an iSCSI source named without a LUN gets {@code /0}, the
     * LUN that leaving it out always meant.
     */
    static Disk withIscsiLun(Disk disk) {
        DiskSource src = disk.source();
        if (!"network".equals(disk.type()) || src == null || !"iscsi".equals(src.protocol()) || src.name() == null
                || src.name().contains("/")) {
            return disk;
        }
        return disk.toBuilder().source(src.toBuilder().name(src.name() + "/0").build()).build();
    }

    /** virDomainPostParseCheckISCSIPath for an iSCSI SCSI host device, as for disks. */
    static Hostdev withIscsiLun(Hostdev hostdev) {
        HostdevSource src = hostdev.source();
        if (src == null || !"iscsi".equals(src.protocol()) || src.name() == null || src.name().contains("/")) {
            return hostdev;
        }
        return hostdev.toBuilder().source(src.toBuilder().name(src.name() + "/0").build()).build();
    }


    static int freeIndex(List<Device> all, String type) {
        int idx = 0;
        while (hasController(all, type, idx)) {
            idx++;
        }
        return idx;
    }

    private static boolean hasController(List<Device> all, String type, int index) {
        return all.stream().anyMatch(d -> d instanceof Controller c && c.type().equals(type) && c.index() == index);
    }

    private static void ensure(List<Device> all, String type, int maxIndex) {
        for (int i = 0; i <= maxIndex; i++) {
            if (!hasController(all, type, i)) {
                insertImplicit(all, Controller.builder().type(type).index(i).build());
            }
        }
    }

    /**
     * virDomainControllerInsertPreAlloced, as virDomainDefMaybeAddController uses it: before the
     * first same-type controller with a higher index, else right after the last one with a lower
     * index, else at the end.
     */
    private static void insertImplicit(List<Device> all, Controller ctl) {
        int insertAt = -1;
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i) instanceof Controller c && c.type().equals(ctl.type())) {
                if (c.index() > ctl.index()) {
                    insertAt = i;
                } else if (c.index() < ctl.index() && insertAt == -1) {
                    insertAt = i + 1;
                }
            }
        }
        all.add(insertAt == -1 ? all.size() : insertAt, ctl);
    }

    static void addControllers(List<Device> all) {
        for (Device d : new ArrayList<>(all)) {
            if (d instanceof Disk disk) {
                String bus = disk.targetBus();
                Address addr = disk.info().address();
                if (bus != null && List.of("ide", "fdc", "scsi", "sata").contains(bus) && addr != null
                        && addr.is("drive")) {
                    ensure(all, bus, addr.controller());
                }
            } else if (d instanceof CharDevice c && c.target() != null && "virtio".equals(c.target().type())
                    && (c.elementName().equals("channel") || c.elementName().equals("console"))) {
                Address addr = c.info().address();
                int idx = addr != null && addr.is("virtio-serial") ? addr.controller() : 0;
                // virDomainDefMaybeAddVirtioSerialController adds just the one referred to
                if (!hasController(all, "virtio-serial", idx)) {
                    insertImplicit(all, Controller.builder().type("virtio-serial").index(idx).build());
                }
            }
        }
        int slot = 0;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i) instanceof Smartcard g) {
                Address addr = g.info().address();
                if (addr == null) {
                    addr = Address.builder().type("ccid").controller(0).slot(slot++).build();
                    all.set(i, g.withInfo(g.info().withAddress(addr)));
                    ensure(all, "ccid", 0);
                } else if (addr.is("ccid")) {
                    ensure(all, "ccid", addr.controller());
                }
            }
        }
    }

    /** The post-parse proper: implicit controllers, then the primary video mark. */
    static void apply(List<Device> all) {
        addControllers(all);
        markPrimaryVideo(all);
    }

    /** virDomainDefParseXML moves a video marked primary to the front of the videos. */
    static void movePrimaryVideo(List<Device> all) {
        int first = -1;
        int primary = -1;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i) instanceof Video v) {
                if (first < 0) {
                    first = i;
                }
                if (primary < 0 && v.primary()) {
                    primary = i;
                }
            }
        }
        if (primary > first) {
            all.add(first, all.remove(primary));
        }
    }

    /** virDomainDefPostParseVideo: the first video is primary unless its model is none. */
    static void markPrimaryVideo(List<Device> all) {
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i) instanceof Video v) {
                if (v.model() != null && v.model().primary() == null && !"none".equals(v.modelType())) {
                    all.set(i, v.withModel(v.model().withPrimary("yes")));
                }
                return;
            }
        }
    }
}
