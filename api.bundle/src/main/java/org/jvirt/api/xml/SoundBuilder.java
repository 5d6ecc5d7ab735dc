package org.jvirt.api.xml;

import java.util.List;

/** Collects the values of a {@link Sound}: from {@link Sound#builder()} or {@link Sound#toBuilder()}; not thread-safe. */
public final class SoundBuilder {
    String model;
    String multichannel;
    List<String> codecs;
    Integer audioId;
    Preserved other;
    DeviceInfo info;

    SoundBuilder() {
    }

    SoundBuilder(Sound from) {
        model = from.model();
        multichannel = from.multichannel();
        codecs = from.codecs();
        audioId = from.audioId();
        other = from.other();
        info = from.info();
    }

    /** @see Sound#model() */
    public SoundBuilder model(String value) {
        this.model = value;
        return this;
    }

    /** @see Sound#multichannel() */
    public SoundBuilder multichannel(String value) {
        this.multichannel = value;
        return this;
    }

    /** @see Sound#codecs() */
    public SoundBuilder codecs(List<String> value) {
        this.codecs = value;
        return this;
    }

    /** @see Sound#audioId() */
    public SoundBuilder audioId(Integer value) {
        this.audioId = value;
        return this;
    }

    /** @see Sound#other() */
    public SoundBuilder other(Preserved value) {
        this.other = value;
        return this;
    }

    /** @see Sound#info() */
    public SoundBuilder info(DeviceInfo value) {
        this.info = value;
        return this;
    }

    public Sound build() {
        return new Sound(this);
    }
}
