package org.jvirt.api.xml;

import java.util.Objects;

/**
 * A {@code <panic>} device.
 *
 * <p>Immutable; lists are never null. Build with {@link #builder()}, change with {@link #toBuilder()}.
 */
public final class Panic implements Device {
    private final String model;
    private final Preserved other;
    private final DeviceInfo info;

    Panic(PanicBuilder b) {
        this.model = b.model;
        this.other = b.other == null ? Preserved.NONE : b.other;
        this.info = b.info == null ? DeviceInfo.NONE : b.info;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static PanicBuilder builder() {
        return new PanicBuilder();
    }

    /** A builder holding this object's values. */
    public PanicBuilder toBuilder() {
        return new PanicBuilder(this);
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
        return Objects.equals(model, x.model) && Objects.equals(other, x.other)
                && Objects.equals(info, x.info);
    }

    @Override
    public int hashCode() {
        return Objects.hash(model, other, info);
    }

    @Override
    public String toString() {
        return "Panic[model=" + model + ", other=" + other + ", info=" + info + "]";
    }

}
