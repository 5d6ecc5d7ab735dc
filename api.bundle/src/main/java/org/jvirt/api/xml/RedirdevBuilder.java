package org.jvirt.api.xml;

/** Collects the values of a {@link Redirdev}: from {@link Redirdev#builder()} or {@link Redirdev#toBuilder()}; not thread-safe. */
public final class RedirdevBuilder {
    String bus;
    String type;
    CharSource source;
    Preserved other;
    DeviceInfo info;

    RedirdevBuilder() {
    }

    RedirdevBuilder(Redirdev from) {
        bus = from.bus();
        type = from.type();
        source = from.source();
        other = from.other();
        info = from.info();
    }

    /** @see Redirdev#bus() */
    public RedirdevBuilder bus(String value) {
        this.bus = value;
        return this;
    }

    /** @see Redirdev#type() */
    public RedirdevBuilder type(String value) {
        this.type = value;
        return this;
    }

    /** @see Redirdev#source() */
    public RedirdevBuilder source(CharSource value) {
        this.source = value;
        return this;
    }

    /** @see Redirdev#other() */
    public RedirdevBuilder other(Preserved value) {
        this.other = value;
        return this;
    }

    /** @see Redirdev#info() */
    public RedirdevBuilder info(DeviceInfo value) {
        this.info = value;
        return this;
    }

    public Redirdev build() {
        return new Redirdev(this);
    }
}
