package org.jvirt.api.xml;

/** Collects the values of a {@link Rng}: from {@link Rng#builder()} or {@link Rng#toBuilder()}; not thread-safe. */
public final class RngBuilder {
    String model;
    Integer rateBytes;
    Integer ratePeriod;
    RngBackend backend;
    VirtioDriver driver;
    Preserved other;
    DeviceInfo info;

    RngBuilder() {
    }

    RngBuilder(Rng from) {
        model = from.model();
        rateBytes = from.rateBytes();
        ratePeriod = from.ratePeriod();
        backend = from.backend();
        driver = from.driver();
        other = from.other();
        info = from.info();
    }

    /** @see Rng#model() */
    public RngBuilder model(String value) {
        this.model = value;
        return this;
    }

    /** @see Rng#rateBytes() */
    public RngBuilder rateBytes(Integer value) {
        this.rateBytes = value;
        return this;
    }

    /** @see Rng#ratePeriod() */
    public RngBuilder ratePeriod(Integer value) {
        this.ratePeriod = value;
        return this;
    }

    /** @see Rng#backend() */
    public RngBuilder backend(RngBackend value) {
        this.backend = value;
        return this;
    }

    /** @see Rng#driver() */
    public RngBuilder driver(VirtioDriver value) {
        this.driver = value;
        return this;
    }

    /** @see Rng#other() */
    public RngBuilder other(Preserved value) {
        this.other = value;
        return this;
    }

    /** @see Rng#info() */
    public RngBuilder info(DeviceInfo value) {
        this.info = value;
        return this;
    }

    public Rng build() {
        return new Rng(this);
    }
}
