package org.jvirt.api.xml;

import java.util.Objects;

/**
 * An audio backend's {@code <input>} or {@code <output>}, with the attributes of the backend's type.
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder()}, change one with
 * {@link #toBuilder()} or a {@code with...} copy; accessors never return null lists.
 */
public final class AudioIo {
    private final String mixingEngine;
    private final String fixedSettings;
    private final Integer voices;
    private final Integer bufferLength;
    private final String dev;
    private final Integer bufferCount;
    private final String tryPoll;
    private final String serverName;
    private final String clientName;
    private final String connectPorts;
    private final String exactName;
    private final String name;
    private final String streamName;
    private final Integer latency;
    private final Integer frequency;
    private final Integer channels;
    private final String format;
    private final Preserved other;

    private AudioIo(Builder b) {
        this.mixingEngine = b.mixingEngine;
        this.fixedSettings = b.fixedSettings;
        this.voices = b.voices;
        this.bufferLength = b.bufferLength;
        this.dev = b.dev;
        this.bufferCount = b.bufferCount;
        this.tryPoll = b.tryPoll;
        this.serverName = b.serverName;
        this.clientName = b.clientName;
        this.connectPorts = b.connectPorts;
        this.exactName = b.exactName;
        this.name = b.name;
        this.streamName = b.streamName;
        this.latency = b.latency;
        this.frequency = b.frequency;
        this.channels = b.channels;
        this.format = b.format;
        this.other = b.other == null ? Preserved.NONE : b.other;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.mixingEngine = mixingEngine;
        b.fixedSettings = fixedSettings;
        b.voices = voices;
        b.bufferLength = bufferLength;
        b.dev = dev;
        b.bufferCount = bufferCount;
        b.tryPoll = tryPoll;
        b.serverName = serverName;
        b.clientName = clientName;
        b.connectPorts = connectPorts;
        b.exactName = exactName;
        b.name = name;
        b.streamName = streamName;
        b.latency = latency;
        b.frequency = frequency;
        b.channels = channels;
        b.format = format;
        b.other = other;
        return b;
    }

    /** {@code yes}/{@code no}, or null */
    public String mixingEngine() {
        return mixingEngine;
    }

    /** {@code yes}/{@code no}, or null */
    public String fixedSettings() {
        return fixedSettings;
    }

    /** {@code voices}, or null */
    public Integer voices() {
        return voices;
    }

    /** {@code bufferLength} in microseconds, or null */
    public Integer bufferLength() {
        return bufferLength;
    }

    /** the device of types {@code alsa} and {@code oss}, or null */
    public String dev() {
        return dev;
    }

    /** {@code bufferCount} (coreaudio, oss, sdl), or null */
    public Integer bufferCount() {
        return bufferCount;
    }

    /** {@code tryPoll} (oss, {@code yes}/{@code no}), or null */
    public String tryPoll() {
        return tryPoll;
    }

    /** the JACK server, or null */
    public String serverName() {
        return serverName;
    }

    /** the JACK client, or null */
    public String clientName() {
        return clientName;
    }

    /** the JACK ports to connect to, or null */
    public String connectPorts() {
        return connectPorts;
    }

    /** JACK {@code exactName} ({@code yes}/{@code no}), or null */
    public String exactName() {
        return exactName;
    }

    /** the PulseAudio/PipeWire sink or source, or null */
    public String name() {
        return name;
    }

    /** the PulseAudio/PipeWire stream, or null */
    public String streamName() {
        return streamName;
    }

    /** the PulseAudio/PipeWire latency in microseconds, or null */
    public Integer latency() {
        return latency;
    }

    /** {@code <settings frequency=>}, or null */
    public Integer frequency() {
        return frequency;
    }

    /** {@code <settings channels=>}, or null */
    public Integer channels() {
        return channels;
    }

    /** {@code <settings format=>}, or null */
    public String format() {
        return format;
    }

    /** further attributes and child elements the model does not name, kept verbatim and formatted back in libvirt's order; never null */
    public Preserved other() {
        return other;
    }

    /** A copy with {@code mixingEngine} replaced. */
    public AudioIo withMixingEngine(String newMixingEngine) {
        return toBuilder().mixingEngine(newMixingEngine).build();
    }

    /** A copy with {@code fixedSettings} replaced. */
    public AudioIo withFixedSettings(String newFixedSettings) {
        return toBuilder().fixedSettings(newFixedSettings).build();
    }

    /** A copy with {@code voices} replaced. */
    public AudioIo withVoices(Integer newVoices) {
        return toBuilder().voices(newVoices).build();
    }

    /** A copy with {@code bufferLength} replaced. */
    public AudioIo withBufferLength(Integer newBufferLength) {
        return toBuilder().bufferLength(newBufferLength).build();
    }

    /** A copy with {@code dev} replaced. */
    public AudioIo withDev(String newDev) {
        return toBuilder().dev(newDev).build();
    }

    /** A copy with {@code bufferCount} replaced. */
    public AudioIo withBufferCount(Integer newBufferCount) {
        return toBuilder().bufferCount(newBufferCount).build();
    }

    /** A copy with {@code tryPoll} replaced. */
    public AudioIo withTryPoll(String newTryPoll) {
        return toBuilder().tryPoll(newTryPoll).build();
    }

    /** A copy with {@code serverName} replaced. */
    public AudioIo withServerName(String newServerName) {
        return toBuilder().serverName(newServerName).build();
    }

    /** A copy with {@code clientName} replaced. */
    public AudioIo withClientName(String newClientName) {
        return toBuilder().clientName(newClientName).build();
    }

    /** A copy with {@code connectPorts} replaced. */
    public AudioIo withConnectPorts(String newConnectPorts) {
        return toBuilder().connectPorts(newConnectPorts).build();
    }

    /** A copy with {@code exactName} replaced. */
    public AudioIo withExactName(String newExactName) {
        return toBuilder().exactName(newExactName).build();
    }

    /** A copy with {@code name} replaced. */
    public AudioIo withName(String newName) {
        return toBuilder().name(newName).build();
    }

    /** A copy with {@code streamName} replaced. */
    public AudioIo withStreamName(String newStreamName) {
        return toBuilder().streamName(newStreamName).build();
    }

    /** A copy with {@code latency} replaced. */
    public AudioIo withLatency(Integer newLatency) {
        return toBuilder().latency(newLatency).build();
    }

    /** A copy with {@code frequency} replaced. */
    public AudioIo withFrequency(Integer newFrequency) {
        return toBuilder().frequency(newFrequency).build();
    }

    /** A copy with {@code channels} replaced. */
    public AudioIo withChannels(Integer newChannels) {
        return toBuilder().channels(newChannels).build();
    }

    /** A copy with {@code format} replaced. */
    public AudioIo withFormat(String newFormat) {
        return toBuilder().format(newFormat).build();
    }

    /** A copy with {@code other} replaced. */
    public AudioIo withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof AudioIo x)) {
            return false;
        }
        return Objects.equals(mixingEngine, x.mixingEngine)
                && Objects.equals(fixedSettings, x.fixedSettings)
                && Objects.equals(voices, x.voices)
                && Objects.equals(bufferLength, x.bufferLength)
                && Objects.equals(dev, x.dev)
                && Objects.equals(bufferCount, x.bufferCount)
                && Objects.equals(tryPoll, x.tryPoll)
                && Objects.equals(serverName, x.serverName)
                && Objects.equals(clientName, x.clientName)
                && Objects.equals(connectPorts, x.connectPorts)
                && Objects.equals(exactName, x.exactName)
                && Objects.equals(name, x.name)
                && Objects.equals(streamName, x.streamName)
                && Objects.equals(latency, x.latency)
                && Objects.equals(frequency, x.frequency)
                && Objects.equals(channels, x.channels)
                && Objects.equals(format, x.format)
                && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mixingEngine, fixedSettings, voices, bufferLength, dev, bufferCount, tryPoll, serverName, clientName, connectPorts, exactName, name, streamName, latency, frequency, channels, format, other);
    }

    @Override
    public String toString() {
        return "AudioIo[" + "mixingEngine=" + mixingEngine + ", "
                + "fixedSettings=" + fixedSettings + ", "
                + "voices=" + voices + ", "
                + "bufferLength=" + bufferLength + ", "
                + "dev=" + dev + ", "
                + "bufferCount=" + bufferCount + ", "
                + "tryPoll=" + tryPoll + ", "
                + "serverName=" + serverName + ", "
                + "clientName=" + clientName + ", "
                + "connectPorts=" + connectPorts + ", "
                + "exactName=" + exactName + ", "
                + "name=" + name + ", "
                + "streamName=" + streamName + ", "
                + "latency=" + latency + ", "
                + "frequency=" + frequency + ", "
                + "channels=" + channels + ", "
                + "format=" + format + ", "
                + "other=" + other + "]";
    }

    /** Collects the values of a {@link AudioIo}; not thread-safe. */
    public static final class Builder {
        private String mixingEngine;
        private String fixedSettings;
        private Integer voices;
        private Integer bufferLength;
        private String dev;
        private Integer bufferCount;
        private String tryPoll;
        private String serverName;
        private String clientName;
        private String connectPorts;
        private String exactName;
        private String name;
        private String streamName;
        private Integer latency;
        private Integer frequency;
        private Integer channels;
        private String format;
        private Preserved other;

        private Builder() {
        }

        /** @see AudioIo#mixingEngine() */
        public Builder mixingEngine(String value) {
            this.mixingEngine = value;
            return this;
        }

        /** @see AudioIo#fixedSettings() */
        public Builder fixedSettings(String value) {
            this.fixedSettings = value;
            return this;
        }

        /** @see AudioIo#voices() */
        public Builder voices(Integer value) {
            this.voices = value;
            return this;
        }

        /** @see AudioIo#bufferLength() */
        public Builder bufferLength(Integer value) {
            this.bufferLength = value;
            return this;
        }

        /** @see AudioIo#dev() */
        public Builder dev(String value) {
            this.dev = value;
            return this;
        }

        /** @see AudioIo#bufferCount() */
        public Builder bufferCount(Integer value) {
            this.bufferCount = value;
            return this;
        }

        /** @see AudioIo#tryPoll() */
        public Builder tryPoll(String value) {
            this.tryPoll = value;
            return this;
        }

        /** @see AudioIo#serverName() */
        public Builder serverName(String value) {
            this.serverName = value;
            return this;
        }

        /** @see AudioIo#clientName() */
        public Builder clientName(String value) {
            this.clientName = value;
            return this;
        }

        /** @see AudioIo#connectPorts() */
        public Builder connectPorts(String value) {
            this.connectPorts = value;
            return this;
        }

        /** @see AudioIo#exactName() */
        public Builder exactName(String value) {
            this.exactName = value;
            return this;
        }

        /** @see AudioIo#name() */
        public Builder name(String value) {
            this.name = value;
            return this;
        }

        /** @see AudioIo#streamName() */
        public Builder streamName(String value) {
            this.streamName = value;
            return this;
        }

        /** @see AudioIo#latency() */
        public Builder latency(Integer value) {
            this.latency = value;
            return this;
        }

        /** @see AudioIo#frequency() */
        public Builder frequency(Integer value) {
            this.frequency = value;
            return this;
        }

        /** @see AudioIo#channels() */
        public Builder channels(Integer value) {
            this.channels = value;
            return this;
        }

        /** @see AudioIo#format() */
        public Builder format(String value) {
            this.format = value;
            return this;
        }

        /** @see AudioIo#other() */
        public Builder other(Preserved value) {
            this.other = value;
            return this;
        }

        public AudioIo build() {
            return new AudioIo(this);
        }
    }
}
