package org.jvirt.api.xml;

/** Collects the values of a {@link Controller}: from {@link Controller#builder()} or {@link Controller#toBuilder()}; not thread-safe. */
public final class ControllerBuilder {
    String type;
    int index = -1;
    String model;
    Integer ports;
    Integer vectors;
    String modelName;
    ControllerDriver driver;
    ControllerTarget target;
    Preserved other;
    DeviceInfo info;

    ControllerBuilder() {
    }

    ControllerBuilder(Controller from) {
        type = from.type();
        index = from.index();
        model = from.model();
        ports = from.ports();
        vectors = from.vectors();
        modelName = from.modelName();
        driver = from.driver();
        target = from.target();
        other = from.other();
        info = from.info();
    }

    /** @see Controller#type() */
    public ControllerBuilder type(String value) {
        this.type = value;
        return this;
    }

    /** @see Controller#index() */
    public ControllerBuilder index(int value) {
        this.index = value;
        return this;
    }

    /** @see Controller#model() */
    public ControllerBuilder model(String value) {
        this.model = value;
        return this;
    }

    /** @see Controller#ports() */
    public ControllerBuilder ports(Integer value) {
        this.ports = value;
        return this;
    }

    /** @see Controller#vectors() */
    public ControllerBuilder vectors(Integer value) {
        this.vectors = value;
        return this;
    }

    /** @see Controller#modelName() */
    public ControllerBuilder modelName(String value) {
        this.modelName = value;
        return this;
    }

    /** @see Controller#driver() */
    public ControllerBuilder driver(ControllerDriver value) {
        this.driver = value;
        return this;
    }

    /** @see Controller#target() */
    public ControllerBuilder target(ControllerTarget value) {
        this.target = value;
        return this;
    }

    /** @see Controller#other() */
    public ControllerBuilder other(Preserved value) {
        this.other = value;
        return this;
    }

    /** @see Controller#info() */
    public ControllerBuilder info(DeviceInfo value) {
        this.info = value;
        return this;
    }

    public Controller build() {
        return new Controller(this);
    }
}
