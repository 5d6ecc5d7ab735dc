package org.jvirt.api.xml;

import java.util.Objects;

/**
 * A {@code <crypto>} device.
 *
 * <p>Immutable; lists are never null. Build with {@link #builder()}, change with {@link #toBuilder()}.
 */
public final class Crypto implements Device {
    private final String model;
    private final String type;
    private final String backendModel;
    private final Integer backendQueues;
    private final Preserved other;
    private final DeviceInfo info;

    Crypto(CryptoBuilder b) {
        this.model = b.model;
        this.type = b.type;
        this.backendModel = b.backendModel;
        this.backendQueues = b.backendQueues;
        this.other = b.other == null ? Preserved.NONE : b.other;
        this.info = b.info == null ? DeviceInfo.NONE : b.info;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static CryptoBuilder builder() {
        return new CryptoBuilder();
    }

    /** A builder holding this object's values. */
    public CryptoBuilder toBuilder() {
        return new CryptoBuilder(this);
    }

    /** {@code virtio} */
    public String model() {
        return model;
    }

    /** {@code qemu} */
    public String type() {
        return type;
    }

    /** {@code <backend model=>} ({@code builtin}, {@code lkcf}), or null */
    public String backendModel() {
        return backendModel;
    }

    /** {@code <backend queues=>}, or null */
    public Integer backendQueues() {
        return backendQueues;
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
    public Crypto withModel(String newModel) {
        return toBuilder().model(newModel).build();
    }

    /** A copy with {@code type} replaced. */
    public Crypto withType(String newType) {
        return toBuilder().type(newType).build();
    }

    /** A copy with {@code other} replaced. */
    public Crypto withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    /** A copy with {@code info} replaced. */
    public Crypto withInfo(DeviceInfo newInfo) {
        return toBuilder().info(newInfo).build();
    }

    @Override
    public String elementName() {
        return "crypto";
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Crypto x)) {
            return false;
        }
        return Objects.equals(model, x.model) && Objects.equals(type, x.type)
                && Objects.equals(backendModel, x.backendModel)
                && Objects.equals(backendQueues, x.backendQueues) && Objects.equals(other, x.other)
                && Objects.equals(info, x.info);
    }

    @Override
    public int hashCode() {
        return Objects.hash(model, type, backendModel, backendQueues, other, info);
    }

    @Override
    public String toString() {
        return "Crypto[model=" + model + ", type=" + type + ", backendModel=" + backendModel
                + ", backendQueues=" + backendQueues + ", other=" + other + ", info=" + info + "]";
    }

}
