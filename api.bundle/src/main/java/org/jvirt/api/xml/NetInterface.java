package org.jvirt.api.xml;

import java.util.Objects;

/**
 * An {@code <interface>} (network interface).
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder()}, change one with
 * {@link #toBuilder()} or a {@code with...} copy; accessors never return null lists.
 */
public final class NetInterface implements Device {
    private final String type;
    private final String mac;
    private final String macType;
    private final String macCheck;
    private final XmlElement source;
    private final String modelType;
    private final Preserved other;
    private final DeviceInfo info;

    private NetInterface(Builder b) {
        this.type = b.type;
        this.mac = b.mac;
        this.macType = b.macType;
        this.macCheck = b.macCheck;
        this.source = b.source;
        this.modelType = b.modelType;
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
        b.mac = mac;
        b.macType = macType;
        b.macCheck = macCheck;
        b.source = source;
        b.modelType = modelType;
        b.other = other;
        b.info = info;
        return b;
    }

    /** {@code network}, {@code bridge}, {@code user}, {@code ethernet}, {@code direct}, {@code hostdev}, {@code vhostuser}, ... */
    public String type() {
        return type;
    }

    /** the MAC address, lower case (the parser generates one under 52:54:00 when absent or all zero, as libvirt does) */
    public String mac() {
        return mac;
    }

    /** {@code <mac type=>} ({@code generated}/{@code static}), or null */
    public String macType() {
        return macType;
    }

    /** {@code <mac check=>} ({@code yes}/{@code no}), or null */
    public String macCheck() {
        return macCheck;
    }

    /** {@code <source>} as written, or null */
    public XmlElement source() {
        return source;
    }

    /** {@code <model type=>} ({@code virtio}, {@code e1000e}, ...), or null */
    public String modelType() {
        return modelType;
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
    public NetInterface withType(String newType) {
        return toBuilder().type(newType).build();
    }

    /** A copy with {@code mac} replaced. */
    public NetInterface withMac(String newMac) {
        return toBuilder().mac(newMac).build();
    }

    /** A copy with {@code macType} replaced. */
    public NetInterface withMacType(String newMacType) {
        return toBuilder().macType(newMacType).build();
    }

    /** A copy with {@code macCheck} replaced. */
    public NetInterface withMacCheck(String newMacCheck) {
        return toBuilder().macCheck(newMacCheck).build();
    }

    /** A copy with {@code source} replaced. */
    public NetInterface withSource(XmlElement newSource) {
        return toBuilder().source(newSource).build();
    }

    /** A copy with {@code modelType} replaced. */
    public NetInterface withModelType(String newModelType) {
        return toBuilder().modelType(newModelType).build();
    }

    /** A copy with {@code other} replaced. */
    public NetInterface withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    /** A copy with {@code info} replaced. */
    public NetInterface withInfo(DeviceInfo newInfo) {
        return toBuilder().info(newInfo).build();
    }

    @Override
    public String elementName() {
        return "interface";
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof NetInterface x)) {
            return false;
        }
        return Objects.equals(type, x.type)
                && Objects.equals(mac, x.mac)
                && Objects.equals(macType, x.macType)
                && Objects.equals(macCheck, x.macCheck)
                && Objects.equals(source, x.source)
                && Objects.equals(modelType, x.modelType)
                && Objects.equals(other, x.other)
                && Objects.equals(info, x.info);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, mac, macType, macCheck, source, modelType, other, info);
    }

    @Override
    public String toString() {
        return "NetInterface[" + "type=" + type + ", "
                + "mac=" + mac + ", "
                + "macType=" + macType + ", "
                + "macCheck=" + macCheck + ", "
                + "source=" + source + ", "
                + "modelType=" + modelType + ", "
                + "other=" + other + ", "
                + "info=" + info + "]";
    }

    /** Collects the values of a {@link NetInterface}; not thread-safe. */
    public static final class Builder {
        private String type;
        private String mac;
        private String macType;
        private String macCheck;
        private XmlElement source;
        private String modelType;
        private Preserved other;
        private DeviceInfo info;

        private Builder() {
        }

        /** @see NetInterface#type() */
        public Builder type(String value) {
            this.type = value;
            return this;
        }

        /** @see NetInterface#mac() */
        public Builder mac(String value) {
            this.mac = value;
            return this;
        }

        /** @see NetInterface#macType() */
        public Builder macType(String value) {
            this.macType = value;
            return this;
        }

        /** @see NetInterface#macCheck() */
        public Builder macCheck(String value) {
            this.macCheck = value;
            return this;
        }

        /** @see NetInterface#source() */
        public Builder source(XmlElement value) {
            this.source = value;
            return this;
        }

        /** @see NetInterface#modelType() */
        public Builder modelType(String value) {
            this.modelType = value;
            return this;
        }

        /** @see NetInterface#other() */
        public Builder other(Preserved value) {
            this.other = value;
            return this;
        }

        /** @see NetInterface#info() */
        public Builder info(DeviceInfo value) {
            this.info = value;
            return this;
        }

        public NetInterface build() {
            return new NetInterface(this);
        }
    }
}
