package org.jvirt.api.xml;

import java.util.List;
import java.util.Objects;

/**
 * A guest NUMA cell, {@code <cpu><numa><cell>} (libvirt's virDomainNumaNode).
 *
 * <p>Immutable; lists are never null. Build with {@link #builder()}, change with {@link #toBuilder()}.
 */
public final class NumaCell {
    private final int id;
    private final String cpus;
    private final long memoryKib;
    private final String memAccess;
    private final String discard;
    private final List<Distance> distances;
    private final Preserved other;

    NumaCell(NumaCellBuilder b) {
        this.id = b.id;
        this.cpus = b.cpus;
        this.memoryKib = b.memoryKib;
        this.memAccess = b.memAccess;
        this.discard = b.discard;
        this.distances = List.copyOf(b.distances == null ? List.of() : b.distances);
        this.other = b.other == null ? Preserved.NONE : b.other;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static NumaCellBuilder builder() {
        return new NumaCellBuilder();
    }

    /** A builder holding this object's values. */
    public NumaCellBuilder toBuilder() {
        return new NumaCellBuilder(this);
    }

    /** the cell id (libvirt numbers cells in order when it is absent) */
    public int id() {
        return id;
    }

    /** the guest vCPUs (canonical bitmap syntax), or null */
    public String cpus() {
        return cpus;
    }

    /** the cell's memory in KiB */
    public long memoryKib() {
        return memoryKib;
    }

    /** {@code shared}/{@code private}, or null */
    public String memAccess() {
        return memAccess;
    }

    /** {@code yes}/{@code no}, or null */
    public String discard() {
        return discard;
    }

    /** {@code <distances><sibling id= value=/>} as written */
    public List<Distance> distances() {
        return distances;
    }

    /** the rest of the cell ({@code <cache>} ...), kept verbatim and formatted back in libvirt's order; never null */
    public Preserved other() {
        return other;
    }

    /** A copy with {@code id} replaced. */
    public NumaCell withId(int newId) {
        return toBuilder().id(newId).build();
    }

    /** A copy with {@code other} replaced. */
    public NumaCell withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    /**
     * {@code <sibling id= value=/>}.
     *
     * @param id    the sibling cell
     * @param value the distance (10 to the cell itself)
     */
    public record Distance(int id, int value) {
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof NumaCell x)) {
            return false;
        }
        return id == x.id && Objects.equals(cpus, x.cpus) && memoryKib == x.memoryKib
                && Objects.equals(memAccess, x.memAccess) && Objects.equals(discard, x.discard)
                && Objects.equals(distances, x.distances) && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, cpus, memoryKib, memAccess, discard, distances, other);
    }

    @Override
    public String toString() {
        return "NumaCell[id=" + id + ", cpus=" + cpus + ", memoryKib=" + memoryKib
                + ", memAccess=" + memAccess + ", discard=" + discard + ", distances=" + distances
                + ", other=" + other + "]";
    }

}
