package org.jvirt.api.xml;

/** Collects the values of a {@link MemoryTarget}: from {@link MemoryTarget#builder()} or {@link MemoryTarget#toBuilder()}; not thread-safe. */
public final class MemoryTargetBuilder {
    String dynamicMemslots;
    Long sizeKib;
    Integer node;
    Long labelSizeKib;
    Long blockKib;
    Long requestedKib;
    Long currentKib;
    boolean readonly;
    Long addressBase;
    Preserved other;

    MemoryTargetBuilder() {
    }

    MemoryTargetBuilder(MemoryTarget from) {
        dynamicMemslots = from.dynamicMemslots();
        sizeKib = from.sizeKib();
        node = from.node();
        labelSizeKib = from.labelSizeKib();
        blockKib = from.blockKib();
        requestedKib = from.requestedKib();
        currentKib = from.currentKib();
        readonly = from.readonly();
        addressBase = from.addressBase();
        other = from.other();
    }

    /** @see MemoryTarget#dynamicMemslots() */
    public MemoryTargetBuilder dynamicMemslots(String value) {
        this.dynamicMemslots = value;
        return this;
    }

    /** @see MemoryTarget#sizeKib() */
    public MemoryTargetBuilder sizeKib(Long value) {
        this.sizeKib = value;
        return this;
    }

    /** @see MemoryTarget#node() */
    public MemoryTargetBuilder node(Integer value) {
        this.node = value;
        return this;
    }

    /** @see MemoryTarget#labelSizeKib() */
    public MemoryTargetBuilder labelSizeKib(Long value) {
        this.labelSizeKib = value;
        return this;
    }

    /** @see MemoryTarget#blockKib() */
    public MemoryTargetBuilder blockKib(Long value) {
        this.blockKib = value;
        return this;
    }

    /** @see MemoryTarget#requestedKib() */
    public MemoryTargetBuilder requestedKib(Long value) {
        this.requestedKib = value;
        return this;
    }

    /** @see MemoryTarget#currentKib() */
    public MemoryTargetBuilder currentKib(Long value) {
        this.currentKib = value;
        return this;
    }

    /** @see MemoryTarget#readonly() */
    public MemoryTargetBuilder readonly(boolean value) {
        this.readonly = value;
        return this;
    }

    /** @see MemoryTarget#addressBase() */
    public MemoryTargetBuilder addressBase(Long value) {
        this.addressBase = value;
        return this;
    }

    /** @see MemoryTarget#other() */
    public MemoryTargetBuilder other(Preserved value) {
        this.other = value;
        return this;
    }

    public MemoryTarget build() {
        return new MemoryTarget(this);
    }
}
