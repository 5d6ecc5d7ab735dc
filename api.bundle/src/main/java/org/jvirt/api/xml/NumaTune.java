package org.jvirt.api.xml;

import java.util.List;
import java.util.Objects;

/**
 * The {@code <numatune>} element: host NUMA policy of guest memory.
 *
 * <p>Immutable; lists are never null. Build with {@link #builder()}, change with {@link #toBuilder()}.
 */
public final class NumaTune {
    private final String memoryMode;
    private final String memoryPlacement;
    private final String memoryNodeset;
    private final List<MemNode> memnodes;
    private final Preserved other;

    NumaTune(NumaTuneBuilder b) {
        this.memoryMode = b.memoryMode;
        this.memoryPlacement = b.memoryPlacement;
        this.memoryNodeset = b.memoryNodeset;
        this.memnodes = List.copyOf(b.memnodes == null ? List.of() : b.memnodes);
        this.other = b.other == null ? Preserved.NONE : b.other;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static NumaTuneBuilder builder() {
        return new NumaTuneBuilder();
    }

    /** A builder holding this object's values. */
    public NumaTuneBuilder toBuilder() {
        return new NumaTuneBuilder(this);
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
        return Objects.equals(memoryMode, x.memoryMode) && Objects.equals(memoryPlacement, x.memoryPlacement)
                && Objects.equals(memoryNodeset, x.memoryNodeset) && Objects.equals(memnodes, x.memnodes)
                && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(memoryMode, memoryPlacement, memoryNodeset, memnodes, other);
    }

    @Override
    public String toString() {
        return "NumaTune[memoryMode=" + memoryMode + ", memoryPlacement=" + memoryPlacement
                + ", memoryNodeset=" + memoryNodeset + ", memnodes=" + memnodes + ", other=" + other + "]";
    }

}
