package org.jvirt.api.xml;

import java.util.Objects;

/**
 * A {@code <redirdev>}: a USB device redirected from a client over a character device.
 *
 * <p>Immutable; lists are never null. Build with {@link #builder()}, change with {@link #toBuilder()}.
 */
public final class Redirdev implements Device {
    private final String bus;
    private final String type;
    private final CharSource source;
    private final Preserved other;
    private final DeviceInfo info;

    Redirdev(RedirdevBuilder b) {
        this.bus = b.bus;
        this.type = b.type;
        this.source = b.source;
        this.other = b.other == null ? Preserved.NONE : b.other;
        this.info = b.info == null ? DeviceInfo.NONE : b.info;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static RedirdevBuilder builder() {
        return new RedirdevBuilder();
    }

    /** A builder holding this object's values. */
    public RedirdevBuilder toBuilder() {
        return new RedirdevBuilder(this);
    }

    /** {@code usb} */
    public String bus() {
        return bus;
    }

    /** the character device type ({@code spicevmc}, {@code tcp}, ...) */
    public String type() {
        return type;
    }

    /** the host side, or null for types without a modelled source */
    public CharSource source() {
        return source;
    }

    /** further attributes and child elements the model does not name, kept verbatim and formatted back in libvirt's order; never null */
    public Preserved other() {
        return other;
    }

    /** the device's {@code <alias>}, {@code <address>}, {@code <boot>}, {@code <acpi>} and {@code <rom>}, never null */
    public DeviceInfo info() {
        return info;
    }

    /** A copy with {@code bus} replaced. */
    public Redirdev withBus(String newBus) {
        return toBuilder().bus(newBus).build();
    }

    /** A copy with {@code type} replaced. */
    public Redirdev withType(String newType) {
        return toBuilder().type(newType).build();
    }

    /** A copy with {@code other} replaced. */
    public Redirdev withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    /** A copy with {@code info} replaced. */
    public Redirdev withInfo(DeviceInfo newInfo) {
        return toBuilder().info(newInfo).build();
    }

    @Override
    public String elementName() {
        return "redirdev";
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Redirdev x)) {
            return false;
        }
        return Objects.equals(bus, x.bus) && Objects.equals(type, x.type) && Objects.equals(source, x.source)
                && Objects.equals(other, x.other) && Objects.equals(info, x.info);
    }

    @Override
    public int hashCode() {
        return Objects.hash(bus, type, source, other, info);
    }

    @Override
    public String toString() {
        return "Redirdev[bus=" + bus + ", type=" + type + ", source=" + source + ", other=" + other
                + ", info=" + info + "]";
    }

}
