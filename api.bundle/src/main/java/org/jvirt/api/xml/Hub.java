package org.jvirt.api.xml;

import java.util.Objects;

/**
 * A {@code <hub>} device.
 *
 * <p>Immutable; lists are never null. Build with {@link #builder()}, change with {@link #toBuilder()}.
 */
public final class Hub implements Device {
    private final String type;
    private final Preserved other;
    private final DeviceInfo info;

    Hub(HubBuilder b) {
        this.type = b.type;
        this.other = b.other == null ? Preserved.NONE : b.other;
        this.info = b.info == null ? DeviceInfo.NONE : b.info;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static HubBuilder builder() {
        return new HubBuilder();
    }

    /** A builder holding this object's values. */
    public HubBuilder toBuilder() {
        return new HubBuilder(this);
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
        return Objects.equals(type, x.type) && Objects.equals(other, x.other) && Objects.equals(info, x.info);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, other, info);
    }

    @Override
    public String toString() {
        return "Hub[type=" + type + ", other=" + other + ", info=" + info + "]";
    }

}
