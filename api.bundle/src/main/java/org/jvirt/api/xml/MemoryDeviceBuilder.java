package org.jvirt.api.xml;

/** Collects the values of a {@link MemoryDevice}: from {@link MemoryDevice#builder()} or {@link MemoryDevice#toBuilder()}; not thread-safe. */
public final class MemoryDeviceBuilder {
    String model;
    String access;
    String discard;
    String uuid;
    MemorySource source;
    MemoryTarget target;
    Preserved other;
    DeviceInfo info;

    MemoryDeviceBuilder() {
    }

    MemoryDeviceBuilder(MemoryDevice from) {
        model = from.model();
        access = from.access();
        discard = from.discard();
        uuid = from.uuid();
        source = from.source();
        target = from.target();
        other = from.other();
        info = from.info();
    }

    /** @see MemoryDevice#model() */
    public MemoryDeviceBuilder model(String value) {
        this.model = value;
        return this;
    }

    /** @see MemoryDevice#access() */
    public MemoryDeviceBuilder access(String value) {
        this.access = value;
        return this;
    }

    /** @see MemoryDevice#discard() */
    public MemoryDeviceBuilder discard(String value) {
        this.discard = value;
        return this;
    }

    /** @see MemoryDevice#uuid() */
    public MemoryDeviceBuilder uuid(String value) {
        this.uuid = value;
        return this;
    }

    /** @see MemoryDevice#source() */
    public MemoryDeviceBuilder source(MemorySource value) {
        this.source = value;
        return this;
    }

    /** @see MemoryDevice#target() */
    public MemoryDeviceBuilder target(MemoryTarget value) {
        this.target = value;
        return this;
    }

    /** @see MemoryDevice#other() */
    public MemoryDeviceBuilder other(Preserved value) {
        this.other = value;
        return this;
    }

    /** @see MemoryDevice#info() */
    public MemoryDeviceBuilder info(DeviceInfo value) {
        this.info = value;
        return this;
    }

    public MemoryDevice build() {
        return new MemoryDevice(this);
    }
}
