package org.jvirt.api.xml;

import java.util.List;

/** Collects the values of a {@link Devices}: from {@link Devices#builder()} or {@link Devices#toBuilder()}; not thread-safe. */
public final class DevicesBuilder {
    String emulator;
    List<Device> all;

    DevicesBuilder() {
    }

    DevicesBuilder(Devices from) {
        emulator = from.emulator();
        all = from.all();
    }

    /** @see Devices#emulator() */
    public DevicesBuilder emulator(String value) {
        this.emulator = value;
        return this;
    }

    /** @see Devices#all() */
    public DevicesBuilder all(List<Device> value) {
        this.all = value;
        return this;
    }

    public Devices build() {
        return new Devices(this);
    }
}
