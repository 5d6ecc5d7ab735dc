package org.jvirt.api.xml;

import java.util.Objects;

/**
 * A {@code <filesystem>}: a host directory, image, block device or RAM shared with the guest
 * (QEMU: 9p and virtiofs; LXC: the container's mounts).
 *
 * <p>Immutable; lists are never null. Build with {@link #builder()}, change with {@link #toBuilder()}.
 */
public final class Filesystem implements Device {
    private final String type;
    private final String accessMode;
    private final String model;
    private final String multidevs;
    private final Integer fmode;
    private final Integer dmode;
    private final FsDriver driver;
    private final FsBinary binary;
    private final IdMap idmap;
    private final FsSource source;
    private final String targetDir;
    private final boolean readOnly;
    private final Long spaceHardLimit;
    private final Long spaceSoftLimit;
    private final Preserved other;
    private final DeviceInfo info;

    Filesystem(FilesystemBuilder b) {
        this.type = b.type;
        this.accessMode = b.accessMode;
        this.model = b.model;
        this.multidevs = b.multidevs;
        this.fmode = b.fmode;
        this.dmode = b.dmode;
        this.driver = b.driver;
        this.binary = b.binary;
        this.idmap = b.idmap;
        this.source = b.source;
        this.targetDir = b.targetDir;
        this.readOnly = b.readOnly;
        this.spaceHardLimit = b.spaceHardLimit;
        this.spaceSoftLimit = b.spaceSoftLimit;
        this.other = b.other == null ? Preserved.NONE : b.other;
        this.info = b.info == null ? DeviceInfo.NONE : b.info;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static FilesystemBuilder builder() {
        return new FilesystemBuilder();
    }

    /** A builder holding this object's values. */
    public FilesystemBuilder toBuilder() {
        return new FilesystemBuilder(this);
    }

    /** {@code mount}, {@code block}, {@code file}, {@code template}, {@code ram}, {@code bind}, {@code volume}; null means mount */
    public String type() {
        return type;
    }

    /** {@code passthrough}, {@code mapped}, {@code squash}, or null */
    public String accessMode() {
        return accessMode;
    }

    /** {@code virtio}, {@code virtio-transitional}, ..., or null */
    public String model() {
        return model;
    }

    /** {@code default}, {@code remap}, {@code forbid}, {@code warn}, or null */
    public String multidevs() {
        return multidevs;
    }

    /** the file mode of 9p mapped files (written in octal), or null */
    public Integer fmode() {
        return fmode;
    }

    /** the directory mode of 9p mapped files (written in octal), or null */
    public Integer dmode() {
        return dmode;
    }

    /** {@code <driver>}, or null */
    public FsDriver driver() {
        return driver;
    }

    /** virtiofsd's {@code <binary>}, or null */
    public FsBinary binary() {
        return binary;
    }

    /** the {@code <idmap>} of virtiofs, or null */
    public IdMap idmap() {
        return idmap;
    }

    /** {@code <source>}, or null */
    public FsSource source() {
        return source;
    }

    /** {@code <target dir=>}: the guest mount point (LXC) or mount tag (QEMU), or null */
    public String targetDir() {
        return targetDir;
    }

    /** {@code <readonly/>} */
    public boolean readOnly() {
        return readOnly;
    }

    /** {@code <space_hard_limit>} in bytes, or null */
    public Long spaceHardLimit() {
        return spaceHardLimit;
    }

    /** {@code <space_soft_limit>} in bytes, or null */
    public Long spaceSoftLimit() {
        return spaceSoftLimit;
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
    public Filesystem withType(String newType) {
        return toBuilder().type(newType).build();
    }

    /** A copy with {@code accessMode} replaced. */
    public Filesystem withAccessMode(String newAccessMode) {
        return toBuilder().accessMode(newAccessMode).build();
    }

    /** A copy with {@code model} replaced. */
    public Filesystem withModel(String newModel) {
        return toBuilder().model(newModel).build();
    }

    /** A copy with {@code driver} replaced. */
    public Filesystem withDriver(FsDriver newDriver) {
        return toBuilder().driver(newDriver).build();
    }

    /** A copy with {@code other} replaced. */
    public Filesystem withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    /** A copy with {@code info} replaced. */
    public Filesystem withInfo(DeviceInfo newInfo) {
        return toBuilder().info(newInfo).build();
    }

    @Override
    public String elementName() {
        return "filesystem";
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Filesystem x)) {
            return false;
        }
        return Objects.equals(type, x.type) && Objects.equals(accessMode, x.accessMode)
                && Objects.equals(model, x.model) && Objects.equals(multidevs, x.multidevs)
                && Objects.equals(fmode, x.fmode) && Objects.equals(dmode, x.dmode)
                && Objects.equals(driver, x.driver) && Objects.equals(binary, x.binary)
                && Objects.equals(idmap, x.idmap) && Objects.equals(source, x.source)
                && Objects.equals(targetDir, x.targetDir) && readOnly == x.readOnly
                && Objects.equals(spaceHardLimit, x.spaceHardLimit)
                && Objects.equals(spaceSoftLimit, x.spaceSoftLimit) && Objects.equals(other, x.other)
                && Objects.equals(info, x.info);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, accessMode, model, multidevs, fmode, dmode, driver, binary, idmap, source,
                targetDir, readOnly, spaceHardLimit, spaceSoftLimit, other, info);
    }

    @Override
    public String toString() {
        return "Filesystem[type=" + type + ", accessMode=" + accessMode + ", model=" + model
                + ", multidevs=" + multidevs + ", fmode=" + fmode + ", dmode=" + dmode + ", driver=" + driver
                + ", binary=" + binary + ", idmap=" + idmap + ", source=" + source
                + ", targetDir=" + targetDir + ", readOnly=" + readOnly + ", spaceHardLimit=" + spaceHardLimit
                + ", spaceSoftLimit=" + spaceSoftLimit + ", other=" + other + ", info=" + info + "]";
    }

}
