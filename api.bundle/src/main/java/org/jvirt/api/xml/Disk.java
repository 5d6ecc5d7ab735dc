package org.jvirt.api.xml;

import java.util.Objects;

/**
 * A {@code <disk>}.
 *
 * <p>Immutable; lists are never null. Build with {@link #builder()}, change with {@link #toBuilder()}.
 */
public final class Disk implements Device {
    private final String type;
    private final String device;
    private final String model;
    private final String snapshot;
    private final String rawio;
    private final String sgio;
    private final DiskDriver driver;
    private final DiskSource source;
    private final DiskTarget target;
    private final boolean readOnly;
    private final boolean shareable;
    private final boolean transientDisk;
    private final String serial;
    private final String wwn;
    private final String vendor;
    private final String product;
    private final DiskGeometry geometry;
    private final DiskAuth auth;
    private final DiskEncryption encryption;
    private final Preserved other;
    private final DeviceInfo info;

    Disk(DiskBuilder b) {
        this.type = b.type;
        this.device = b.device;
        this.model = b.model;
        this.snapshot = b.snapshot;
        this.rawio = b.rawio;
        this.sgio = b.sgio;
        this.driver = b.driver;
        this.source = b.source;
        this.target = b.target;
        this.readOnly = b.readOnly;
        this.shareable = b.shareable;
        this.transientDisk = b.transientDisk;
        this.serial = b.serial;
        this.wwn = b.wwn;
        this.vendor = b.vendor;
        this.product = b.product;
        this.geometry = b.geometry;
        this.auth = b.auth;
        this.encryption = b.encryption;
        this.other = b.other == null ? Preserved.NONE : b.other;
        this.info = b.info == null ? DeviceInfo.NONE : b.info;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static DiskBuilder builder() {
        return new DiskBuilder();
    }

    /** A builder holding this object's values. */
    public DiskBuilder toBuilder() {
        return new DiskBuilder(this);
    }

    /** {@code file}, {@code block}, {@code dir}, {@code network}, {@code volume}, {@code nvme}, {@code vhostuser}, {@code vhostvdpa}, or null */
    public String type() {
        return type;
    }

    /** {@code disk}, {@code cdrom}, {@code floppy}, {@code lun}, or null (libvirt's default is disk) */
    public String device() {
        return device;
    }

    /** {@code <disk model=>} ({@code virtio}, {@code virtio-transitional}, ...), or null */
    public String model() {
        return model;
    }

    /** {@code <disk snapshot=>}, or null */
    public String snapshot() {
        return snapshot;
    }

    /** {@code <disk rawio=>} ({@code yes}/{@code no}), or null */
    public String rawio() {
        return rawio;
    }

    /** {@code <disk sgio=>} ({@code filtered}/{@code unfiltered}), or null */
    public String sgio() {
        return sgio;
    }

    /** {@code <driver>}, or null */
    public DiskDriver driver() {
        return driver;
    }

    /** {@code <source>}, or null (an empty drive) */
    public DiskSource source() {
        return source;
    }

    /** {@code <target>}, never null for a parsed disk */
    public DiskTarget target() {
        return target;
    }

    /** {@code <readonly/>} */
    public boolean readOnly() {
        return readOnly;
    }

    /** {@code <shareable/>} */
    public boolean shareable() {
        return shareable;
    }

    /** {@code <transient/>} (its {@code shareBacking} attribute stays in the preserved element) */
    public boolean transientDisk() {
        return transientDisk;
    }

    /** {@code <serial>}, or null */
    public String serial() {
        return serial;
    }

    /** {@code <wwn>}, or null */
    public String wwn() {
        return wwn;
    }

    /** {@code <vendor>}, or null */
    public String vendor() {
        return vendor;
    }

    /** {@code <product>}, or null */
    public String product() {
        return product;
    }

    /** {@code <geometry>} (the BIOS geometry), or null */
    public DiskGeometry geometry() {
        return geometry;
    }

    /** {@code <auth>} on the disk itself (the older placement), or null */
    public DiskAuth auth() {
        return auth;
    }

    /** {@code <encryption>} on the disk itself (the older placement), or null */
    public DiskEncryption encryption() {
        return encryption;
    }

    /** further attributes and child elements the model does not name, kept verbatim and formatted back in libvirt's order; never null */
    public Preserved other() {
        return other;
    }

    /** the device's {@code <alias>}, {@code <address>}, {@code <boot>}, {@code <acpi>} and {@code <rom>}, never null */
    public DeviceInfo info() {
        return info;
    }

    /** A copy with {@code type} replaced. */
    public Disk withType(String newType) {
        return toBuilder().type(newType).build();
    }

    /** A copy with {@code model} replaced. */
    public Disk withModel(String newModel) {
        return toBuilder().model(newModel).build();
    }

    /** A copy with {@code driver} replaced. */
    public Disk withDriver(DiskDriver newDriver) {
        return toBuilder().driver(newDriver).build();
    }

    /** A copy with {@code target} replaced. */
    public Disk withTarget(DiskTarget newTarget) {
        return toBuilder().target(newTarget).build();
    }

    /** A copy with {@code encryption} replaced. */
    public Disk withEncryption(DiskEncryption newEncryption) {
        return toBuilder().encryption(newEncryption).build();
    }

    /** A copy with {@code other} replaced. */
    public Disk withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    /** A copy with {@code info} replaced. */
    public Disk withInfo(DeviceInfo newInfo) {
        return toBuilder().info(newInfo).build();
    }

    @Override
    public String elementName() {
        return "disk";
    }

    /** The file, block device, directory, network name or volume of the source, or null. */
    public String sourcePath() {
        return source == null ? null : source.path();
    }

    /** The guest device name ({@code vda}, {@code sda}, {@code hdc}), or null. */
    public String targetDev() {
        return target == null ? null : target.dev();
    }

    /** The guest bus ({@code virtio}, {@code sata}, {@code scsi}, {@code ide}, ...), or null. */
    public String targetBus() {
        return target == null ? null : target.bus();
    }

    /** The image format ({@code raw}, {@code qcow2}), or null. */
    public String driverType() {
        return driver == null ? null : driver.type();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Disk x)) {
            return false;
        }
        return Objects.equals(type, x.type) && Objects.equals(device, x.device)
                && Objects.equals(model, x.model) && Objects.equals(snapshot, x.snapshot)
                && Objects.equals(rawio, x.rawio) && Objects.equals(sgio, x.sgio)
                && Objects.equals(driver, x.driver) && Objects.equals(source, x.source)
                && Objects.equals(target, x.target) && readOnly == x.readOnly && shareable == x.shareable
                && transientDisk == x.transientDisk && Objects.equals(serial, x.serial)
                && Objects.equals(wwn, x.wwn) && Objects.equals(vendor, x.vendor)
                && Objects.equals(product, x.product) && Objects.equals(geometry, x.geometry)
                && Objects.equals(auth, x.auth) && Objects.equals(encryption, x.encryption)
                && Objects.equals(other, x.other) && Objects.equals(info, x.info);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, device, model, snapshot, rawio, sgio, driver, source, target, readOnly,
                shareable, transientDisk, serial, wwn, vendor, product, geometry, auth, encryption, other,
                info);
    }

    @Override
    public String toString() {
        return "Disk[type=" + type + ", device=" + device + ", model=" + model + ", snapshot=" + snapshot
                + ", rawio=" + rawio + ", sgio=" + sgio + ", driver=" + driver + ", source=" + source
                + ", target=" + target + ", readOnly=" + readOnly + ", shareable=" + shareable
                + ", transientDisk=" + transientDisk + ", serial=" + serial + ", wwn=" + wwn
                + ", vendor=" + vendor + ", product=" + product + ", geometry=" + geometry + ", auth=" + auth
                + ", encryption=" + encryption + ", other=" + other + ", info=" + info + "]";
    }

}
