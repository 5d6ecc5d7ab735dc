package org.jvirt.api.xml;

/** Collects the values of a {@link DiskAuth}: from {@link DiskAuth#builder()} or {@link DiskAuth#toBuilder()}; not thread-safe. */
public final class DiskAuthBuilder {
    String username;
    DiskSecret secret;
    Preserved other;

    DiskAuthBuilder() {
    }

    DiskAuthBuilder(DiskAuth from) {
        username = from.username();
        secret = from.secret();
        other = from.other();
    }

    /** @see DiskAuth#username() */
    public DiskAuthBuilder username(String value) {
        this.username = value;
        return this;
    }

    /** @see DiskAuth#secret() */
    public DiskAuthBuilder secret(DiskSecret value) {
        this.secret = value;
        return this;
    }

    /** @see DiskAuth#other() */
    public DiskAuthBuilder other(Preserved value) {
        this.other = value;
        return this;
    }

    public DiskAuth build() {
        return new DiskAuth(this);
    }
}
