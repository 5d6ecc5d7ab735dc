package org.jvirt.driver.qemu.internal.command;

import java.util.HashSet;
import java.util.Set;

import org.jvirt.api.SecretUsageType;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Address;
import org.jvirt.api.xml.Disk;
import org.jvirt.api.xml.DiskAuth;
import org.jvirt.api.xml.DiskEncryption;
import org.jvirt.api.xml.DiskNames;
import org.jvirt.api.xml.DiskSource;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.Preserved;
import org.jvirt.driver.qemu.internal.QemuErrors;

/** The QEMU driver's checks of disks (qemuValidateDomainDeviceDefDisk and friends), with libvirt's messages. */
final class DiskValidator {
    private static final int MAX_PRODUCT_LENGTH = 16;

    private DiskValidator() {
    }

    /** Disks as written: auth and encryption given once, on the disk or on its source. */
    static void written(DomainDef def) throws VirtException {
        for (Disk disk : def.devices().disks()) {
            DiskSource src = disk.source();
            if (declares(disk.auth(), disk.other(), "auth") && src != null
                    && declares(src.auth(), src.other(), "auth")) {
                throw QemuErrors.unsupported("an <auth> definition already found for disk source");
            }
            if (declares(disk.encryption(), disk.other(), "encryption") && src != null
                    && declares(src.encryption(), src.other(), "encryption")) {
                throw QemuErrors.unsupported("an <encryption> definition already found for disk source");
            }
        }
    }

    /** Disks of the completed definition. */
    static void completed(DomainDef def) throws VirtException {
        Set<String> driveAddresses = new HashSet<>();
        for (Disk disk : def.devices().disks()) {
            String dev = disk.targetDev() == null ? "" : disk.targetDev();
            String bus = disk.targetBus() == null ? "" : disk.targetBus();
            if (!dev.isEmpty() && Character.isDigit(dev.charAt(dev.length() - 1))) {
                throw QemuErrors.unsupported("invalid disk target '" + dev + "', partitions can't appear in disk targets");
            }
            kind(disk, bus);
            storageFormat(disk);
            Address addr = disk.info().address();
            if (addr != null && addr.is("pci")
                    && (bus.equals("ide") || bus.equals("sata") || bus.equals("scsi") || bus.equals("fdc"))) {
                throw QemuErrors.unsupported("Invalid address type 'pci' for the disk '" + dev + "' with the bus type '"
                        + bus + "'");
            }
            if (addr != null && bus.equals("usb") && !addr.is("usb")) {
                throw QemuErrors.internal("unexpected address type for usb disk");
            }
            scsiIdentity(disk, bus);
            sharing(disk, dev);
            authSecretType(disk);
            if (addr == null && !bus.equals("virtio") && !bus.equals("usb") && !bus.equals("xen")
                    && !bus.equals("sd") && DiskNames.index(dev) < 0) {
                throw QemuErrors.xml("Unknown disk name '" + dev + "' and no address specified");
            }
            if (addr != null && addr.is("drive")) {
                String key = bus + "/" + z(addr.controller()) + "/" + z(addr.bus()) + "/" + z(addr.target()) + "/"
                        + z(addr.unit());
                if (!driveAddresses.add(key)) {
                    throw QemuErrors.unsupported("Found duplicate drive address for disk with target name '" + dev
                            + "' controller='" + z(addr.controller()) + "' bus='" + z(addr.bus()) + "' target='"
                            + z(addr.target()) + "' unit='" + z(addr.unit()) + "'");
                }
            }
        }
    }

    /** What the disk is (device, type, protocol) against the bus it sits on. */
    private static void kind(Disk disk, String bus) throws VirtException {
        DiskSource src = disk.source();
        String type = disk.type() == null ? "file" : disk.type();
        String device = disk.device() == null ? "disk" : disk.device();
        if (bus.equals("usb") && (src == null || src.path() == null || src.path().isEmpty())) {
            throw QemuErrors.unsupported("'usb' disk must not be empty");
        }
        if (device.equals("lun") && !type.equals("block")
                && !(type.equals("network") && src != null && "iscsi".equals(src.protocol()))) {
            throw QemuErrors.unsupported("disk device='lun' is only valid for block type disk source");
        }
        if (device.equals("lun") && bus.equals("virtio")) {
            throw QemuErrors.unsupported("This QEMU doesn't support SCSI emulation with 'virtio-blk' device");
        }
    }

    /** The image format and protocol: ones QEMU opens. */
    private static void storageFormat(Disk disk) throws VirtException {
        String format = disk.driverType();
        if ("cow".equals(format)) {
            throw QemuErrors.unsupported("'cow' storage format is not supported");
        }
        if ("dir".equals(format)) {
            throw QemuErrors.unsupported("'directory' storage format is not directly supported by QEMU, use 'dir' "
                    + "disk type instead");
        }
        if ("iso".equals(format)) {
            throw QemuErrors.unsupported("storage format 'iso' is not directly supported by QEMU, use 'raw' instead");
        }
        DiskSource src = disk.source();
        if (src != null && "sheepdog".equals(src.protocol())) {
            throw QemuErrors.unsupported("'sheepdog' protocol is no longer supported by any hypervisor driver");
        }
    }

    /** A format that allows sharing and encryption as asked. */
    private static void sharing(Disk disk, String dev) throws VirtException {
        String format = disk.driverType();
        DiskSource src = disk.source();
        if (disk.shareable() && format != null && !format.equals("raw") && !disk.readOnly()) {
            throw QemuErrors.unsupported("shared access for disk '" + dev + "' requires use of supported storage "
                    + "format");
        }
        boolean encrypted = src != null && declares(src.encryption(), src.other(), "encryption")
                || declares(disk.encryption(), disk.other(), "encryption");
        // librbd decrypts below any format QEMU reads; only QEMU's own LUKS needs raw or qcow2
        DiskEncryption enc = StorageSecrets.encryption(disk);
        boolean librbd = enc != null && "librbd".equals(enc.engine());
        if (encrypted && !librbd && format != null && !format.equals("raw") && !format.equals("qcow2")) {
            throw QemuErrors.unsupported("encryption is supported only with 'raw' and 'qcow2' image format");
        }
    }

    /**
     * libvirt's virDomainDiskDefValidateSourceChainOne: the {@code <secret type>} of an
     * {@code <auth>} must be the usage its protocol reads ({@code iscsi} for iSCSI, {@code ceph} for RBD).
     */
    private static void authSecretType(Disk disk) throws VirtException {
        DiskSource src = disk.source();
        DiskAuth auth = src != null && src.auth() != null ? src.auth() : disk.auth();
        String type = auth == null || auth.secret() == null ? null : auth.secret().type();
        if (type == null) {
            return;
        }
        SecretUsageType usage = SecretUsageType.ofXmlName(type);
        if (usage == null) {
            throw QemuErrors.unsupported("unknown secret type '" + type + "'");
        }
        String proto = src == null ? null : src.protocol();
        if ("iscsi".equals(proto) && usage != SecretUsageType.ISCSI
                || "rbd".equals(proto) && usage != SecretUsageType.CEPH) {
            throw QemuErrors.unsupported("invalid secret type '" + type + "'");
        }
    }

    /** SCSI inquiry data: only on SCSI disks, and a product name of at most 16 characters. */
    private static void scsiIdentity(Disk disk, String bus) throws VirtException {
        if (!bus.equals("scsi") && disk.vendor() != null) {
            throw QemuErrors.unsupported("Only scsi disk supports 'vendor'");
        }
        if (!bus.equals("scsi") && disk.product() != null) {
            throw QemuErrors.unsupported("Only scsi disk supports 'product'");
        }
        if (disk.product() != null && disk.product().length() > MAX_PRODUCT_LENGTH) {
            throw QemuErrors.unsupported("disk product is more than 16 characters");
        }
    }

    private static int z(Integer v) {
        return v == null ? 0 : v;
    }

    /**
     * Whether an element is given: typed, or kept verbatim because it carries more than the model
     * names (an encryption with its cipher settings, say).
     */
    private static boolean declares(Object typed, Preserved other, String element) {
        return typed != null || other.children().stream().anyMatch(e -> e.name().equals(element));
    }
}
