package org.jvirt.api.xml;

import java.util.Objects;

/**
 * An {@code <audio>} backend (virDomainAudioDef) with the attributes of its type.
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder()}, change one with
 * {@link #toBuilder()} or a {@code with...} copy; accessors never return null lists.
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

    private Audio(Builder b) {
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
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.type = type;
        b.timerPeriod = timerPeriod;
        b.path = path;
        b.serverName = serverName;
        b.runtimeDir = runtimeDir;
        b.driver = driver;
        b.input = input;
        b.output = output;
        b.other = other;
        b.info = info;
        return b;
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

    /** A copy with {@code timerPeriod} replaced. */
    public Audio withTimerPeriod(Integer newTimerPeriod) {
        return toBuilder().timerPeriod(newTimerPeriod).build();
    }

    /** A copy with {@code path} replaced. */
    public Audio withPath(String newPath) {
        return toBuilder().path(newPath).build();
    }

    /** A copy with {@code serverName} replaced. */
    public Audio withServerName(String newServerName) {
        return toBuilder().serverName(newServerName).build();
    }

    /** A copy with {@code runtimeDir} replaced. */
    public Audio withRuntimeDir(String newRuntimeDir) {
        return toBuilder().runtimeDir(newRuntimeDir).build();
    }

    /** A copy with {@code driver} replaced. */
    public Audio withDriver(String newDriver) {
        return toBuilder().driver(newDriver).build();
    }

    /** A copy with {@code input} replaced. */
    public Audio withInput(AudioIo newInput) {
        return toBuilder().input(newInput).build();
    }

    /** A copy with {@code output} replaced. */
    public Audio withOutput(AudioIo newOutput) {
        return toBuilder().output(newOutput).build();
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
        return Objects.equals(id, x.id)
                && Objects.equals(type, x.type)
                && Objects.equals(timerPeriod, x.timerPeriod)
                && Objects.equals(path, x.path)
                && Objects.equals(serverName, x.serverName)
                && Objects.equals(runtimeDir, x.runtimeDir)
                && Objects.equals(driver, x.driver)
                && Objects.equals(input, x.input)
                && Objects.equals(output, x.output)
                && Objects.equals(other, x.other)
                && Objects.equals(info, x.info);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, type, timerPeriod, path, serverName, runtimeDir, driver, input, output, other, info);
    }

    @Override
    public String toString() {
        return "Audio[" + "id=" + id + ", "
                + "type=" + type + ", "
                + "timerPeriod=" + timerPeriod + ", "
                + "path=" + path + ", "
                + "serverName=" + serverName + ", "
                + "runtimeDir=" + runtimeDir + ", "
                + "driver=" + driver + ", "
                + "input=" + input + ", "
                + "output=" + output + ", "
                + "other=" + other + ", "
                + "info=" + info + "]";
    }

    /** Collects the values of a {@link Audio}; not thread-safe. */
    public static final class Builder {
        private Integer id;
        private String type;
        private Integer timerPeriod;
        private String path;
        private String serverName;
        private String runtimeDir;
        private String driver;
        private AudioIo input;
        private AudioIo output;
        private Preserved other;
        private DeviceInfo info;

        private Builder() {
        }

        /** @see Audio#id() */
        public Builder id(Integer value) {
            this.id = value;
            return this;
        }

        /** @see Audio#type() */
        public Builder type(String value) {
            this.type = value;
            return this;
        }

        /** @see Audio#timerPeriod() */
        public Builder timerPeriod(Integer value) {
            this.timerPeriod = value;
            return this;
        }

        /** @see Audio#path() */
        public Builder path(String value) {
            this.path = value;
            return this;
        }

        /** @see Audio#serverName() */
        public Builder serverName(String value) {
            this.serverName = value;
            return this;
        }

        /** @see Audio#runtimeDir() */
        public Builder runtimeDir(String value) {
            this.runtimeDir = value;
            return this;
        }

        /** @see Audio#driver() */
        public Builder driver(String value) {
            this.driver = value;
            return this;
        }

        /** @see Audio#input() */
        public Builder input(AudioIo value) {
            this.input = value;
            return this;
        }

        /** @see Audio#output() */
        public Builder output(AudioIo value) {
            this.output = value;
            return this;
        }

        /** @see Audio#other() */
        public Builder other(Preserved value) {
            this.other = value;
            return this;
        }

        /** @see Audio#info() */
        public Builder info(DeviceInfo value) {
            this.info = value;
            return this;
        }

        public Audio build() {
            return new Audio(this);
        }
    }
}
