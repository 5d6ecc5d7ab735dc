package org.jvirt.api.xml;

import java.util.List;
import java.util.Objects;

/**
 * A {@code <graphics>} device. Port and listen handling is modelled for {@code vnc}; for other
 * types those attributes stay in {@code other}.
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder()}, change one with
 * {@link #toBuilder()} or a {@code with...} copy; accessors never return null lists.
 */
public final class Graphics implements Device {
    private final String type;
    private final int port;
    private final boolean autoport;
    private final List<Listen> listens;
    private final Preserved other;
    private final DeviceInfo info;

    private Graphics(Builder b) {
        this.type = b.type;
        this.port = b.port;
        this.autoport = b.autoport;
        this.listens = List.copyOf(b.listens == null ? List.of() : b.listens);
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
        b.port = port;
        b.autoport = autoport;
        b.listens = listens;
        b.other = other;
        b.info = info;
        return b;
    }

    /** {@code vnc}, {@code spice}, {@code sdl}, {@code rdp}, {@code egl-headless}, {@code dbus} */
    public String type() {
        return type;
    }

    /** the VNC port, 0 when unset; -1 is written for autoport */
    public int port() {
        return port;
    }

    /** whether the port is allocated automatically */
    public boolean autoport() {
        return autoport;
    }

    /** where it listens, first one mirrored in the legacy {@code listen}/{@code socket} attribute */
    public List<Listen> listens() {
        return listens;
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
    public Graphics withType(String newType) {
        return toBuilder().type(newType).build();
    }

    /** A copy with {@code port} replaced. */
    public Graphics withPort(int newPort) {
        return toBuilder().port(newPort).build();
    }

    /** A copy with {@code autoport} replaced. */
    public Graphics withAutoport(boolean newAutoport) {
        return toBuilder().autoport(newAutoport).build();
    }

    /** A copy with {@code listens} replaced. */
    public Graphics withListens(List<Listen> newListens) {
        return toBuilder().listens(newListens).build();
    }

    /** A copy with {@code other} replaced. */
    public Graphics withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    /** A copy with {@code info} replaced. */
    public Graphics withInfo(DeviceInfo newInfo) {
        return toBuilder().info(newInfo).build();
    }

    @Override
    public String elementName() {
        return "graphics";
    }

    /**
     * {@code <listen>}.
     *
     * @param type    {@code address}, {@code network}, {@code socket} or {@code none}
     * @param address the address (type address, or resolved network), or null
     * @param network the network name (type network), or null
     * @param socket  the UNIX socket path (type socket), or null
     * @param other   further attributes
     */
    public record Listen(String type, String address, String network, String socket, Preserved other) {
        public Listen {
            other = other == null ? Preserved.NONE : other;
        }
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Graphics x)) {
            return false;
        }
        return Objects.equals(type, x.type)
                && port == x.port
                && autoport == x.autoport
                && Objects.equals(listens, x.listens)
                && Objects.equals(other, x.other)
                && Objects.equals(info, x.info);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, port, autoport, listens, other, info);
    }

    @Override
    public String toString() {
        return "Graphics[" + "type=" + type + ", "
                + "port=" + port + ", "
                + "autoport=" + autoport + ", "
                + "listens=" + listens + ", "
                + "other=" + other + ", "
                + "info=" + info + "]";
    }

    /** Collects the values of a {@link Graphics}; not thread-safe. */
    public static final class Builder {
        private String type;
        private int port;
        private boolean autoport;
        private List<Listen> listens;
        private Preserved other;
        private DeviceInfo info;

        private Builder() {
        }

        /** @see Graphics#type() */
        public Builder type(String value) {
            this.type = value;
            return this;
        }

        /** @see Graphics#port() */
        public Builder port(int value) {
            this.port = value;
            return this;
        }

        /** @see Graphics#autoport() */
        public Builder autoport(boolean value) {
            this.autoport = value;
            return this;
        }

        /** @see Graphics#listens() */
        public Builder listens(List<Listen> value) {
            this.listens = value;
            return this;
        }

        /** @see Graphics#other() */
        public Builder other(Preserved value) {
            this.other = value;
            return this;
        }

        /** @see Graphics#info() */
        public Builder info(DeviceInfo value) {
            this.info = value;
            return this;
        }

        public Graphics build() {
            return new Graphics(this);
        }
    }
}
