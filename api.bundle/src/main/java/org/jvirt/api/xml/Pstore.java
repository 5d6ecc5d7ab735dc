package org.jvirt.api.xml;

import java.util.Objects;

/**
 * A {@code <pstore>} device.
 *
 * <p>Immutable; lists are never null. Build with {@link #builder()}, change with {@link #toBuilder()}.
 */
public final class Pstore implements Device {
    private final String backend;
    private final String path;
    private final Long sizeKib;
    private final Preserved other;
    private final DeviceInfo info;

    Pstore(PstoreBuilder b) {
        this.backend = b.backend;
        this.path = b.path;
        this.sizeKib = b.sizeKib;
        this.other = b.other == null ? Preserved.NONE : b.other;
        this.info = b.info == null ? DeviceInfo.NONE : b.info;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static PstoreBuilder builder() {
        return new PstoreBuilder();
    }

    /** A builder holding this object's values. */
    public PstoreBuilder toBuilder() {
        return new PstoreBuilder(this);
    }

    /** {@code acpi-erst} */
    public String backend() {
        return backend;
    }

    /** {@code <path>}, the backing file */
    public String path() {
        return path;
    }

    /** {@code <size>} in KiB */
    public Long sizeKib() {
        return sizeKib;
    }

    /** further attributes and child elements the model does not name, kept verbatim and formatted back in libvirt's order; never null */
    public Preserved other() {
        return other;
    }

    /** the device's {@code <alias>}, {@code <address>}, {@code <boot>}, {@code <acpi>} and {@code <rom>}, never null */
    public DeviceInfo info() {
        return info;
    }

    /** A copy with {@code backend} replaced. */
    public Pstore withBackend(String newBackend) {
        return toBuilder().backend(newBackend).build();
    }

    /** A copy with {@code other} replaced. */
    public Pstore withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    /** A copy with {@code info} replaced. */
    public Pstore withInfo(DeviceInfo newInfo) {
        return toBuilder().info(newInfo).build();
    }

    @Override
    public String elementName() {
        return "pstore";
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Pstore x)) {
            return false;
        }
        return Objects.equals(backend, x.backend) && Objects.equals(path, x.path)
                && Objects.equals(sizeKib, x.sizeKib) && Objects.equals(other, x.other)
                && Objects.equals(info, x.info);
    }

    @Override
    public int hashCode() {
        return Objects.hash(backend, path, sizeKib, other, info);
    }

    @Override
    public String toString() {
        return "Pstore[backend=" + backend + ", path=" + path + ", sizeKib=" + sizeKib + ", other=" + other
                + ", info=" + info + "]";
    }

}
