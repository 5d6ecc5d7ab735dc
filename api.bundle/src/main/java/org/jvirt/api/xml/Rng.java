package org.jvirt.api.xml;

import java.util.Objects;

/**
 * An {@code <rng>} device.
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder()}, change one with
 * {@link #toBuilder()} or a {@code with...} copy; accessors never return null lists.
 */
public final class Rng implements Device {
    private final String model;
    private final XmlElement backend;
    private final Preserved other;
    private final DeviceInfo info;

    private Rng(Builder b) {
        this.model = b.model;
        this.backend = b.backend;
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
        b.model = model;
        b.backend = backend;
        b.other = other;
        b.info = info;
        return b;
    }

    /** {@code virtio} (or {@code virtio-transitional}, ...) */
    public String model() {
        return model;
    }

    /** {@code <backend model=>}: {@code random} (a device path) or {@code egd} (a chardev) */
    public XmlElement backend() {
        return backend;
    }

    /** further attributes and child elements the model does not name, kept verbatim and formatted back in libvirt's order; never null */
    public Preserved other() {
        return other;
    }

    /** the device's {@code <alias>}, {@code <address>}, {@code <boot>}, {@code <acpi>} and {@code <rom>}, never null */
    public DeviceInfo info() {
        return info;
    }

    /** A copy with {@code model} replaced. */
    public Rng withModel(String newModel) {
        return toBuilder().model(newModel).build();
    }

    /** A copy with {@code backend} replaced. */
    public Rng withBackend(XmlElement newBackend) {
        return toBuilder().backend(newBackend).build();
    }

    /** A copy with {@code other} replaced. */
    public Rng withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    /** A copy with {@code info} replaced. */
    public Rng withInfo(DeviceInfo newInfo) {
        return toBuilder().info(newInfo).build();
    }

    @Override
    public String elementName() {
        return "rng";
    }

    /** {@code random}, {@code egd} or {@code builtin}, or null. */
    public String backendModel() {
        return backend == null ? null : backend.attribute("model");
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Rng x)) {
            return false;
        }
        return Objects.equals(model, x.model)
                && Objects.equals(backend, x.backend)
                && Objects.equals(other, x.other)
                && Objects.equals(info, x.info);
    }

    @Override
    public int hashCode() {
        return Objects.hash(model, backend, other, info);
    }

    @Override
    public String toString() {
        return "Rng[" + "model=" + model + ", "
                + "backend=" + backend + ", "
                + "other=" + other + ", "
                + "info=" + info + "]";
    }

    /** Collects the values of a {@link Rng}; not thread-safe. */
    public static final class Builder {
        private String model;
        private XmlElement backend;
        private Preserved other;
        private DeviceInfo info;

        private Builder() {
        }

        /** @see Rng#model() */
        public Builder model(String value) {
            this.model = value;
            return this;
        }

        /** @see Rng#backend() */
        public Builder backend(XmlElement value) {
            this.backend = value;
            return this;
        }

        /** @see Rng#other() */
        public Builder other(Preserved value) {
            this.other = value;
            return this;
        }

        /** @see Rng#info() */
        public Builder info(DeviceInfo value) {
            this.info = value;
            return this;
        }

        public Rng build() {
            return new Rng(this);
        }
    }
}
