package org.jvirt.api.xml;

import java.util.List;
import java.util.Objects;

/**
 * A {@code <smartcard>} device on a CCID bus.
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder()}, change one with
 * {@link #toBuilder()} or a {@code with...} copy; accessors never return null lists.
 */
public final class Smartcard implements Device {
    private final String mode;
    private final List<String> certificates;
    private final String database;
    private final String type;
    private final CharSource source;
    private final Preserved other;
    private final DeviceInfo info;

    private Smartcard(Builder b) {
        this.mode = b.mode;
        this.certificates = List.copyOf(b.certificates == null ? List.of() : b.certificates);
        this.database = b.database;
        this.type = b.type;
        this.source = b.source;
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
        b.mode = mode;
        b.certificates = certificates;
        b.database = database;
        b.type = type;
        b.source = source;
        b.other = other;
        b.info = info;
        return b;
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

    /** A copy with {@code mode} replaced. */
    public Smartcard withMode(String newMode) {
        return toBuilder().mode(newMode).build();
    }

    /** A copy with {@code certificates} replaced. */
    public Smartcard withCertificates(List<String> newCertificates) {
        return toBuilder().certificates(newCertificates).build();
    }

    /** A copy with {@code database} replaced. */
    public Smartcard withDatabase(String newDatabase) {
        return toBuilder().database(newDatabase).build();
    }

    /** A copy with {@code type} replaced. */
    public Smartcard withType(String newType) {
        return toBuilder().type(newType).build();
    }

    /** A copy with {@code source} replaced. */
    public Smartcard withSource(CharSource newSource) {
        return toBuilder().source(newSource).build();
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
        return Objects.equals(mode, x.mode)
                && Objects.equals(certificates, x.certificates)
                && Objects.equals(database, x.database)
                && Objects.equals(type, x.type)
                && Objects.equals(source, x.source)
                && Objects.equals(other, x.other)
                && Objects.equals(info, x.info);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mode, certificates, database, type, source, other, info);
    }

    @Override
    public String toString() {
        return "Smartcard[" + "mode=" + mode + ", "
                + "certificates=" + certificates + ", "
                + "database=" + database + ", "
                + "type=" + type + ", "
                + "source=" + source + ", "
                + "other=" + other + ", "
                + "info=" + info + "]";
    }

    /** Collects the values of a {@link Smartcard}; not thread-safe. */
    public static final class Builder {
        private String mode;
        private List<String> certificates;
        private String database;
        private String type;
        private CharSource source;
        private Preserved other;
        private DeviceInfo info;

        private Builder() {
        }

        /** @see Smartcard#mode() */
        public Builder mode(String value) {
            this.mode = value;
            return this;
        }

        /** @see Smartcard#certificates() */
        public Builder certificates(List<String> value) {
            this.certificates = value;
            return this;
        }

        /** @see Smartcard#database() */
        public Builder database(String value) {
            this.database = value;
            return this;
        }

        /** @see Smartcard#type() */
        public Builder type(String value) {
            this.type = value;
            return this;
        }

        /** @see Smartcard#source() */
        public Builder source(CharSource value) {
            this.source = value;
            return this;
        }

        /** @see Smartcard#other() */
        public Builder other(Preserved value) {
            this.other = value;
            return this;
        }

        /** @see Smartcard#info() */
        public Builder info(DeviceInfo value) {
            this.info = value;
            return this;
        }

        public Smartcard build() {
            return new Smartcard(this);
        }
    }
}
