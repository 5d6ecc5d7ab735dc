package org.jvirt.api.xml;

import java.util.List;
import java.util.Objects;

/**
 * A {@code <smartcard>} device on a CCID bus.
 *
 * <p>Immutable; lists are never null. Build with {@link #builder()}, change with {@link #toBuilder()}.
 */
public final class Smartcard implements Device {
    private final String mode;
    private final List<String> certificates;
    private final String database;
    private final String type;
    private final CharSource source;
    private final Preserved other;
    private final DeviceInfo info;

    Smartcard(SmartcardBuilder b) {
        this.mode = b.mode;
        this.certificates = List.copyOf(b.certificates == null ? List.of() : b.certificates);
        this.database = b.database;
        this.type = b.type;
        this.source = b.source;
        this.other = b.other == null ? Preserved.NONE : b.other;
        this.info = b.info == null ? DeviceInfo.NONE : b.info;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static SmartcardBuilder builder() {
        return new SmartcardBuilder();
    }

    /** A builder holding this object's values. */
    public SmartcardBuilder toBuilder() {
        return new SmartcardBuilder(this);
    }

    /** {@code host}, {@code host-certificates} or {@code passthrough} */
    public String mode() {
        return mode;
    }

    /** the {@code <certificate>} files of {@code host-certificates} mode, in order */
    public List<String> certificates() {
        return certificates;
    }

    /** {@code <database>}: the NSS database directory of {@code host-certificates} mode, or null */
    public String database() {
        return database;
    }

    /** the character device type of {@code passthrough} mode ({@code tcp}, {@code spicevmc}, {@code unix}, ...), or null */
    public String type() {
        return type;
    }

    /** the host side of {@code passthrough} mode, or null for types without a modelled source */
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

    /** A copy with {@code type} replaced. */
    public Smartcard withType(String newType) {
        return toBuilder().type(newType).build();
    }

    /** A copy with {@code other} replaced. */
    public Smartcard withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    /** A copy with {@code info} replaced. */
    public Smartcard withInfo(DeviceInfo newInfo) {
        return toBuilder().info(newInfo).build();
    }

    @Override
    public String elementName() {
        return "smartcard";
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Smartcard x)) {
            return false;
        }
        return Objects.equals(mode, x.mode) && Objects.equals(certificates, x.certificates)
                && Objects.equals(database, x.database) && Objects.equals(type, x.type)
                && Objects.equals(source, x.source) && Objects.equals(other, x.other)
                && Objects.equals(info, x.info);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mode, certificates, database, type, source, other, info);
    }

    @Override
    public String toString() {
        return "Smartcard[mode=" + mode + ", certificates=" + certificates + ", database=" + database
                + ", type=" + type + ", source=" + source + ", other=" + other + ", info=" + info + "]";
    }

}
