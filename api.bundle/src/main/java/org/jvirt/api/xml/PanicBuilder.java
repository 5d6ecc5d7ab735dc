package org.jvirt.api.xml;

/** Collects the values of a {@link Panic}: from {@link Panic#builder()} or {@link Panic#toBuilder()}; not thread-safe. */
public final class PanicBuilder {
    String model;
    Preserved other;
    DeviceInfo info;

    PanicBuilder() {
    }

    PanicBuilder(Panic from) {
        model = from.model();
        other = from.other();
        info = from.info();
    }

    /** @see Panic#model() */
    public PanicBuilder model(String value) {
        this.model = value;
        return this;
    }

    /** @see Panic#other() */
    public PanicBuilder other(Preserved value) {
        this.other = value;
        return this;
    }

    /** @see Panic#info() */
    public PanicBuilder info(DeviceInfo value) {
        this.info = value;
        return this;
    }

    public Panic build() {
        return new Panic(this);
    }
}
