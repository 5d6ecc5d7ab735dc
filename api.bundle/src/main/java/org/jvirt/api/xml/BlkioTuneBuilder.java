package org.jvirt.api.xml;

import java.util.List;

/** Collects the values of a {@link BlkioTune}: from {@link BlkioTune#builder()} or {@link BlkioTune#toBuilder()}; not thread-safe. */
public final class BlkioTuneBuilder {
    Integer weight;
    List<BlkioTune.Device> devices;
    Preserved other;

    BlkioTuneBuilder() {
    }

    BlkioTuneBuilder(BlkioTune from) {
        weight = from.weight();
        devices = from.devices();
        other = from.other();
    }

    /** @see BlkioTune#weight() */
    public BlkioTuneBuilder weight(Integer value) {
        this.weight = value;
        return this;
    }

    /** @see BlkioTune#devices() */
    public BlkioTuneBuilder devices(List<BlkioTune.Device> value) {
        this.devices = value;
        return this;
    }

    /** @see BlkioTune#other() */
    public BlkioTuneBuilder other(Preserved value) {
        this.other = value;
        return this;
    }

    public BlkioTune build() {
        return new BlkioTune(this);
    }
}
