package org.jvirt.api.xml;

import java.util.Objects;

/**
 * A {@code <filesystem>} (shared host directory).
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder()}, change one with
 * {@link #toBuilder()} or a {@code with...} copy; accessors never return null lists.
 */
public final class Filesystem implements Device {
    private final String type;
    private final String accessMode;
    private final XmlElement source;
    private final XmlElement target;
    private final Preserved other;
    private final DeviceInfo info;

    private Filesystem(Builder b) {
        this.type = b.type;
        this.accessMode = b.accessMode;
        this.source = b.source;
        this.target = b.target;
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
        b.type = type;
        b.accessMode = accessMode;
        b.source = source;
        b.target = target;
        b.other = other;
        b.info = info;
        return b;
    }

    /** {@code mount}, {@code block}, {@code file}, {@code template}, {@code ram}, {@code bind} */
    public String type() {
        return type;
    }

    /** {@code passthrough}, {@code mapped}, {@code squash}, or null */
    public String accessMode() {
        return accessMode;
    }

    /** {@code <source>} as written, or null */
    public XmlElement source() {
        return source;
    }

    /** {@code <target>} as written, or null */
    public XmlElement target() {
        return target;
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
    public Filesystem withType(String newType) {
        return toBuilder().type(newType).build();
    }

    /** A copy with {@code accessMode} replaced. */
    public Filesystem withAccessMode(String newAccessMode) {
        return toBuilder().accessMode(newAccessMode).build();
    }

    /** A copy with {@code source} replaced. */
    public Filesystem withSource(XmlElement newSource) {
        return toBuilder().source(newSource).build();
    }

    /** A copy with {@code target} replaced. */
    public Filesystem withTarget(XmlElement newTarget) {
        return toBuilder().target(newTarget).build();
    }

    /** A copy with {@code other} replaced. */
    public Filesystem withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    /** A copy with {@code info} replaced. */
    public Filesystem withInfo(DeviceInfo newInfo) {
        return toBuilder().info(newInfo).build();
    }

    @Override
    public String elementName() {
        return "filesystem";
    }

    /** The target mount tag or directory, or null. */
    public String targetDir() {
        return target == null ? null : target.attribute("dir");
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Filesystem x)) {
            return false;
        }
        return Objects.equals(type, x.type)
                && Objects.equals(accessMode, x.accessMode)
                && Objects.equals(source, x.source)
                && Objects.equals(target, x.target)
                && Objects.equals(other, x.other)
                && Objects.equals(info, x.info);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, accessMode, source, target, other, info);
    }

    @Override
    public String toString() {
        return "Filesystem[" + "type=" + type + ", "
                + "accessMode=" + accessMode + ", "
                + "source=" + source + ", "
                + "target=" + target + ", "
                + "other=" + other + ", "
                + "info=" + info + "]";
    }

    /** Collects the values of a {@link Filesystem}; not thread-safe. */
    public static final class Builder {
        private String type;
        private String accessMode;
        private XmlElement source;
        private XmlElement target;
        private Preserved other;
        private DeviceInfo info;

        private Builder() {
        }

        /** @see Filesystem#type() */
        public Builder type(String value) {
            this.type = value;
            return this;
        }

        /** @see Filesystem#accessMode() */
        public Builder accessMode(String value) {
            this.accessMode = value;
            return this;
        }

        /** @see Filesystem#source() */
        public Builder source(XmlElement value) {
            this.source = value;
            return this;
        }

        /** @see Filesystem#target() */
        public Builder target(XmlElement value) {
            this.target = value;
            return this;
        }

        /** @see Filesystem#other() */
        public Builder other(Preserved value) {
            this.other = value;
            return this;
        }

        /** @see Filesystem#info() */
        public Builder info(DeviceInfo value) {
            this.info = value;
            return this;
        }

        public Filesystem build() {
            return new Filesystem(this);
        }
    }
}
