package org.jvirt.api.xml;

/** Collects the values of a {@link Crypto}: from {@link Crypto#builder()} or {@link Crypto#toBuilder()}; not thread-safe. */
public final class CryptoBuilder {
    String model;
    String type;
    String backendModel;
    Integer backendQueues;
    Preserved other;
    DeviceInfo info;

    CryptoBuilder() {
    }

    CryptoBuilder(Crypto from) {
        model = from.model();
        type = from.type();
        backendModel = from.backendModel();
        backendQueues = from.backendQueues();
        other = from.other();
        info = from.info();
    }

    /** @see Crypto#model() */
    public CryptoBuilder model(String value) {
        this.model = value;
        return this;
    }

    /** @see Crypto#type() */
    public CryptoBuilder type(String value) {
        this.type = value;
        return this;
    }

    /** @see Crypto#backendModel() */
    public CryptoBuilder backendModel(String value) {
        this.backendModel = value;
        return this;
    }

    /** @see Crypto#backendQueues() */
    public CryptoBuilder backendQueues(Integer value) {
        this.backendQueues = value;
        return this;
    }

    /** @see Crypto#other() */
    public CryptoBuilder other(Preserved value) {
        this.other = value;
        return this;
    }

    /** @see Crypto#info() */
    public CryptoBuilder info(DeviceInfo value) {
        this.info = value;
        return this;
    }

    public Crypto build() {
        return new Crypto(this);
    }
}
