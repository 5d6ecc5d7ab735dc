package org.jvirt.api.xml;

import java.util.Objects;

/**
 * A {@code <tpm>} device.
 *
 * <p>Immutable; lists are never null. Build with {@link #builder()}, change with {@link #toBuilder()}.
 */
public final class Tpm implements Device {
    private final String model;
    private final TpmBackend backend;
    private final Preserved other;
    private final DeviceInfo info;

    Tpm(TpmBuilder b) {
        this.model = b.model;
        this.backend = b.backend;
        this.other = b.other == null ? Preserved.NONE : b.other;
        this.info = b.info == null ? DeviceInfo.NONE : b.info;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static TpmBuilder builder() {
        return new TpmBuilder();
    }

    /** A builder holding this object's values. */
    public TpmBuilder toBuilder() {
        return new TpmBuilder(this);
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
        return Objects.equals(model, x.model) && Objects.equals(backend, x.backend)
                && Objects.equals(other, x.other) && Objects.equals(info, x.info);
    }

    @Override
    public int hashCode() {
        return Objects.hash(model, backend, other, info);
    }

    @Override
    public String toString() {
        return "Tpm[model=" + model + ", backend=" + backend + ", other=" + other + ", info=" + info + "]";
    }

}
