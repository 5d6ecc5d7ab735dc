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
    private final Integer rateBytes;
    private final Integer ratePeriod;
    private final RngBackend backend;
    private final VirtioDriver driver;
    private final Preserved other;
    private final DeviceInfo info;

    private Rng(Builder b) {
        this.model = b.model;
        this.rateBytes = b.rateBytes;
        this.ratePeriod = b.ratePeriod;
        this.backend = b.backend;
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
        b.rateBytes = rateBytes;
        b.ratePeriod = ratePeriod;
        b.backend = backend;
        b.driver = driver;
        b.other = other;
        b.info = info;
        return b;
    }

    /** {@code virtio} (or {@code virtio-transitional}, ...) */
    public String model() {
        return model;
    }

    /** {@code <rate bytes=>}, or null */
    public Integer rateBytes() {
        return rateBytes;
    }

    /** {@code <rate period=>} in milliseconds, or null */
    public Integer ratePeriod() {
        return ratePeriod;
    }

    /** {@code <backend>} */
    public RngBackend backend() {
        return backend;
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
    public Rng withModel(String newModel) {
        return toBuilder().model(newModel).build();
    }

    /** A copy with {@code rateBytes} replaced. */
    public Rng withRateBytes(Integer newRateBytes) {
        return toBuilder().rateBytes(newRateBytes).build();
    }

    /** A copy with {@code ratePeriod} replaced. */
    public Rng withRatePeriod(Integer newRatePeriod) {
        return toBuilder().ratePeriod(newRatePeriod).build();
    }

    /** A copy with {@code backend} replaced. */
    public Rng withBackend(RngBackend newBackend) {
        return toBuilder().backend(newBackend).build();
    }

    /** A copy with {@code driver} replaced. */
    public Rng withDriver(VirtioDriver newDriver) {
        return toBuilder().driver(newDriver).build();
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
        return backend == null ? null : backend.model();
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
                && Objects.equals(rateBytes, x.rateBytes)
                && Objects.equals(ratePeriod, x.ratePeriod)
                && Objects.equals(backend, x.backend)
                && Objects.equals(driver, x.driver)
                && Objects.equals(other, x.other)
                && Objects.equals(info, x.info);
    }

    @Override
    public int hashCode() {
        return Objects.hash(model, rateBytes, ratePeriod, backend, driver, other, info);
    }

    @Override
    public String toString() {
        return "Rng[" + "model=" + model + ", "
                + "rateBytes=" + rateBytes + ", "
                + "ratePeriod=" + ratePeriod + ", "
                + "backend=" + backend + ", "
                + "driver=" + driver + ", "
                + "other=" + other + ", "
                + "info=" + info + "]";
    }

    /** Collects the values of a {@link Rng}; not thread-safe. */
    public static final class Builder {
        private String model;
        private Integer rateBytes;
        private Integer ratePeriod;
        private RngBackend backend;
        private VirtioDriver driver;
        private Preserved other;
        private DeviceInfo info;

        private Builder() {
        }

        /** @see Rng#model() */
        public Builder model(String value) {
            this.model = value;
            return this;
        }

        /** @see Rng#rateBytes() */
        public Builder rateBytes(Integer value) {
            this.rateBytes = value;
            return this;
        }

        /** @see Rng#ratePeriod() */
        public Builder ratePeriod(Integer value) {
            this.ratePeriod = value;
            return this;
        }

        /** @see Rng#backend() */
        public Builder backend(RngBackend value) {
            this.backend = value;
            return this;
        }

        /** @see Rng#driver() */
        public Builder driver(VirtioDriver value) {
            this.driver = value;
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
