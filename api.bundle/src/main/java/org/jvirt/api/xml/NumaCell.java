package org.jvirt.api.xml;

import java.util.List;
import java.util.Objects;

/**
 * A guest NUMA cell, {@code <cpu><numa><cell>} (libvirt's virDomainNumaNode).
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder()}, change one with
 * {@link #toBuilder()} or a {@code with...} copy; accessors never return null lists.
 */
public final class NumaCell {
    private final int id;
    private final String cpus;
    private final long memoryKib;
    private final String memAccess;
    private final String discard;
    private final List<Distance> distances;
    private final Preserved other;

    private NumaCell(Builder b) {
        this.id = b.id;
        this.cpus = b.cpus;
        this.memoryKib = b.memoryKib;
        this.memAccess = b.memAccess;
        this.discard = b.discard;
        this.distances = List.copyOf(b.distances == null ? List.of() : b.distances);
        this.other = b.other == null ? Preserved.NONE : b.other;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.cpus = cpus;
        b.memoryKib = memoryKib;
        b.memAccess = memAccess;
        b.discard = discard;
        b.distances = distances;
        b.other = other;
        return b;
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

    /** A copy with {@code cpus} replaced. */
    public NumaCell withCpus(String newCpus) {
        return toBuilder().cpus(newCpus).build();
    }

    /** A copy with {@code memoryKib} replaced. */
    public NumaCell withMemoryKib(long newMemoryKib) {
        return toBuilder().memoryKib(newMemoryKib).build();
    }

    /** A copy with {@code memAccess} replaced. */
    public NumaCell withMemAccess(String newMemAccess) {
        return toBuilder().memAccess(newMemAccess).build();
    }

    /** A copy with {@code discard} replaced. */
    public NumaCell withDiscard(String newDiscard) {
        return toBuilder().discard(newDiscard).build();
    }

    /** A copy with {@code distances} replaced. */
    public NumaCell withDistances(List<Distance> newDistances) {
        return toBuilder().distances(newDistances).build();
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
        return id == x.id
                && Objects.equals(cpus, x.cpus)
                && memoryKib == x.memoryKib
                && Objects.equals(memAccess, x.memAccess)
                && Objects.equals(discard, x.discard)
                && Objects.equals(distances, x.distances)
                && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, cpus, memoryKib, memAccess, discard, distances, other);
    }

    @Override
    public String toString() {
        return "NumaCell[" + "id=" + id + ", "
                + "cpus=" + cpus + ", "
                + "memoryKib=" + memoryKib + ", "
                + "memAccess=" + memAccess + ", "
                + "discard=" + discard + ", "
                + "distances=" + distances + ", "
                + "other=" + other + "]";
    }

    /** Collects the values of a {@link NumaCell}; not thread-safe. */
    public static final class Builder {
        private int id;
        private String cpus;
        private long memoryKib;
        private String memAccess;
        private String discard;
        private List<Distance> distances;
        private Preserved other;

        private Builder() {
        }

        /** @see NumaCell#id() */
        public Builder id(int value) {
            this.id = value;
            return this;
        }

        /** @see NumaCell#cpus() */
        public Builder cpus(String value) {
            this.cpus = value;
            return this;
        }

        /** @see NumaCell#memoryKib() */
        public Builder memoryKib(long value) {
            this.memoryKib = value;
            return this;
        }

        /** @see NumaCell#memAccess() */
        public Builder memAccess(String value) {
            this.memAccess = value;
            return this;
        }

        /** @see NumaCell#discard() */
        public Builder discard(String value) {
            this.discard = value;
            return this;
        }

        /** @see NumaCell#distances() */
        public Builder distances(List<Distance> value) {
            this.distances = value;
            return this;
        }

        /** @see NumaCell#other() */
        public Builder other(Preserved value) {
            this.other = value;
            return this;
        }

        public NumaCell build() {
            return new NumaCell(this);
        }
    }
}
