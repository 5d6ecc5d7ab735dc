package org.jvirt.api.xml;

import java.util.Objects;

/**
 * A {@code <tpm>} device.
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder()}, change one with
 * {@link #toBuilder()} or a {@code with...} copy; accessors never return null lists.
 */
public final class Tpm implements Device {
    private final String model;
    private final TpmBackend backend;
    private final Preserved other;
    private final DeviceInfo info;

    private Tpm(Builder b) {
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

    /** {@code tpm-tis}, {@code tpm-crb}, {@code tpm-spapr}, {@code spapr-tpm-proxy}, or null */
    public String model() {
        return model;
    }

    /** {@code <backend>}, or null */
    public TpmBackend backend() {
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
    public Tpm withModel(String newModel) {
        return toBuilder().model(newModel).build();
    }

    /** A copy with {@code backend} replaced. */
    public Tpm withBackend(TpmBackend newBackend) {
        return toBuilder().backend(newBackend).build();
    }

    /** A copy with {@code other} replaced. */
    public Tpm withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    /** A copy with {@code info} replaced. */
    public Tpm withInfo(DeviceInfo newInfo) {
        return toBuilder().info(newInfo).build();
    }

    @Override
    public String elementName() {
        return "tpm";
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Tpm x)) {
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
        return "Tpm[" + "model=" + model + ", "
                + "backend=" + backend + ", "
                + "other=" + other + ", "
                + "info=" + info + "]";
    }

    /** Collects the values of a {@link Tpm}; not thread-safe. */
    public static final class Builder {
        private String model;
        private TpmBackend backend;
        private Preserved other;
        private DeviceInfo info;

        private Builder() {
        }

        /** @see Tpm#model() */
        public Builder model(String value) {
            this.model = value;
            return this;
        }

        /** @see Tpm#backend() */
        public Builder backend(TpmBackend value) {
            this.backend = value;
            return this;
        }

        /** @see Tpm#other() */
        public Builder other(Preserved value) {
            this.other = value;
            return this;
        }

        /** @see Tpm#info() */
        public Builder info(DeviceInfo value) {
            this.info = value;
            return this;
        }

        public Tpm build() {
            return new Tpm(this);
        }
    }
}
