package org.jvirt.api.xml;

import java.util.Objects;

/**
 * An {@code <rng>} device.
 *
 * <p>Immutable; lists are never null. Build with {@link #builder()}, change with {@link #toBuilder()}.
 */
public final class Rng implements Device {
    private final String model;
    private final Integer rateBytes;
    private final Integer ratePeriod;
    private final RngBackend backend;
    private final VirtioDriver driver;
    private final Preserved other;
    private final DeviceInfo info;

    Rng(RngBuilder b) {
        this.model = b.model;
        this.rateBytes = b.rateBytes;
        this.ratePeriod = b.ratePeriod;
        this.backend = b.backend;
        this.driver = b.driver;
        this.other = b.other == null ? Preserved.NONE : b.other;
        this.info = b.info == null ? DeviceInfo.NONE : b.info;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static RngBuilder builder() {
        return new RngBuilder();
    }

    /** A builder holding this object's values. */
    public RngBuilder toBuilder() {
        return new RngBuilder(this);
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
        return Objects.equals(model, x.model) && Objects.equals(rateBytes, x.rateBytes)
                && Objects.equals(ratePeriod, x.ratePeriod) && Objects.equals(backend, x.backend)
                && Objects.equals(driver, x.driver) && Objects.equals(other, x.other)
                && Objects.equals(info, x.info);
    }

    @Override
    public int hashCode() {
        return Objects.hash(model, rateBytes, ratePeriod, backend, driver, other, info);
    }

    @Override
    public String toString() {
        return "Rng[model=" + model + ", rateBytes=" + rateBytes + ", ratePeriod=" + ratePeriod
                + ", backend=" + backend + ", driver=" + driver + ", other=" + other + ", info=" + info + "]";
    }

}
