package org.jvirt.api.xml;

/** Collects the values of a {@link CharTarget}: from {@link CharTarget#builder()} or {@link CharTarget#toBuilder()}; not thread-safe. */
public final class CharTargetBuilder {
    String type;
    String address;
    String name;
    String state;
    Integer port;
    String modelName;
    Preserved other;

    CharTargetBuilder() {
    }

    CharTargetBuilder(CharTarget from) {
        type = from.type();
        address = from.address();
        name = from.name();
        state = from.state();
        port = from.port();
        modelName = from.modelName();
        other = from.other();
    }

    /** @see CharTarget#type() */
    public CharTargetBuilder type(String value) {
        this.type = value;
        return this;
    }

    /** @see CharTarget#address() */
    public CharTargetBuilder address(String value) {
        this.address = value;
        return this;
    }

    /** @see CharTarget#name() */
    public CharTargetBuilder name(String value) {
        this.name = value;
        return this;
    }

    /** @see CharTarget#state() */
    public CharTargetBuilder state(String value) {
        this.state = value;
        return this;
    }

    /** @see CharTarget#port() */
    public CharTargetBuilder port(Integer value) {
        this.port = value;
        return this;
    }

    /** @see CharTarget#modelName() */
    public CharTargetBuilder modelName(String value) {
        this.modelName = value;
        return this;
    }

    /** @see CharTarget#other() */
    public CharTargetBuilder other(Preserved value) {
        this.other = value;
        return this;
    }

    public CharTarget build() {
        return new CharTarget(this);
    }
}
