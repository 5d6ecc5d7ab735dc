package org.jvirt.api.xml;

import java.util.Objects;

/**
 * A character device: {@code <serial>}, {@code <console>}, {@code <channel>} or {@code <parallel>}.
 *
 * <p>Immutable; lists are never null. Build with {@link #builder()}, change with {@link #toBuilder()}.
 */
public final class CharDevice implements Device {
    private final String elementName;
    private final String type;
    private final CharSource source;
    private final Log log;
    private final CharTarget target;
    private final Preserved other;
    private final DeviceInfo info;

    CharDevice(CharDeviceBuilder b) {
        this.elementName = b.elementName;
        this.type = b.type;
        this.source = b.source;
        this.log = b.log;
        this.target = b.target;
        this.other = b.other == null ? Preserved.NONE : b.other;
        this.info = b.info == null ? DeviceInfo.NONE : b.info;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static CharDeviceBuilder builder() {
        return new CharDeviceBuilder();
    }

    /** A builder holding this object's values. */
    public CharDeviceBuilder toBuilder() {
        return new CharDeviceBuilder(this);
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

    /** A copy with {@code type} replaced. */
    public CharDevice withType(String newType) {
        return toBuilder().type(newType).build();
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
        return Objects.equals(elementName, x.elementName) && Objects.equals(type, x.type)
                && Objects.equals(source, x.source) && Objects.equals(log, x.log)
                && Objects.equals(target, x.target) && Objects.equals(other, x.other)
                && Objects.equals(info, x.info);
    }

    @Override
    public int hashCode() {
        return Objects.hash(elementName, type, source, log, target, other, info);
    }

    @Override
    public String toString() {
        return "CharDevice[elementName=" + elementName + ", type=" + type + ", source=" + source
                + ", log=" + log + ", target=" + target + ", other=" + other + ", info=" + info + "]";
    }

}
