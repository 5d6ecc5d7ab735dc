package org.jvirt.api.xml;

import java.util.List;

/** Collects the values of a {@link NumaCell}: from {@link NumaCell#builder()} or {@link NumaCell#toBuilder()}; not thread-safe. */
public final class NumaCellBuilder {
    int id;
    String cpus;
    long memoryKib;
    String memAccess;
    String discard;
    List<NumaCell.Distance> distances;
    Preserved other;

    NumaCellBuilder() {
    }

    NumaCellBuilder(NumaCell from) {
        id = from.id();
        cpus = from.cpus();
        memoryKib = from.memoryKib();
        memAccess = from.memAccess();
        discard = from.discard();
        distances = from.distances();
        other = from.other();
    }

    /** @see NumaCell#id() */
    public NumaCellBuilder id(int value) {
        this.id = value;
        return this;
    }

    /** @see NumaCell#cpus() */
    public NumaCellBuilder cpus(String value) {
        this.cpus = value;
        return this;
    }

    /** @see NumaCell#memoryKib() */
    public NumaCellBuilder memoryKib(long value) {
        this.memoryKib = value;
        return this;
    }

    /** @see NumaCell#memAccess() */
    public NumaCellBuilder memAccess(String value) {
        this.memAccess = value;
        return this;
    }

    /** @see NumaCell#discard() */
    public NumaCellBuilder discard(String value) {
        this.discard = value;
        return this;
    }

    /** @see NumaCell#distances() */
    public NumaCellBuilder distances(List<NumaCell.Distance> value) {
        this.distances = value;
        return this;
    }

    /** @see NumaCell#other() */
    public NumaCellBuilder other(Preserved value) {
        this.other = value;
        return this;
    }

    public NumaCell build() {
        return new NumaCell(this);
    }
}
