package org.jvirt.api.xml;

import java.util.Objects;

/**
 * A {@code <vsock>} device.
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder()}, change one with
 * {@link #toBuilder()} or a {@code with...} copy; accessors never return null lists.
 */
public final class Vsock implements Device {
    private final String model;
    private final String cidAuto;
    private final Integer cidAddress;
    private final VirtioDriver driver;
    private final Preserved other;
    private final DeviceInfo info;

    private Vsock(Builder b) {
        this.model = b.model;
        this.cidAuto = b.cidAuto;
        this.cidAddress = b.cidAddress;
        this.driver = b.driver;
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
        b.cidAuto = cidAuto;
        b.cidAddress = cidAddress;
        b.driver = driver;
        b.other = other;
        b.info = info;
        return b;
    }

    /** {@code virtio}, {@code virtio-transitional}, {@code virtio-non-transitional}, or null */
    public String model() {
        return model;
    }

    /** {@code <cid auto=>} ({@code yes}/{@code no}), or null */
    public String cidAuto() {
        return cidAuto;
    }

    /** {@code <cid address=>}, or null */
    public Integer cidAddress() {
        return cidAddress;
    }

    /** {@code <driver>}, or null */
    public VirtioDriver driver() {
        return driver;
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
    public Vsock withModel(String newModel) {
        return toBuilder().model(newModel).build();
    }

    /** A copy with {@code cidAuto} replaced. */
    public Vsock withCidAuto(String newCidAuto) {
        return toBuilder().cidAuto(newCidAuto).build();
    }

    /** A copy with {@code cidAddress} replaced. */
    public Vsock withCidAddress(Integer newCidAddress) {
        return toBuilder().cidAddress(newCidAddress).build();
    }

    /** A copy with {@code driver} replaced. */
    public Vsock withDriver(VirtioDriver newDriver) {
        return toBuilder().driver(newDriver).build();
    }

    /** A copy with {@code other} replaced. */
    public Vsock withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    /** A copy with {@code info} replaced. */
    public Vsock withInfo(DeviceInfo newInfo) {
        return toBuilder().info(newInfo).build();
    }

    @Override
    public String elementName() {
        return "vsock";
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Vsock x)) {
            return false;
        }
        return Objects.equals(model, x.model)
                && Objects.equals(cidAuto, x.cidAuto)
                && Objects.equals(cidAddress, x.cidAddress)
                && Objects.equals(driver, x.driver)
                && Objects.equals(other, x.other)
                && Objects.equals(info, x.info);
    }

    @Override
    public int hashCode() {
        return Objects.hash(model, cidAuto, cidAddress, driver, other, info);
    }

    @Override
    public String toString() {
        return "Vsock[" + "model=" + model + ", "
                + "cidAuto=" + cidAuto + ", "
                + "cidAddress=" + cidAddress + ", "
                + "driver=" + driver + ", "
                + "other=" + other + ", "
                + "info=" + info + "]";
    }

    /** Collects the values of a {@link Vsock}; not thread-safe. */
    public static final class Builder {
        private String model;
        private String cidAuto;
        private Integer cidAddress;
        private VirtioDriver driver;
        private Preserved other;
        private DeviceInfo info;

        private Builder() {
        }

        /** @see Vsock#model() */
        public Builder model(String value) {
            this.model = value;
            return this;
        }

        /** @see Vsock#cidAuto() */
        public Builder cidAuto(String value) {
            this.cidAuto = value;
            return this;
        }

        /** @see Vsock#cidAddress() */
        public Builder cidAddress(Integer value) {
            this.cidAddress = value;
            return this;
        }

        /** @see Vsock#driver() */
        public Builder driver(VirtioDriver value) {
            this.driver = value;
            return this;
        }

        /** @see Vsock#other() */
        public Builder other(Preserved value) {
            this.other = value;
            return this;
        }

        /** @see Vsock#info() */
        public Builder info(DeviceInfo value) {
            this.info = value;
            return this;
        }

        public Vsock build() {
            return new Vsock(this);
        }
    }
}
