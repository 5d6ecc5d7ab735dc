package org.jvirt.api.xml;

import java.util.Objects;

/**
 * An audio backend's {@code <input>} or {@code <output>}, with the attributes of the backend's type.
 *
 * <p>Immutable; lists are never null. Build with {@link #builder()}, change with {@link #toBuilder()}.
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

    AudioIo(AudioIoBuilder b) {
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
    public static AudioIoBuilder builder() {
        return new AudioIoBuilder();
    }

    /** A builder holding this object's values. */
    public AudioIoBuilder toBuilder() {
        return new AudioIoBuilder(this);
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

    /** A copy with {@code name} replaced. */
    public AudioIo withName(String newName) {
        return toBuilder().name(newName).build();
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
        return Objects.equals(mixingEngine, x.mixingEngine) && Objects.equals(fixedSettings, x.fixedSettings)
                && Objects.equals(voices, x.voices) && Objects.equals(bufferLength, x.bufferLength)
                && Objects.equals(dev, x.dev) && Objects.equals(bufferCount, x.bufferCount)
                && Objects.equals(tryPoll, x.tryPoll) && Objects.equals(serverName, x.serverName)
                && Objects.equals(clientName, x.clientName) && Objects.equals(connectPorts, x.connectPorts)
                && Objects.equals(exactName, x.exactName) && Objects.equals(name, x.name)
                && Objects.equals(streamName, x.streamName) && Objects.equals(latency, x.latency)
                && Objects.equals(frequency, x.frequency) && Objects.equals(channels, x.channels)
                && Objects.equals(format, x.format) && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mixingEngine, fixedSettings, voices, bufferLength, dev, bufferCount, tryPoll,
                serverName, clientName, connectPorts, exactName, name, streamName, latency, frequency,
                channels, format, other);
    }

    @Override
    public String toString() {
        return "AudioIo[mixingEngine=" + mixingEngine + ", fixedSettings=" + fixedSettings
                + ", voices=" + voices + ", bufferLength=" + bufferLength + ", dev=" + dev
                + ", bufferCount=" + bufferCount + ", tryPoll=" + tryPoll + ", serverName=" + serverName
                + ", clientName=" + clientName + ", connectPorts=" + connectPorts + ", exactName=" + exactName
                + ", name=" + name + ", streamName=" + streamName + ", latency=" + latency
                + ", frequency=" + frequency + ", channels=" + channels + ", format=" + format
                + ", other=" + other + "]";
    }

}
