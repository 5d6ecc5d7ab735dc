package org.jvirt.api.xml;

import java.util.Objects;

/**
 * A memory device's {@code <source>}. Sizes are in KiB.
 *
 * <p>Immutable; lists are never null. Build with {@link #builder()}, change with {@link #toBuilder()}.
 */
public final class MemorySource {
    private final Long pagesizeKib;
    private final String nodemask;
    private final String path;
    private final Long alignsizeKib;
    private final boolean pmem;
    private final Preserved other;

    MemorySource(MemorySourceBuilder b) {
        this.pagesizeKib = b.pagesizeKib;
        this.nodemask = b.nodemask;
        this.path = b.path;
        this.alignsizeKib = b.alignsizeKib;
        this.pmem = b.pmem;
        this.other = b.other == null ? Preserved.NONE : b.other;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static MemorySourceBuilder builder() {
        return new MemorySourceBuilder();
    }

    /** A builder holding this object's values. */
    public MemorySourceBuilder toBuilder() {
        return new MemorySourceBuilder(this);
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
        return Objects.equals(pagesizeKib, x.pagesizeKib) && Objects.equals(nodemask, x.nodemask)
                && Objects.equals(path, x.path) && Objects.equals(alignsizeKib, x.alignsizeKib)
                && pmem == x.pmem && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(pagesizeKib, nodemask, path, alignsizeKib, pmem, other);
    }

    @Override
    public String toString() {
        return "MemorySource[pagesizeKib=" + pagesizeKib + ", nodemask=" + nodemask + ", path=" + path
                + ", alignsizeKib=" + alignsizeKib + ", pmem=" + pmem + ", other=" + other + "]";
    }

}
