package org.jvirt.api.xml;

/** Collects the values of a {@link MemorySource}: from {@link MemorySource#builder()} or {@link MemorySource#toBuilder()}; not thread-safe. */
public final class MemorySourceBuilder {
    Long pagesizeKib;
    String nodemask;
    String path;
    Long alignsizeKib;
    boolean pmem;
    Preserved other;

    MemorySourceBuilder() {
    }

    MemorySourceBuilder(MemorySource from) {
        pagesizeKib = from.pagesizeKib();
        nodemask = from.nodemask();
        path = from.path();
        alignsizeKib = from.alignsizeKib();
        pmem = from.pmem();
        other = from.other();
    }

    /** @see MemorySource#pagesizeKib() */
    public MemorySourceBuilder pagesizeKib(Long value) {
        this.pagesizeKib = value;
        return this;
    }

    /** @see MemorySource#nodemask() */
    public MemorySourceBuilder nodemask(String value) {
        this.nodemask = value;
        return this;
    }

    /** @see MemorySource#path() */
    public MemorySourceBuilder path(String value) {
        this.path = value;
        return this;
    }

    /** @see MemorySource#alignsizeKib() */
    public MemorySourceBuilder alignsizeKib(Long value) {
        this.alignsizeKib = value;
        return this;
    }

    /** @see MemorySource#pmem() */
    public MemorySourceBuilder pmem(boolean value) {
        this.pmem = value;
        return this;
    }

    /** @see MemorySource#other() */
    public MemorySourceBuilder other(Preserved value) {
        this.other = value;
        return this;
    }

    public MemorySource build() {
        return new MemorySource(this);
    }
}
