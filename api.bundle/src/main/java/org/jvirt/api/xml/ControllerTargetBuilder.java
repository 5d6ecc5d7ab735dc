package org.jvirt.api.xml;

/** Collects the values of a {@link ControllerTarget}: from {@link ControllerTarget#builder()} or {@link ControllerTarget#toBuilder()}; not thread-safe. */
public final class ControllerTargetBuilder {
    Integer chassisNr;
    Integer chassis;
    Integer port;
    Integer busNr;
    Integer index;
    String hotplug;
    Long memReserve;
    Preserved other;

    ControllerTargetBuilder() {
    }

    ControllerTargetBuilder(ControllerTarget from) {
        chassisNr = from.chassisNr();
        chassis = from.chassis();
        port = from.port();
        busNr = from.busNr();
        index = from.index();
        hotplug = from.hotplug();
        memReserve = from.memReserve();
        other = from.other();
    }

    /** @see ControllerTarget#chassisNr() */
    public ControllerTargetBuilder chassisNr(Integer value) {
        this.chassisNr = value;
        return this;
    }

    /** @see ControllerTarget#chassis() */
    public ControllerTargetBuilder chassis(Integer value) {
        this.chassis = value;
        return this;
    }

    /** @see ControllerTarget#port() */
    public ControllerTargetBuilder port(Integer value) {
        this.port = value;
        return this;
    }

    /** @see ControllerTarget#busNr() */
    public ControllerTargetBuilder busNr(Integer value) {
        this.busNr = value;
        return this;
    }

    /** @see ControllerTarget#index() */
    public ControllerTargetBuilder index(Integer value) {
        this.index = value;
        return this;
    }

    /** @see ControllerTarget#hotplug() */
    public ControllerTargetBuilder hotplug(String value) {
        this.hotplug = value;
        return this;
    }

    /** @see ControllerTarget#memReserve() */
    public ControllerTargetBuilder memReserve(Long value) {
        this.memReserve = value;
        return this;
    }

    /** @see ControllerTarget#other() */
    public ControllerTargetBuilder other(Preserved value) {
        this.other = value;
        return this;
    }

    public ControllerTarget build() {
        return new ControllerTarget(this);
    }
}
