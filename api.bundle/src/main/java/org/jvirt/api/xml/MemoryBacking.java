package org.jvirt.api.xml;

import java.util.List;
import java.util.Objects;

/**
 * The {@code <memoryBacking>} element: how guest RAM is backed on the host.
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder()}, change one with
 * {@link #toBuilder()} or a {@code with...} copy; accessors never return null lists.
 */
public final class MemoryBacking {
    private final boolean hugepages;
    private final List<Page> pages;
    private final boolean nosharepages;
    private final boolean locked;
    private final String sourceType;
    private final String accessMode;
    private final String allocationMode;
    private final Integer allocationThreads;
    private final boolean discard;
    private final Preserved other;

    private MemoryBacking(Builder b) {
        this.hugepages = b.hugepages;
        this.pages = List.copyOf(b.pages == null ? List.of() : b.pages);
        this.nosharepages = b.nosharepages;
        this.locked = b.locked;
        this.sourceType = b.sourceType;
        this.accessMode = b.accessMode;
        this.allocationMode = b.allocationMode;
        this.allocationThreads = b.allocationThreads;
        this.discard = b.discard;
        this.other = b.other == null ? Preserved.NONE : b.other;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.hugepages = hugepages;
        b.pages = pages;
        b.nosharepages = nosharepages;
        b.locked = locked;
        b.sourceType = sourceType;
        b.accessMode = accessMode;
        b.allocationMode = allocationMode;
        b.allocationThreads = allocationThreads;
        b.discard = discard;
        b.other = other;
        return b;
    }

    /** whether {@code <hugepages>} is present (without pages it asks for the host's default size) */
    public boolean hugepages() {
        return hugepages;
    }

    /** the {@code <hugepages><page size= nodeset=/>} entries, sizes in KiB */
    public List<Page> pages() {
        return pages;
    }

    /** {@code <nosharepages/>} */
    public boolean nosharepages() {
        return nosharepages;
    }

    /** {@code <locked/>} */
    public boolean locked() {
        return locked;
    }

    /** {@code <source type=>} ({@code file}, {@code anonymous}, {@code memfd}), or null */
    public String sourceType() {
        return sourceType;
    }

    /** {@code <access mode=>} ({@code shared}, {@code private}), or null */
    public String accessMode() {
        return accessMode;
    }

    /** {@code <allocation mode=>} ({@code immediate}, {@code ondemand}), or null */
    public String allocationMode() {
        return allocationMode;
    }

    /** {@code <allocation threads=>}, or null */
    public Integer allocationThreads() {
        return allocationThreads;
    }

    /** {@code <discard/>} */
    public boolean discard() {
        return discard;
    }

    /** further attributes and child elements the model does not name, kept verbatim and formatted back in libvirt's order; never null */
    public Preserved other() {
        return other;
    }

    /** A copy with {@code hugepages} replaced. */
    public MemoryBacking withHugepages(boolean newHugepages) {
        return toBuilder().hugepages(newHugepages).build();
    }

    /** A copy with {@code pages} replaced. */
    public MemoryBacking withPages(List<Page> newPages) {
        return toBuilder().pages(newPages).build();
    }

    /** A copy with {@code nosharepages} replaced. */
    public MemoryBacking withNosharepages(boolean newNosharepages) {
        return toBuilder().nosharepages(newNosharepages).build();
    }

    /** A copy with {@code locked} replaced. */
    public MemoryBacking withLocked(boolean newLocked) {
        return toBuilder().locked(newLocked).build();
    }

    /** A copy with {@code sourceType} replaced. */
    public MemoryBacking withSourceType(String newSourceType) {
        return toBuilder().sourceType(newSourceType).build();
    }

    /** A copy with {@code accessMode} replaced. */
    public MemoryBacking withAccessMode(String newAccessMode) {
        return toBuilder().accessMode(newAccessMode).build();
    }

    /** A copy with {@code allocationMode} replaced. */
    public MemoryBacking withAllocationMode(String newAllocationMode) {
        return toBuilder().allocationMode(newAllocationMode).build();
    }

    /** A copy with {@code allocationThreads} replaced. */
    public MemoryBacking withAllocationThreads(Integer newAllocationThreads) {
        return toBuilder().allocationThreads(newAllocationThreads).build();
    }

    /** A copy with {@code discard} replaced. */
    public MemoryBacking withDiscard(boolean newDiscard) {
        return toBuilder().discard(newDiscard).build();
    }

    /** A copy with {@code other} replaced. */
    public MemoryBacking withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    /**
     * {@code <page size= unit= nodeset=/>}.
     *
     * @param sizeKib the page size in KiB
     * @param nodeset the guest NUMA nodes it backs (canonical bitmap syntax), or null for all
     */
    public record Page(long sizeKib, String nodeset) {
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof MemoryBacking x)) {
            return false;
        }
        return hugepages == x.hugepages
                && Objects.equals(pages, x.pages)
                && nosharepages == x.nosharepages
                && locked == x.locked
                && Objects.equals(sourceType, x.sourceType)
                && Objects.equals(accessMode, x.accessMode)
                && Objects.equals(allocationMode, x.allocationMode)
                && Objects.equals(allocationThreads, x.allocationThreads)
                && discard == x.discard
                && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(hugepages, pages, nosharepages, locked, sourceType, accessMode, allocationMode, allocationThreads, discard, other);
    }

    @Override
    public String toString() {
        return "MemoryBacking[" + "hugepages=" + hugepages + ", "
                + "pages=" + pages + ", "
                + "nosharepages=" + nosharepages + ", "
                + "locked=" + locked + ", "
                + "sourceType=" + sourceType + ", "
                + "accessMode=" + accessMode + ", "
                + "allocationMode=" + allocationMode + ", "
                + "allocationThreads=" + allocationThreads + ", "
                + "discard=" + discard + ", "
                + "other=" + other + "]";
    }

    /** Collects the values of a {@link MemoryBacking}; not thread-safe. */
    public static final class Builder {
        private boolean hugepages;
        private List<Page> pages;
        private boolean nosharepages;
        private boolean locked;
        private String sourceType;
        private String accessMode;
        private String allocationMode;
        private Integer allocationThreads;
        private boolean discard;
        private Preserved other;

        private Builder() {
        }

        /** @see MemoryBacking#hugepages() */
        public Builder hugepages(boolean value) {
            this.hugepages = value;
            return this;
        }

        /** @see MemoryBacking#pages() */
        public Builder pages(List<Page> value) {
            this.pages = value;
            return this;
        }

        /** @see MemoryBacking#nosharepages() */
        public Builder nosharepages(boolean value) {
            this.nosharepages = value;
            return this;
        }

        /** @see MemoryBacking#locked() */
        public Builder locked(boolean value) {
            this.locked = value;
            return this;
        }

        /** @see MemoryBacking#sourceType() */
        public Builder sourceType(String value) {
            this.sourceType = value;
            return this;
        }

        /** @see MemoryBacking#accessMode() */
        public Builder accessMode(String value) {
            this.accessMode = value;
            return this;
        }

        /** @see MemoryBacking#allocationMode() */
        public Builder allocationMode(String value) {
            this.allocationMode = value;
            return this;
        }

        /** @see MemoryBacking#allocationThreads() */
        public Builder allocationThreads(Integer value) {
            this.allocationThreads = value;
            return this;
        }

        /** @see MemoryBacking#discard() */
        public Builder discard(boolean value) {
            this.discard = value;
            return this;
        }

        /** @see MemoryBacking#other() */
        public Builder other(Preserved value) {
            this.other = value;
            return this;
        }

        public MemoryBacking build() {
            return new MemoryBacking(this);
        }
    }
}
