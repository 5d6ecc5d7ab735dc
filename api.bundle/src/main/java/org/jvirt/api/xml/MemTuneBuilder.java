package org.jvirt.api.xml;

/** Collects the values of a {@link MemTune}: from {@link MemTune#builder()} or {@link MemTune#toBuilder()}; not thread-safe. */
public final class MemTuneBuilder {
    Long hardLimit;
    Long softLimit;
    Long swapHardLimit;
    Long minGuarantee;
    Preserved other;

    MemTuneBuilder() {
    }

    MemTuneBuilder(MemTune from) {
        hardLimit = from.hardLimit();
        softLimit = from.softLimit();
        swapHardLimit = from.swapHardLimit();
        minGuarantee = from.minGuarantee();
        other = from.other();
    }

    /** @see MemTune#hardLimit() */
    public MemTuneBuilder hardLimit(Long value) {
        this.hardLimit = value;
        return this;
    }

    /** @see MemTune#softLimit() */
    public MemTuneBuilder softLimit(Long value) {
        this.softLimit = value;
        return this;
    }

    /** @see MemTune#swapHardLimit() */
    public MemTuneBuilder swapHardLimit(Long value) {
        this.swapHardLimit = value;
        return this;
    }

    /** @see MemTune#minGuarantee() */
    public MemTuneBuilder minGuarantee(Long value) {
        this.minGuarantee = value;
        return this;
    }

    /** @see MemTune#other() */
    public MemTuneBuilder other(Preserved value) {
        this.other = value;
        return this;
    }

    public MemTune build() {
        return new MemTune(this);
    }
}
