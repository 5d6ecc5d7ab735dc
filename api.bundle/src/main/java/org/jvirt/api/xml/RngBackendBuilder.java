package org.jvirt.api.xml;

/** Collects the values of a {@link RngBackend}: from {@link RngBackend#builder()} or {@link RngBackend#toBuilder()}; not thread-safe. */
public final class RngBackendBuilder {
    String model;
    String randomPath;
    String type;
    CharSource source;
    Preserved other;

    RngBackendBuilder() {
    }

    RngBackendBuilder(RngBackend from) {
        model = from.model();
        randomPath = from.randomPath();
        type = from.type();
        source = from.source();
        other = from.other();
    }

    /** @see RngBackend#model() */
    public RngBackendBuilder model(String value) {
        this.model = value;
        return this;
    }

    /** @see RngBackend#randomPath() */
    public RngBackendBuilder randomPath(String value) {
        this.randomPath = value;
        return this;
    }

    /** @see RngBackend#type() */
    public RngBackendBuilder type(String value) {
        this.type = value;
        return this;
    }

    /** @see RngBackend#source() */
    public RngBackendBuilder source(CharSource value) {
        this.source = value;
        return this;
    }

    /** @see RngBackend#other() */
    public RngBackendBuilder other(Preserved value) {
        this.other = value;
        return this;
    }

    public RngBackend build() {
        return new RngBackend(this);
    }
}
