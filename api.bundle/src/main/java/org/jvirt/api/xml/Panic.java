package org.jvirt.api.xml;

import java.util.Objects;

/**
 * A {@code <panic>} device.
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder()}, change one with
 * {@link #toBuilder()} or a {@code with...} copy; accessors never return null lists.
 */
public final class Panic implements Device {
    private final String model;
    private final Preserved other;
    private final DeviceInfo info;

    private Panic(Builder b) {
        this.model = b.model;
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
        b.other = other;
        b.info = info;
        return b;
    }

    /** {@code isa}, {@code pseries}, {@code hyperv}, {@code s390}, {@code pvpanic}, or null */
    public String model() {
        return model;
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
    public Panic withModel(String newModel) {
        return toBuilder().model(newModel).build();
    }

    /** A copy with {@code other} replaced. */
    public Panic withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    /** A copy with {@code info} replaced. */
    public Panic withInfo(DeviceInfo newInfo) {
        return toBuilder().info(newInfo).build();
    }

    @Override
    public String elementName() {
        return "panic";
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Panic x)) {
            return false;
        }
        return Objects.equals(model, x.model)
                && Objects.equals(other, x.other)
                && Objects.equals(info, x.info);
    }

    @Override
    public int hashCode() {
        return Objects.hash(model, other, info);
    }

    @Override
    public String toString() {
        return "Panic[" + "model=" + model + ", "
                + "other=" + other + ", "
                + "info=" + info + "]";
    }

    /** Collects the values of a {@link Panic}; not thread-safe. */
    public static final class Builder {
        private String model;
        private Preserved other;
        private DeviceInfo info;

        private Builder() {
        }

        /** @see Panic#model() */
        public Builder model(String value) {
            this.model = value;
            return this;
        }

        /** @see Panic#other() */
        public Builder other(Preserved value) {
            this.other = value;
            return this;
        }

        /** @see Panic#info() */
        public Builder info(DeviceInfo value) {
            this.info = value;
            return this;
        }

        public Panic build() {
            return new Panic(this);
        }
    }
}
