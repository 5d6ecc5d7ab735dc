package org.jvirt.api.xml;

import java.util.Objects;

/**
 * The {@code <pm>} element: guest power management.
 *
 * <p>Immutable; lists are never null. Build with {@link #builder()}, change with {@link #toBuilder()}.
 */
public final class Pm {
    private final String suspendToMem;
    private final String suspendToDisk;
    private final Preserved other;

    Pm(PmBuilder b) {
        this.suspendToMem = b.suspendToMem;
        this.suspendToDisk = b.suspendToDisk;
        this.other = b.other == null ? Preserved.NONE : b.other;
    }

    /** A builder with every field unset (null, empty, or the documented default). */
    public static PmBuilder builder() {
        return new PmBuilder();
    }

    /** A builder holding this object's values. */
    public PmBuilder toBuilder() {
        return new PmBuilder(this);
    }

    /** {@code <suspend-to-mem enabled=>} ({@code yes}/{@code no}), or null */
    public String suspendToMem() {
        return suspendToMem;
    }

    /** {@code <suspend-to-disk enabled=>} ({@code yes}/{@code no}), or null */
    public String suspendToDisk() {
        return suspendToDisk;
    }

    /** further attributes and child elements the model does not name, kept verbatim and formatted back in libvirt's order; never null */
    public Preserved other() {
        return other;
    }

    /** A copy with {@code other} replaced. */
    public Pm withOther(Preserved newOther) {
        return toBuilder().other(newOther).build();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Pm x)) {
            return false;
        }
        return Objects.equals(suspendToMem, x.suspendToMem) && Objects.equals(suspendToDisk, x.suspendToDisk)
                && Objects.equals(other, x.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(suspendToMem, suspendToDisk, other);
    }

    @Override
    public String toString() {
        return "Pm[suspendToMem=" + suspendToMem + ", suspendToDisk=" + suspendToDisk
                + ", other=" + other + "]";
    }

}
