package org.jvirt.api.xml;

import java.util.Objects;

/**
 * A {@code <hub>} device.
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder()}, change one with
 * {@link #toBuilder()} or a {@code with...} copy; accessors never return null lists.
 */
public final class Hub implements Device {
    private final String type;
    private final Preserved other;
    private final DeviceInfo info;

    private Hub(Builder b) {
        this.type = b.type;
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
        b.type = type;
        b.other = other;
        b.info = info;
        return b;
    }

    /** {@code usb} */
    public String type() {
        return type;
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
    public Hub withType(String newType) {
        return toBuilder().type(newType).build();
    }

    /** A copy with {@code other} replaced. */
    public Hub withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    /** A copy with {@code info} replaced. */
    public Hub withInfo(DeviceInfo newInfo) {
        return toBuilder().info(newInfo).build();
    }

    @Override
    public String elementName() {
        return "hub";
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Hub x)) {
            return false;
        }
        return Objects.equals(type, x.type)
                && Objects.equals(other, x.other)
                && Objects.equals(info, x.info);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, other, info);
    }

    @Override
    public String toString() {
        return "Hub[" + "type=" + type + ", "
                + "other=" + other + ", "
                + "info=" + info + "]";
    }

    /** Collects the values of a {@link Hub}; not thread-safe. */
    public static final class Builder {
        private String type;
        private Preserved other;
        private DeviceInfo info;

        private Builder() {
        }

        /** @see Hub#type() */
        public Builder type(String value) {
            this.type = value;
            return this;
        }

        /** @see Hub#other() */
        public Builder other(Preserved value) {
            this.other = value;
            return this;
        }

        /** @see Hub#info() */
        public Builder info(DeviceInfo value) {
            this.info = value;
            return this;
        }

        public Hub build() {
            return new Hub(this);
        }
    }
}
