package org.jvirt.api.xml;

import java.util.List;

/** Collects the values of a {@link MemoryBacking}: from {@link MemoryBacking#builder()} or {@link MemoryBacking#toBuilder()}; not thread-safe. */
public final class MemoryBackingBuilder {
    boolean hugepages;
    List<MemoryBacking.Page> pages;
    boolean nosharepages;
    boolean locked;
    String sourceType;
    String accessMode;
    String allocationMode;
    Integer allocationThreads;
    boolean discard;
    Preserved other;

    MemoryBackingBuilder() {
    }

    MemoryBackingBuilder(MemoryBacking from) {
        hugepages = from.hugepages();
        pages = from.pages();
        nosharepages = from.nosharepages();
        locked = from.locked();
        sourceType = from.sourceType();
        accessMode = from.accessMode();
        allocationMode = from.allocationMode();
        allocationThreads = from.allocationThreads();
        discard = from.discard();
        other = from.other();
    }

    /** @see MemoryBacking#hugepages() */
    public MemoryBackingBuilder hugepages(boolean value) {
        this.hugepages = value;
        return this;
    }

    /** @see MemoryBacking#pages() */
    public MemoryBackingBuilder pages(List<MemoryBacking.Page> value) {
        this.pages = value;
        return this;
    }

    /** @see MemoryBacking#nosharepages() */
    public MemoryBackingBuilder nosharepages(boolean value) {
        this.nosharepages = value;
        return this;
    }

    /** @see MemoryBacking#locked() */
    public MemoryBackingBuilder locked(boolean value) {
        this.locked = value;
        return this;
    }

    /** @see MemoryBacking#sourceType() */
    public MemoryBackingBuilder sourceType(String value) {
        this.sourceType = value;
        return this;
    }

    /** @see MemoryBacking#accessMode() */
    public MemoryBackingBuilder accessMode(String value) {
        this.accessMode = value;
        return this;
    }

    /** @see MemoryBacking#allocationMode() */
    public MemoryBackingBuilder allocationMode(String value) {
        this.allocationMode = value;
        return this;
    }

    /** @see MemoryBacking#allocationThreads() */
    public MemoryBackingBuilder allocationThreads(Integer value) {
        this.allocationThreads = value;
        return this;
    }

    /** @see MemoryBacking#discard() */
    public MemoryBackingBuilder discard(boolean value) {
        this.discard = value;
        return this;
    }

    /** @see MemoryBacking#other() */
    public MemoryBackingBuilder other(Preserved value) {
        this.other = value;
        return this;
    }

    public MemoryBacking build() {
        return new MemoryBacking(this);
    }
}
