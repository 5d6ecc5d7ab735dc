package org.jvirt.api.xml;

import java.util.Objects;

/**
 * An rng device's {@code <backend>}.
 *
 * <p>Immutable; lists are never null. Build with {@link #builder()}, change with {@link #toBuilder()}.
 */
public final class RngBackend {
    private final String model;
    private final String randomPath;
    private final String type;
    private final CharSource source;
    private final Preserved other;

    RngBackend(RngBackendBuilder b) {
        this.model = b.model;
        this.randomPath = b.randomPath;
        this.type = b.type;
        this.source = b.source;
        this.other = b.other == null ? Preserved.NONE : b.other;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static RngBackendBuilder builder() {
        return new RngBackendBuilder();
    }

    /** A builder holding this object's values. */
    public RngBackendBuilder toBuilder() {
        return new RngBackendBuilder(this);
    }

    /** {@code random}, {@code egd} or {@code builtin} */
    public String model() {
        return model;
    }

    /** the random device path (model random), or null (QEMU's default {@code /dev/urandom}) */
    public String randomPath() {
        return randomPath;
    }

    /** the chardev type of an egd backend ({@code tcp}, {@code udp}, {@code unix}, ...), or null */
    public String type() {
        return type;
    }

    /** the chardev source of an egd backend, or null */
    public CharSource source() {
        return source;
    }

    /** further attributes and child elements the model does not name, kept verbatim and formatted back in libvirt's order; never null */
    public Preserved other() {
        return other;
    }

    /** A copy with {@code model} replaced. */
    public RngBackend withModel(String newModel) {
        return toBuilder().model(newModel).build();
    }

    /** A copy with {@code randomPath} replaced. */
    public RngBackend withRandomPath(String newRandomPath) {
        return toBuilder().randomPath(newRandomPath).build();
    }

    /** A copy with {@code type} replaced. */
    public RngBackend withType(String newType) {
        return toBuilder().type(newType).build();
    }

    /** A copy with {@code other} replaced. */
    public RngBackend withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof RngBackend x)) {
            return false;
        }
        return Objects.equals(model, x.model) && Objects.equals(randomPath, x.randomPath)
                && Objects.equals(type, x.type) && Objects.equals(source, x.source)
                && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(model, randomPath, type, source, other);
    }

    @Override
    public String toString() {
        return "RngBackend[model=" + model + ", randomPath=" + randomPath + ", type=" + type
                + ", source=" + source + ", other=" + other + "]";
    }

}
