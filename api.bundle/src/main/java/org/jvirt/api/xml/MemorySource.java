package org.jvirt.api.xml;

import java.util.Objects;

/**
 * A memory device's {@code <source>}. Sizes are in KiB.
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder()}, change one with
 * {@link #toBuilder()} or a {@code with...} copy; accessors never return null lists.
 */
public final class MemorySource {
    private final Long pagesizeKib;
    private final String nodemask;
    private final String path;
    private final Long alignsizeKib;
    private final boolean pmem;
    private final Preserved other;

    private MemorySource(Builder b) {
        this.pagesizeKib = b.pagesizeKib;
        this.nodemask = b.nodemask;
        this.path = b.path;
        this.alignsizeKib = b.alignsizeKib;
        this.pmem = b.pmem;
        this.other = b.other == null ? Preserved.NONE : b.other;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.pagesizeKib = pagesizeKib;
        b.nodemask = nodemask;
        b.path = path;
        b.alignsizeKib = alignsizeKib;
        b.pmem = pmem;
        b.other = other;
        return b;
    }

    /** {@code <pagesize>}, or null */
    public Long pagesizeKib() {
        return pagesizeKib;
    }

    /** {@code <nodemask>} (a host NUMA node set), or null */
    public String nodemask() {
        return nodemask;
    }

    /** {@code <path>}: the backing file or device of nvdimm/virtio-pmem, or null */
    public String path() {
        return path;
    }

    /** {@code <alignsize>}, or null */
    public Long alignsizeKib() {
        return alignsizeKib;
    }

    /** whether {@code <pmem/>} is present */
    public boolean pmem() {
        return pmem;
    }

    /** further attributes and child elements the model does not name, kept verbatim and formatted back in libvirt's order; never null */
    public Preserved other() {
        return other;
    }

    /** A copy with {@code pagesizeKib} replaced. */
    public MemorySource withPagesizeKib(Long newPagesizeKib) {
        return toBuilder().pagesizeKib(newPagesizeKib).build();
    }

    /** A copy with {@code nodemask} replaced. */
    public MemorySource withNodemask(String newNodemask) {
        return toBuilder().nodemask(newNodemask).build();
    }

    /** A copy with {@code path} replaced. */
    public MemorySource withPath(String newPath) {
        return toBuilder().path(newPath).build();
    }

    /** A copy with {@code alignsizeKib} replaced. */
    public MemorySource withAlignsizeKib(Long newAlignsizeKib) {
        return toBuilder().alignsizeKib(newAlignsizeKib).build();
    }

    /** A copy with {@code pmem} replaced. */
    public MemorySource withPmem(boolean newPmem) {
        return toBuilder().pmem(newPmem).build();
    }

    /** A copy with {@code other} replaced. */
    public MemorySource withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof MemorySource x)) {
            return false;
        }
        return Objects.equals(pagesizeKib, x.pagesizeKib)
                && Objects.equals(nodemask, x.nodemask)
                && Objects.equals(path, x.path)
                && Objects.equals(alignsizeKib, x.alignsizeKib)
                && pmem == x.pmem
                && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(pagesizeKib, nodemask, path, alignsizeKib, pmem, other);
    }

    @Override
    public String toString() {
        return "MemorySource[" + "pagesizeKib=" + pagesizeKib + ", "
                + "nodemask=" + nodemask + ", "
                + "path=" + path + ", "
                + "alignsizeKib=" + alignsizeKib + ", "
                + "pmem=" + pmem + ", "
                + "other=" + other + "]";
    }

    /** Collects the values of a {@link MemorySource}; not thread-safe. */
    public static final class Builder {
        private Long pagesizeKib;
        private String nodemask;
        private String path;
        private Long alignsizeKib;
        private boolean pmem;
        private Preserved other;

        private Builder() {
        }

        /** @see MemorySource#pagesizeKib() */
        public Builder pagesizeKib(Long value) {
            this.pagesizeKib = value;
            return this;
        }

        /** @see MemorySource#nodemask() */
        public Builder nodemask(String value) {
            this.nodemask = value;
            return this;
        }

        /** @see MemorySource#path() */
        public Builder path(String value) {
            this.path = value;
            return this;
        }

        /** @see MemorySource#alignsizeKib() */
        public Builder alignsizeKib(Long value) {
            this.alignsizeKib = value;
            return this;
        }

        /** @see MemorySource#pmem() */
        public Builder pmem(boolean value) {
            this.pmem = value;
            return this;
        }

        /** @see MemorySource#other() */
        public Builder other(Preserved value) {
            this.other = value;
            return this;
        }

        public MemorySource build() {
            return new MemorySource(this);
        }
    }
}
