package org.jvirt.api.xml;

import java.util.List;
import java.util.Objects;

/**
 * The {@code <memoryBacking>} element: how guest RAM is backed on the host.
 *
 * <p>Immutable; lists are never null. Build with {@link #builder()}, change with {@link #toBuilder()}.
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

    MemoryBacking(MemoryBackingBuilder b) {
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
    public static MemoryBackingBuilder builder() {
        return new MemoryBackingBuilder();
    }

    /** A builder holding this object's values. */
    public MemoryBackingBuilder toBuilder() {
        return new MemoryBackingBuilder(this);
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

    /** A copy with {@code accessMode} replaced. */
    public MemoryBacking withAccessMode(String newAccessMode) {
        return toBuilder().accessMode(newAccessMode).build();
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
        return hugepages == x.hugepages && Objects.equals(pages, x.pages) && nosharepages == x.nosharepages
                && locked == x.locked && Objects.equals(sourceType, x.sourceType)
                && Objects.equals(accessMode, x.accessMode)
                && Objects.equals(allocationMode, x.allocationMode)
                && Objects.equals(allocationThreads, x.allocationThreads) && discard == x.discard
                && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(hugepages, pages, nosharepages, locked, sourceType, accessMode, allocationMode,
                allocationThreads, discard, other);
    }

    @Override
    public String toString() {
        return "MemoryBacking[hugepages=" + hugepages + ", pages=" + pages + ", nosharepages=" + nosharepages
                + ", locked=" + locked + ", sourceType=" + sourceType + ", accessMode=" + accessMode
                + ", allocationMode=" + allocationMode + ", allocationThreads=" + allocationThreads
                + ", discard=" + discard + ", other=" + other + "]";
    }

}
