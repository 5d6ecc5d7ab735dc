package org.jvirt.driver.qemu.internal.hotplug;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.CharDevice;
import org.jvirt.api.xml.Controller;
import org.jvirt.api.xml.Device;
import org.jvirt.api.xml.DeviceInfo;
import org.jvirt.api.xml.Disk;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.Filesystem;
import org.jvirt.api.xml.Graphics;
import org.jvirt.api.xml.Hostdev;
import org.jvirt.api.xml.NetInterface;
import org.jvirt.api.xml.Vsock;

/**
 * Changes of a persistent definition by one device: libvirt 9.0's qemuDomainAttachDeviceConfig,
 * qemuDomainDetachDeviceConfig and qemuDomainUpdateDeviceConfig, with their errors. Pure: each
 * returns the changed copy; the caller validates and stores it.
 */
public final class DeviceConfig {
    /** The kinds qemuDomainAttachDeviceConfig / DetachDeviceConfig handle (virDomainDeviceTypeToString). */
    private static final Set<String> CONFIG_KINDS = Set.of("disk", "interface", "sound", "hostdev", "lease",
            "controller", "chr", "filesystem", "rng", "memory", "redirdev", "shmem", "watchdog", "input", "vsock");
    /** qemuDomainDetachDeviceConfig's message when no device matches, by kind. */
    private static final Map<String, String> NOT_FOUND = Map.of("rng", "no matching RNG device was found",
            "memory", "matching memory device was not found", "shmem", "matching shmem device was not found",
            "watchdog", "watchdog device not present in domain configuration", "input",
            "matching input device not found", "vsock", "matching vsock device not found", "filesystem",
            "matching filesystem not found");

    private DeviceConfig() {
    }

    public static DomainDef attach(DomainDef def, Device dev) throws VirtException {
        String kind = DeviceKinds.typeName(dev);
        if (!CONFIG_KINDS.contains(kind)) {
            throw unsupported("persistent attach of device '" + kind + "' is not supported");
        }
        if (dev instanceof Disk disk && diskByTarget(def, disk.targetDev()) != null) {
            throw invalid("target " + disk.targetDev() + " already exists");
        }
        if (dev instanceof Controller c && controller(def, c.type(), c.index()) != null) {
            throw invalid("controller index='" + c.index() + "' already exists");
        }
        if (dev instanceof Filesystem fs && def.devices().ofType(Filesystem.class).stream()
                .anyMatch(f -> Objects.equals(f.targetDir(), fs.targetDir()))) {
            throw invalid("Target already exists");
        }
        if (dev instanceof Vsock && !def.devices().ofType(Vsock.class).isEmpty()) {
            throw invalid("domain already has a vsock device");
        }
        if (dev instanceof CharDevice && same(def, dev) != null) {
            throw invalid("chardev already exists");
        }
        if (dev instanceof Hostdev && same(def, dev) != null) {
            throw invalid("device is already in the domain configuration");
        }
        return DeviceLists.with(def, dev);
    }

    public static DomainDef detach(DomainDef def, Device dev) throws VirtException {
        String kind = DeviceKinds.typeName(dev);
        if (!CONFIG_KINDS.contains(kind)) {
            throw unsupported("persistent detach of device '" + kind + "' is not supported");
        }
        Device found;
        if (dev instanceof Disk disk) {
            found = diskByTarget(def, disk.targetDev());
            if (found == null) {
                throw missing("no target device " + disk.targetDev());
            }
        } else if (dev instanceof NetInterface net) {
            found = NetMatch.find(def, net);
        } else if (dev instanceof Controller c) {
            found = controller(def, c.type(), c.index());
        } else if (dev instanceof Filesystem fs) {
            found = def.devices().ofType(Filesystem.class).stream()
                    .filter(f -> Objects.equals(f.targetDir(), fs.targetDir())).findFirst().orElse(null);
        } else {
            found = same(def, dev);
        }
        if (found == null) {
            throw missing(NOT_FOUND.getOrDefault(kind, "device not present in domain configuration"));
        }
        return DeviceLists.without(def, found);
    }

    public static DomainDef update(DomainDef def, Device dev) throws VirtException {
        Device old;
        if (dev instanceof Disk disk) {
            old = diskByTarget(def, disk.targetDev());
            if (old == null) {
                throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU,
                        "target " + disk.targetDev() + " doesn't exist.");
            }
        } else if (dev instanceof NetInterface net) {
            old = NetMatch.find(def, net);
        } else if (dev instanceof Graphics g) {
            old = def.devices().graphics().stream().filter(x -> Objects.equals(x.type(), g.type())).findFirst()
                    .orElse(null);
            if (old == null) {
                throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                        "cannot find existing graphics type '" + g.type() + "' device to modify");
            }
        } else {
            throw unsupported("persistent update of device '" + DeviceKinds.typeName(dev) + "' is not supported");
        }
        // the device keeps its place on its bus unless the new XML names one
        Device updated = dev.info().address() == null && old.info().address() != null
                ? dev.withInfo(dev.info().toBuilder().address(old.info().address()).build()) : dev;
        return DeviceLists.replaced(def, old, updated);
    }

    /** virDomainDiskByTarget. */
    public static Disk diskByTarget(DomainDef def, String target) {
        return def.devices().disks().stream().filter(d -> Objects.equals(d.targetDev(), target)).findFirst()
                .orElse(null);
    }

    private static Controller controller(DomainDef def, String type, int index) {
        return def.devices().controllers().stream().filter(c -> Objects.equals(c.type(), type) && c.index() == index)
                .findFirst().orElse(null);
    }

    /** A device of the same kind equal to {@code dev} but for its alias and address. */
    private static Device same(DomainDef def, Device dev) {
        Device key = dev.withInfo(DeviceInfo.NONE);
        List<Device> all = def.devices().all();
        return all.stream().filter(d -> d.getClass() == dev.getClass() && d.withInfo(DeviceInfo.NONE).equals(key))
                .findFirst().orElse(null);
    }

    static VirtException invalid(String detail) {
        return new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, detail);
    }

    static VirtException missing(String detail) {
        return new VirtException(ErrorCode.DEVICE_MISSING, ErrorDomain.QEMU, detail);
    }

    static VirtException unsupported(String detail) {
        return new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.QEMU, detail);
    }
}
