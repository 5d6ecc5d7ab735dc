package org.jvirt.api.xml;

import java.util.Objects;

/**
 * A {@code <pstore>} device.
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder()}, change one with
 * {@link #toBuilder()} or a {@code with...} copy; accessors never return null lists.
 */
public final class Pstore implements Device {
    private final String backend;
    private final String path;
    private final Long sizeKib;
    private final Preserved other;
    private final DeviceInfo info;

    private Pstore(Builder b) {
        this.backend = b.backend;
        this.path = b.path;
        this.sizeKib = b.sizeKib;
        this.other = b.other == null ? Preserved.NONE : b.other;
        this.info = b.info == null ? DeviceInfo.NONE : b.info;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.backend = backend;
        b.path = path;
        b.sizeKib = sizeKib;
        b.other = other;
        b.info = info;
        return b;
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

    /** A copy with {@code path} replaced. */
    public Pstore withPath(String newPath) {
        return toBuilder().path(newPath).build();
    }

    /** A copy with {@code sizeKib} replaced. */
    public Pstore withSizeKib(Long newSizeKib) {
        return toBuilder().sizeKib(newSizeKib).build();
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
        return Objects.equals(backend, x.backend)
                && Objects.equals(path, x.path)
                && Objects.equals(sizeKib, x.sizeKib)
                && Objects.equals(other, x.other)
                && Objects.equals(info, x.info);
    }

    @Override
    public int hashCode() {
        return Objects.hash(backend, path, sizeKib, other, info);
    }

    @Override
    public String toString() {
        return "Pstore[" + "backend=" + backend + ", "
                + "path=" + path + ", "
                + "sizeKib=" + sizeKib + ", "
                + "other=" + other + ", "
                + "info=" + info + "]";
    }

    /** Collects the values of a {@link Pstore}; not thread-safe. */
    public static final class Builder {
        private String backend;
        private String path;
        private Long sizeKib;
        private Preserved other;
        private DeviceInfo info;

        private Builder() {
        }

        /** @see Pstore#backend() */
        public Builder backend(String value) {
            this.backend = value;
            return this;
        }

        /** @see Pstore#path() */
        public Builder path(String value) {
            this.path = value;
            return this;
        }

        /** @see Pstore#sizeKib() */
        public Builder sizeKib(Long value) {
            this.sizeKib = value;
            return this;
        }

        /** @see Pstore#other() */
        public Builder other(Preserved value) {
            this.other = value;
            return this;
        }

        /** @see Pstore#info() */
        public Builder info(DeviceInfo value) {
            this.info = value;
            return this;
        }

        public Pstore build() {
            return new Pstore(this);
        }
    }
}
