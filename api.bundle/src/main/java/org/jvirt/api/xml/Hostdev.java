package org.jvirt.api.xml;

import java.util.Objects;

/**
 * A {@code <hostdev>} (host device assignment).
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder()}, change one with
 * {@link #toBuilder()} or a {@code with...} copy; accessors never return null lists.
 */
public final class Hostdev implements Device {
    private final String mode;
    private final String type;
    private final String managed;
    private final XmlElement source;
    private final Preserved other;
    private final DeviceInfo info;

    private Hostdev(Builder b) {
        this.mode = b.mode;
        this.type = b.type;
        this.managed = b.managed;
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
        b.type = type;
        b.managed = managed;
        b.source = source;
        b.other = other;
        b.info = info;
        return b;
    }

    /** {@code subsystem} or {@code capabilities} */
    public String mode() {
        return mode;
    }

    /** {@code pci}, {@code usb}, {@code scsi}, {@code scsi_host}, {@code mdev}, {@code storage}, ... */
    public String type() {
        return type;
    }

    /** {@code yes}/{@code no}, or null */
    public String managed() {
        return managed;
    }

    /** {@code <source>} as written, or null */
    public XmlElement source() {
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
    public Hostdev withMode(String newMode) {
        return toBuilder().mode(newMode).build();
    }

    /** A copy with {@code type} replaced. */
    public Hostdev withType(String newType) {
        return toBuilder().type(newType).build();
    }

    /** A copy with {@code managed} replaced. */
    public Hostdev withManaged(String newManaged) {
        return toBuilder().managed(newManaged).build();
    }

    /** A copy with {@code source} replaced. */
    public Hostdev withSource(XmlElement newSource) {
        return toBuilder().source(newSource).build();
    }

    /** A copy with {@code other} replaced. */
    public Hostdev withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    /** A copy with {@code info} replaced. */
    public Hostdev withInfo(DeviceInfo newInfo) {
        return toBuilder().info(newInfo).build();
    }

    @Override
    public String elementName() {
        return "hostdev";
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Hostdev x)) {
            return false;
        }
        return Objects.equals(mode, x.mode)
                && Objects.equals(type, x.type)
                && Objects.equals(managed, x.managed)
                && Objects.equals(source, x.source)
                && Objects.equals(other, x.other)
                && Objects.equals(info, x.info);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mode, type, managed, source, other, info);
    }

    @Override
    public String toString() {
        return "Hostdev[" + "mode=" + mode + ", "
                + "type=" + type + ", "
                + "managed=" + managed + ", "
                + "source=" + source + ", "
                + "other=" + other + ", "
                + "info=" + info + "]";
    }

    /** Collects the values of a {@link Hostdev}; not thread-safe. */
    public static final class Builder {
        private String mode;
        private String type;
        private String managed;
        private XmlElement source;
        private Preserved other;
        private DeviceInfo info;

        private Builder() {
        }

        /** @see Hostdev#mode() */
        public Builder mode(String value) {
            this.mode = value;
            return this;
        }

        /** @see Hostdev#type() */
        public Builder type(String value) {
            this.type = value;
            return this;
        }

        /** @see Hostdev#managed() */
        public Builder managed(String value) {
            this.managed = value;
            return this;
        }

        /** @see Hostdev#source() */
        public Builder source(XmlElement value) {
            this.source = value;
            return this;
        }

        /** @see Hostdev#other() */
        public Builder other(Preserved value) {
            this.other = value;
            return this;
        }

        /** @see Hostdev#info() */
        public Builder info(DeviceInfo value) {
            this.info = value;
            return this;
        }

        public Hostdev build() {
            return new Hostdev(this);
        }
    }
}
