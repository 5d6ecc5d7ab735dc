package org.jvirt.api.xml;

import java.util.Objects;

/**
 * A character device: {@code <serial>}, {@code <console>}, {@code <channel>} or {@code <parallel>}.
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder()}, change one with
 * {@link #toBuilder()} or a {@code with...} copy; accessors never return null lists.
 */
public final class CharDevice implements Device {
    private final String elementName;
    private final String type;
    private final CharSource source;
    private final Log log;
    private final CharTarget target;
    private final Preserved other;
    private final DeviceInfo info;

    private CharDevice(Builder b) {
        this.elementName = b.elementName;
        this.type = b.type;
        this.source = b.source;
        this.log = b.log;
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
        b.elementName = elementName;
        b.type = type;
        b.source = source;
        b.log = log;
        b.target = target;
        b.other = other;
        b.info = info;
        return b;
    }

    /** which of the four elements */
    public String elementName() {
        return elementName;
    }

    /** the host side type ({@code pty}, {@code file}, {@code tcp}, {@code udp}, {@code unix}, {@code spicevmc}, ...) */
    public String type() {
        return type;
    }

    /** the host side, or null for types without a modelled source */
    public CharSource source() {
        return source;
    }

    /** {@code <log file= append=>}: where QEMU copies the device's output, or null */
    public Log log() {
        return log;
    }

    /** {@code <target>}, or null */
    public CharTarget target() {
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

    /** A copy with {@code elementName} replaced. */
    public CharDevice withElementName(String newElementName) {
        return toBuilder().elementName(newElementName).build();
    }

    /** A copy with {@code type} replaced. */
    public CharDevice withType(String newType) {
        return toBuilder().type(newType).build();
    }

    /** A copy with {@code source} replaced. */
    public CharDevice withSource(CharSource newSource) {
        return toBuilder().source(newSource).build();
    }

    /** A copy with {@code log} replaced. */
    public CharDevice withLog(Log newLog) {
        return toBuilder().log(newLog).build();
    }

    /** A copy with {@code target} replaced. */
    public CharDevice withTarget(CharTarget newTarget) {
        return toBuilder().target(newTarget).build();
    }

    /** A copy with {@code other} replaced. */
    public CharDevice withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    /** A copy with {@code info} replaced. */
    public CharDevice withInfo(DeviceInfo newInfo) {
        return toBuilder().info(newInfo).build();
    }

    /**
     * {@code <log file= append=/>}.
     *
     * @param file   the log file
     * @param append {@code on}/{@code off}, or null
     */
    public record Log(String file, String append) {
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof CharDevice x)) {
            return false;
        }
        return Objects.equals(elementName, x.elementName)
                && Objects.equals(type, x.type)
                && Objects.equals(source, x.source)
                && Objects.equals(log, x.log)
                && Objects.equals(target, x.target)
                && Objects.equals(other, x.other)
                && Objects.equals(info, x.info);
    }

    @Override
    public int hashCode() {
        return Objects.hash(elementName, type, source, log, target, other, info);
    }

    @Override
    public String toString() {
        return "CharDevice[" + "elementName=" + elementName + ", "
                + "type=" + type + ", "
                + "source=" + source + ", "
                + "log=" + log + ", "
                + "target=" + target + ", "
                + "other=" + other + ", "
                + "info=" + info + "]";
    }

    /** Collects the values of a {@link CharDevice}; not thread-safe. */
    public static final class Builder {
        private String elementName;
        private String type;
        private CharSource source;
        private Log log;
        private CharTarget target;
        private Preserved other;
        private DeviceInfo info;

        private Builder() {
        }

        /** @see CharDevice#elementName() */
        public Builder elementName(String value) {
            this.elementName = value;
            return this;
        }

        /** @see CharDevice#type() */
        public Builder type(String value) {
            this.type = value;
            return this;
        }

        /** @see CharDevice#source() */
        public Builder source(CharSource value) {
            this.source = value;
            return this;
        }

        /** @see CharDevice#log() */
        public Builder log(Log value) {
            this.log = value;
            return this;
        }

        /** @see CharDevice#target() */
        public Builder target(CharTarget value) {
            this.target = value;
            return this;
        }

        /** @see CharDevice#other() */
        public Builder other(Preserved value) {
            this.other = value;
            return this;
        }

        /** @see CharDevice#info() */
        public Builder info(DeviceInfo value) {
            this.info = value;
            return this;
        }

        public CharDevice build() {
            return new CharDevice(this);
        }
    }
}
