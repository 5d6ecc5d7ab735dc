package org.jvirt.api.xml;

/** Collects the values of a {@link AudioIo}: from {@link AudioIo#builder()} or {@link AudioIo#toBuilder()}; not thread-safe. */
public final class AudioIoBuilder {
    String mixingEngine;
    String fixedSettings;
    Integer voices;
    Integer bufferLength;
    String dev;
    Integer bufferCount;
    String tryPoll;
    String serverName;
    String clientName;
    String connectPorts;
    String exactName;
    String name;
    String streamName;
    Integer latency;
    Integer frequency;
    Integer channels;
    String format;
    Preserved other;

    AudioIoBuilder() {
    }

    AudioIoBuilder(AudioIo from) {
        mixingEngine = from.mixingEngine();
        fixedSettings = from.fixedSettings();
        voices = from.voices();
        bufferLength = from.bufferLength();
        dev = from.dev();
        bufferCount = from.bufferCount();
        tryPoll = from.tryPoll();
        serverName = from.serverName();
        clientName = from.clientName();
        connectPorts = from.connectPorts();
        exactName = from.exactName();
        name = from.name();
        streamName = from.streamName();
        latency = from.latency();
        frequency = from.frequency();
        channels = from.channels();
        format = from.format();
        other = from.other();
    }

    /** @see AudioIo#mixingEngine() */
    public AudioIoBuilder mixingEngine(String value) {
        this.mixingEngine = value;
        return this;
    }

    /** @see AudioIo#fixedSettings() */
    public AudioIoBuilder fixedSettings(String value) {
        this.fixedSettings = value;
        return this;
    }

    /** @see AudioIo#voices() */
    public AudioIoBuilder voices(Integer value) {
        this.voices = value;
        return this;
    }

    /** @see AudioIo#bufferLength() */
    public AudioIoBuilder bufferLength(Integer value) {
        this.bufferLength = value;
        return this;
    }

    /** @see AudioIo#dev() */
    public AudioIoBuilder dev(String value) {
        this.dev = value;
        return this;
    }

    /** @see AudioIo#bufferCount() */
    public AudioIoBuilder bufferCount(Integer value) {
        this.bufferCount = value;
        return this;
    }

    /** @see AudioIo#tryPoll() */
    public AudioIoBuilder tryPoll(String value) {
        this.tryPoll = value;
        return this;
    }

    /** @see AudioIo#serverName() */
    public AudioIoBuilder serverName(String value) {
        this.serverName = value;
        return this;
    }

    /** @see AudioIo#clientName() */
    public AudioIoBuilder clientName(String value) {
        this.clientName = value;
        return this;
    }

    /** @see AudioIo#connectPorts() */
    public AudioIoBuilder connectPorts(String value) {
        this.connectPorts = value;
        return this;
    }

    /** @see AudioIo#exactName() */
    public AudioIoBuilder exactName(String value) {
        this.exactName = value;
        return this;
    }

    /** @see AudioIo#name() */
    public AudioIoBuilder name(String value) {
        this.name = value;
        return this;
    }

    /** @see AudioIo#streamName() */
    public AudioIoBuilder streamName(String value) {
        this.streamName = value;
        return this;
    }

    /** @see AudioIo#latency() */
    public AudioIoBuilder latency(Integer value) {
        this.latency = value;
        return this;
    }

    /** @see AudioIo#frequency() */
    public AudioIoBuilder frequency(Integer value) {
        this.frequency = value;
        return this;
    }

    /** @see AudioIo#channels() */
    public AudioIoBuilder channels(Integer value) {
        this.channels = value;
        return this;
    }

    /** @see AudioIo#format() */
    public AudioIoBuilder format(String value) {
        this.format = value;
        return this;
    }

    /** @see AudioIo#other() */
    public AudioIoBuilder other(Preserved value) {
        this.other = value;
        return this;
    }

    public AudioIo build() {
        return new AudioIo(this);
    }
}
