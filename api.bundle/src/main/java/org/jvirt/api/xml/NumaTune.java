package org.jvirt.api.xml;

import java.util.List;
import java.util.Objects;

/**
 * The {@code <numatune>} element: host NUMA policy of guest memory.
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder()}, change one with
 * {@link #toBuilder()} or a {@code with...} copy; accessors never return null lists.
 */
public final class NumaTune {
    private final String memoryMode;
    private final String memoryPlacement;
    private final String memoryNodeset;
    private final List<MemNode> memnodes;
    private final Preserved other;

    private NumaTune(Builder b) {
        this.memoryMode = b.memoryMode;
        this.memoryPlacement = b.memoryPlacement;
        this.memoryNodeset = b.memoryNodeset;
        this.memnodes = List.copyOf(b.memnodes == null ? List.of() : b.memnodes);
        this.other = b.other == null ? Preserved.NONE : b.other;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.memoryMode = memoryMode;
        b.memoryPlacement = memoryPlacement;
        b.memoryNodeset = memoryNodeset;
        b.memnodes = memnodes;
        b.other = other;
        return b;
    }

    /** {@code <memory mode=>} ({@code strict}, {@code preferred}, {@code interleave}, {@code restrictive}), or null when there is no {@code <memory>} */
    public String memoryMode() {
        return memoryMode;
    }

    /** {@code <memory placement=>} ({@code static}, {@code auto}), or null when there is no {@code <memory>} */
    public String memoryPlacement() {
        return memoryPlacement;
    }

    /** {@code <memory nodeset=>} (canonical bitmap syntax), or null */
    public String memoryNodeset() {
        return memoryNodeset;
    }

    /** the {@code <memnode>} entries */
    public List<MemNode> memnodes() {
        return memnodes;
    }

    /** further attributes and child elements the model does not name, kept verbatim and formatted back in libvirt's order; never null */
    public Preserved other() {
        return other;
    }

    /** A copy with {@code memoryMode} replaced. */
    public NumaTune withMemoryMode(String newMemoryMode) {
        return toBuilder().memoryMode(newMemoryMode).build();
    }

    /** A copy with {@code memoryPlacement} replaced. */
    public NumaTune withMemoryPlacement(String newMemoryPlacement) {
        return toBuilder().memoryPlacement(newMemoryPlacement).build();
    }

    /** A copy with {@code memoryNodeset} replaced. */
    public NumaTune withMemoryNodeset(String newMemoryNodeset) {
        return toBuilder().memoryNodeset(newMemoryNodeset).build();
    }

    /** A copy with {@code memnodes} replaced. */
    public NumaTune withMemnodes(List<MemNode> newMemnodes) {
        return toBuilder().memnodes(newMemnodes).build();
    }

    /** A copy with {@code other} replaced. */
    public NumaTune withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    /**
     * {@code <memnode cellid= mode= nodeset=/>}.
     *
     * @param cellId  the guest NUMA cell
     * @param mode    {@code strict}, {@code preferred}, {@code interleave}, {@code restrictive}
     * @param nodeset the host nodes (canonical bitmap syntax)
     */
    public record MemNode(int cellId, String mode, String nodeset) {
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof NumaTune x)) {
            return false;
        }
        return Objects.equals(memoryMode, x.memoryMode)
                && Objects.equals(memoryPlacement, x.memoryPlacement)
                && Objects.equals(memoryNodeset, x.memoryNodeset)
                && Objects.equals(memnodes, x.memnodes)
                && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(memoryMode, memoryPlacement, memoryNodeset, memnodes, other);
    }

    @Override
    public String toString() {
        return "NumaTune[" + "memoryMode=" + memoryMode + ", "
                + "memoryPlacement=" + memoryPlacement + ", "
                + "memoryNodeset=" + memoryNodeset + ", "
                + "memnodes=" + memnodes + ", "
                + "other=" + other + "]";
    }

    /** Collects the values of a {@link NumaTune}; not thread-safe. */
    public static final class Builder {
        private String memoryMode;
        private String memoryPlacement;
        private String memoryNodeset;
        private List<MemNode> memnodes;
        private Preserved other;

        private Builder() {
        }

        /** @see NumaTune#memoryMode() */
        public Builder memoryMode(String value) {
            this.memoryMode = value;
            return this;
        }

        /** @see NumaTune#memoryPlacement() */
        public Builder memoryPlacement(String value) {
            this.memoryPlacement = value;
            return this;
        }

        /** @see NumaTune#memoryNodeset() */
        public Builder memoryNodeset(String value) {
            this.memoryNodeset = value;
            return this;
        }

        /** @see NumaTune#memnodes() */
        public Builder memnodes(List<MemNode> value) {
            this.memnodes = value;
            return this;
        }

        /** @see NumaTune#other() */
        public Builder other(Preserved value) {
            this.other = value;
            return this;
        }

        public NumaTune build() {
            return new NumaTune(this);
        }
    }
}
