package org.jvirt.api.xml;

/** Collects the values of a {@link Tpm}: from {@link Tpm#builder()} or {@link Tpm#toBuilder()}; not thread-safe. */
public final class TpmBuilder {
    String model;
    TpmBackend backend;
    Preserved other;
    DeviceInfo info;

    TpmBuilder() {
    }

    TpmBuilder(Tpm from) {
        model = from.model();
        backend = from.backend();
        other = from.other();
        info = from.info();
    }

    /** @see Tpm#model() */
    public TpmBuilder model(String value) {
        this.model = value;
        return this;
    }

    /** @see Tpm#backend() */
    public TpmBuilder backend(TpmBackend value) {
        this.backend = value;
        return this;
    }

    /** @see Tpm#other() */
    public TpmBuilder other(Preserved value) {
        this.other = value;
        return this;
    }

    /** @see Tpm#info() */
    public TpmBuilder info(DeviceInfo value) {
        this.info = value;
        return this;
    }

    public Tpm build() {
        return new Tpm(this);
    }
}
