package org.jvirt.api.xml;

/** Collects the values of a {@link Input}: from {@link Input#builder()} or {@link Input#toBuilder()}; not thread-safe. */
public final class InputBuilder {
    String type;
    String bus;
    String model;
    InputSource source;
    VirtioDriver driver;
    Preserved other;
    DeviceInfo info;

    InputBuilder() {
    }

    InputBuilder(Input from) {
        type = from.type();
        bus = from.bus();
        model = from.model();
        source = from.source();
        driver = from.driver();
        other = from.other();
        info = from.info();
    }

    /** @see Input#type() */
    public InputBuilder type(String value) {
        this.type = value;
        return this;
    }

    /** @see Input#bus() */
    public InputBuilder bus(String value) {
        this.bus = value;
        return this;
    }

    /** @see Input#model() */
    public InputBuilder model(String value) {
        this.model = value;
        return this;
    }

    /** @see Input#source() */
    public InputBuilder source(InputSource value) {
        this.source = value;
        return this;
    }

    /** @see Input#driver() */
    public InputBuilder driver(VirtioDriver value) {
        this.driver = value;
        return this;
    }

    /** @see Input#other() */
    public InputBuilder other(Preserved value) {
        this.other = value;
        return this;
    }

    /** @see Input#info() */
    public InputBuilder info(DeviceInfo value) {
        this.info = value;
        return this;
    }

    public Input build() {
        return new Input(this);
    }
}
