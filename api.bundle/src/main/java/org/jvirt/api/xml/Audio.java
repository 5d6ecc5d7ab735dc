package org.jvirt.api.xml;

import java.util.Objects;

/**
 * An {@code <audio>} backend (virDomainAudioDef) with the attributes of its type.
 *
 * <p>Immutable; lists are never null. Build with {@link #builder()}, change with {@link #toBuilder()}.
 */
public final class Audio implements Device {
    private final Integer id;
    private final String type;
    private final Integer timerPeriod;
    private final String path;
    private final String serverName;
    private final String runtimeDir;
    private final String driver;
    private final AudioIo input;
    private final AudioIo output;
    private final Preserved other;
    private final DeviceInfo info;

    Audio(AudioBuilder b) {
        this.id = b.id;
        this.type = b.type;
        this.timerPeriod = b.timerPeriod;
        this.path = b.path;
        this.serverName = b.serverName;
        this.runtimeDir = b.runtimeDir;
        this.driver = b.driver;
        this.input = b.input;
        this.output = b.output;
        this.other = b.other == null ? Preserved.NONE : b.other;
        this.info = b.info == null ? DeviceInfo.NONE : b.info;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static AudioBuilder builder() {
        return new AudioBuilder();
    }

    /** A builder holding this object's values. */
    public AudioBuilder toBuilder() {
        return new AudioBuilder(this);
    }

    /** the backend id (1 and up), or null */
    public Integer id() {
        return id;
    }

    /** {@code none}, {@code alsa}, {@code coreaudio}, {@code dbus}, {@code jack}, {@code oss}, {@code pulseaudio}, {@code sdl}, {@code spice}, {@code file} */
    public String type() {
        return type;
    }

    /** {@code timerPeriod} in microseconds, or null */
    public Integer timerPeriod() {
        return timerPeriod;
    }

    /** the WAV file of type {@code file}, or null */
    public String path() {
        return path;
    }

    /** the server of type {@code pulseaudio}, or null */
    public String serverName() {
        return serverName;
    }

    /** the runtime directory of type {@code pipewire}, or null */
    public String runtimeDir() {
        return runtimeDir;
    }

    /** the SDL audio driver of type {@code sdl}, or null */
    public String driver() {
        return driver;
    }

    /** {@code <input>}, or null */
    public AudioIo input() {
        return input;
    }

    /** {@code <output>}, or null */
    public AudioIo output() {
        return output;
    }

    /** further attributes and child elements the model does not name, kept verbatim and formatted back in libvirt's order; never null */
    public Preserved other() {
        return other;
    }

    /** the device's {@code <alias>}, {@code <address>}, {@code <boot>}, {@code <acpi>} and {@code <rom>}, never null */
    public DeviceInfo info() {
        return info;
    }

    /** A copy with {@code id} replaced. */
    public Audio withId(Integer newId) {
        return toBuilder().id(newId).build();
    }

    /** A copy with {@code type} replaced. */
    public Audio withType(String newType) {
        return toBuilder().type(newType).build();
    }

    /** A copy with {@code driver} replaced. */
    public Audio withDriver(String newDriver) {
        return toBuilder().driver(newDriver).build();
    }

    /** A copy with {@code other} replaced. */
    public Audio withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    /** A copy with {@code info} replaced. */
    public Audio withInfo(DeviceInfo newInfo) {
        return toBuilder().info(newInfo).build();
    }

    @Override
    public String elementName() {
        return "audio";
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Audio x)) {
            return false;
        }
        return Objects.equals(id, x.id) && Objects.equals(type, x.type)
                && Objects.equals(timerPeriod, x.timerPeriod) && Objects.equals(path, x.path)
                && Objects.equals(serverName, x.serverName) && Objects.equals(runtimeDir, x.runtimeDir)
                && Objects.equals(driver, x.driver) && Objects.equals(input, x.input)
                && Objects.equals(output, x.output) && Objects.equals(other, x.other)
                && Objects.equals(info, x.info);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, type, timerPeriod, path, serverName, runtimeDir, driver, input, output, other,
                info);
    }

    @Override
    public String toString() {
        return "Audio[id=" + id + ", type=" + type + ", timerPeriod=" + timerPeriod + ", path=" + path
                + ", serverName=" + serverName + ", runtimeDir=" + runtimeDir + ", driver=" + driver
                + ", input=" + input + ", output=" + output + ", other=" + other + ", info=" + info + "]";
    }

}
