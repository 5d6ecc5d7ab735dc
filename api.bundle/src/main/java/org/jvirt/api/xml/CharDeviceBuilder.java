package org.jvirt.api.xml;

/** Collects the values of a {@link CharDevice}: from {@link CharDevice#builder()} or {@link CharDevice#toBuilder()}; not thread-safe. */
public final class CharDeviceBuilder {
    String elementName;
    String type;
    CharSource source;
    CharDevice.Log log;
    CharTarget target;
    Preserved other;
    DeviceInfo info;

    CharDeviceBuilder() {
    }

    CharDeviceBuilder(CharDevice from) {
        elementName = from.elementName();
        type = from.type();
        source = from.source();
        log = from.log();
        target = from.target();
        other = from.other();
        info = from.info();
    }

    /** @see CharDevice#elementName() */
    public CharDeviceBuilder elementName(String value) {
        this.elementName = value;
        return this;
    }

    /** @see CharDevice#type() */
    public CharDeviceBuilder type(String value) {
        this.type = value;
        return this;
    }

    /** @see CharDevice#source() */
    public CharDeviceBuilder source(CharSource value) {
        this.source = value;
        return this;
    }

    /** @see CharDevice#log() */
    public CharDeviceBuilder log(CharDevice.Log value) {
        this.log = value;
        return this;
    }

    /** @see CharDevice#target() */
    public CharDeviceBuilder target(CharTarget value) {
        this.target = value;
        return this;
    }

    /** @see CharDevice#other() */
    public CharDeviceBuilder other(Preserved value) {
        this.other = value;
        return this;
    }

    /** @see CharDevice#info() */
    public CharDeviceBuilder info(DeviceInfo value) {
        this.info = value;
        return this;
    }

    public CharDevice build() {
        return new CharDevice(this);
    }
}
