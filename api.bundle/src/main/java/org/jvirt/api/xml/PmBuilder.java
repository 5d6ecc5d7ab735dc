package org.jvirt.api.xml;

/** Collects the values of a {@link Pm}: from {@link Pm#builder()} or {@link Pm#toBuilder()}; not thread-safe. */
public final class PmBuilder {
    String suspendToMem;
    String suspendToDisk;
    Preserved other;

    PmBuilder() {
    }

    PmBuilder(Pm from) {
        suspendToMem = from.suspendToMem();
        suspendToDisk = from.suspendToDisk();
        other = from.other();
    }

    /** @see Pm#suspendToMem() */
    public PmBuilder suspendToMem(String value) {
        this.suspendToMem = value;
        return this;
    }

    /** @see Pm#suspendToDisk() */
    public PmBuilder suspendToDisk(String value) {
        this.suspendToDisk = value;
        return this;
    }

    /** @see Pm#other() */
    public PmBuilder other(Preserved value) {
        this.other = value;
        return this;
    }

    public Pm build() {
        return new Pm(this);
    }
}
