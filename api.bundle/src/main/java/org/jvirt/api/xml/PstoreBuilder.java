package org.jvirt.api.xml;

/** Collects the values of a {@link Pstore}: from {@link Pstore#builder()} or {@link Pstore#toBuilder()}; not thread-safe. */
public final class PstoreBuilder {
    String backend;
    String path;
    Long sizeKib;
    Preserved other;
    DeviceInfo info;

    PstoreBuilder() {
    }

    PstoreBuilder(Pstore from) {
        backend = from.backend();
        path = from.path();
        sizeKib = from.sizeKib();
        other = from.other();
        info = from.info();
    }

    /** @see Pstore#backend() */
    public PstoreBuilder backend(String value) {
        this.backend = value;
        return this;
    }

    /** @see Pstore#path() */
    public PstoreBuilder path(String value) {
        this.path = value;
        return this;
    }

    /** @see Pstore#sizeKib() */
    public PstoreBuilder sizeKib(Long value) {
        this.sizeKib = value;
        return this;
    }

    /** @see Pstore#other() */
    public PstoreBuilder other(Preserved value) {
        this.other = value;
        return this;
    }

    /** @see Pstore#info() */
    public PstoreBuilder info(DeviceInfo value) {
        this.info = value;
        return this;
    }

    public Pstore build() {
        return new Pstore(this);
    }
}
