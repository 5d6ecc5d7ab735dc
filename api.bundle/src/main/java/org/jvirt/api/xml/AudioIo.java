package org.jvirt.api.xml;

import java.util.Objects;

/**
 * An audio backend's {@code <input>} or {@code <output>}; type-specific attributes stay in {@code other}.
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder()}, change one with
 * {@link #toBuilder()} or a {@code with...} copy; accessors never return null lists.
 */
public final class AudioIo {
    private final String mixingEngine;
    private final String fixedSettings;
    private final Integer voices;
    private final Integer bufferLength;
    private final Integer frequency;
    private final Integer channels;
    private final String format;
    private final Preserved other;

    private AudioIo(Builder b) {
        this.mixingEngine = b.mixingEngine;
        this.fixedSettings = b.fixedSettings;
        this.voices = b.voices;
        this.bufferLength = b.bufferLength;
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
                && Objects.equals(frequency, x.frequency)
                && Objects.equals(channels, x.channels)
                && Objects.equals(format, x.format)
                && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mixingEngine, fixedSettings, voices, bufferLength, frequency, channels, format, other);
    }

    @Override
    public String toString() {
        return "AudioIo[" + "mixingEngine=" + mixingEngine + ", "
                + "fixedSettings=" + fixedSettings + ", "
                + "voices=" + voices + ", "
                + "bufferLength=" + bufferLength + ", "
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
